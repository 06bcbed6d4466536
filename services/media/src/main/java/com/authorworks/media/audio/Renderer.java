package com.authorworks.media.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.authorworks.content.BookText;
import com.authorworks.content.BookTexts;
import com.authorworks.content.ProviderKeys;
import com.authorworks.engine.llm.ApiKey;
import com.authorworks.engine.llm.ProviderCatalogue;
import com.authorworks.media.audio.speech.EspeakSpeech;
import com.authorworks.media.audio.speech.SpeechEngine;
import com.authorworks.media.audio.speech.SpeechEngine.Emotion;
import com.authorworks.media.audio.speech.SpeechEngines;
import com.authorworks.media.internal.MediaProperties;
import com.authorworks.storage.Buckets;
import com.authorworks.storage.StoredFile;

/**
 * One render of a project: the book's text from content, dialogue attributed, each chapter spoken in its cast's
 * voices, mastered to ACX and checked, then the opening and closing credits, the retail sample and the M4B,
 * every file stored through storage. Progress and cost (characters × the engine's list price) are written after
 * every chapter; a cancelled render stops between chapters.
 */
@Component
class Renderer {

    /** Thrown when the render cannot go on for a reason the author can fix (shown on the job). */
    static class RenderFailedException extends RuntimeException {
        RenderFailedException(String message) {
            super(message);
        }
    }

    static class CancelledException extends RuntimeException {
    }

    private final AudioProjects projects;
    private final Studio studio;
    private final SpeechEngines engines;
    private final ObjectProvider<BookTexts> books;
    private final ObjectProvider<ProviderKeys> keys;
    private final ObjectProvider<com.authorworks.storage.Files> files;
    private final MediaProperties properties;

    Renderer(AudioProjects projects, Studio studio, SpeechEngines engines, ObjectProvider<BookTexts> books, ObjectProvider<ProviderKeys> keys,
             ObjectProvider<com.authorworks.storage.Files> files, MediaProperties properties) {
        this.projects = projects;
        this.studio = studio;
        this.engines = engines;
        this.books = books;
        this.keys = keys;
        this.files = files;
        this.properties = properties;
    }

    /** The key for an engine that needs one: the owner's own, else the platform's; empty for the offline voice. */
    Optional<ApiKey> key(AudioProjects.Project project, SpeechEngine engine) {
        boolean needsKey = ProviderCatalogue.findSpeech(engine.name()).map(ProviderCatalogue.SpeechProvider::needsKey).orElse(false);
        if (!needsKey) {
            return Optional.empty();
        }
        ProviderKeys vault = keys.getIfAvailable();
        Optional<ApiKey> key = vault == null ? Optional.empty() : vault.keyFor(project.owner(), engine.name()).map(k -> new ApiKey(k.secret()));
        if (key.isEmpty()) {
            key = ProviderCatalogue.findSpeech(engine.name()).flatMap(p -> p.key(System::getenv));
        }
        return key;
    }

    void render(AudioProjects.Project project, AudioJobId job, BooleanSupplier cancelled) {
        BookText book = books.getObject().find(project.bookId(), project.owner())
                .orElseThrow(() -> new RenderFailedException("The book is gone, or is no longer yours to read."));
        long bookCharacters = book.chapters().stream().flatMap(c -> c.scenes().stream()).mapToLong(s -> s.text().length()).sum();
        if (bookCharacters == 0) {
            throw new RenderFailedException("The book has no text yet: write or generate it first.");
        }
        if (bookCharacters > properties.maxBookCharacters()) {
            throw new RenderFailedException("The book has " + bookCharacters + " characters; one render takes at most "
                    + properties.maxBookCharacters() + " (authorworks.media.max-book-characters).");
        }
        SpeechEngine engine = engines.find(project.engine()).orElseThrow(() -> new RenderFailedException("Unknown engine " + project.engine()));
        ApiKey key = key(project, engine).orElse(null);
        if (key == null && ProviderCatalogue.findSpeech(engine.name()).orElseThrow().needsKey()) {
            throw new RenderFailedException(engine.name() + " needs a key: store yours (PUT /api/v1/provider-keys/" + engine.name() + ").");
        }
        // a render claimed again after its worker died starts over: what the earlier attempt stored goes
        for (com.authorworks.storage.FileId earlier : projects.clearFiles(job)) {
            files.getObject().delete(earlier, project.owner());
        }
        List<AudioProjects.Voice> voices = projects.voices(project.id());
        AudioProjects.Voice narrator = voices.stream().filter(AudioProjects.Voice::narrator).findFirst().orElseThrow();
        Map<String, AudioProjects.Voice> cast = new LinkedHashMap<>();
        voices.stream().filter(v -> !v.narrator()).forEach(v -> cast.put(v.character(), v));
        Attribution attribution = Attribution.offline();
        double price = ProviderCatalogue.findSpeech(engine.name()).orElseThrow().usdPerMillionCharacters();
        String narratedBy = engine.name().equals(ProviderCatalogue.OFFLINE_VOICE) ? "the " + EspeakSpeech.LABEL
                : ProviderCatalogue.findSpeech(engine.name()).orElseThrow().label();
        String author = book.author() == null || book.author().isBlank() ? "its author" : book.author();
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("title", book.title());
        tags.put("album", book.title());
        tags.put("artist", author);
        tags.put("album_artist", author);
        tags.put("genre", "Audiobook");
        tags.put("comment", "Narrated by " + narratedBy + (book.writtenBySample() ? "; text by the offline sample writer (sample text)" : ""));

        Path work = workDir(job);
        Random random = new Random(job.value().getMostSignificantBits());
        long[] characters = {0};
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("step", "attributing");
        progress.put("chaptersDone", 0);
        progress.put("chapters", book.chapters().size());
        progress.put("narratedBy", narratedBy);
        progress.put("attributedBy", attribution.label());
        projects.progress(job, progress, 0, BigDecimal.ZERO);
        try {
            List<Path> parts = new ArrayList<>();
            List<String> titles = new ArrayList<>();
            List<Long> durations = new ArrayList<>();
            int position = 0;
            // opening credits: title, author, narrator (ACX)
            String opening = book.title() + ". Written by " + author + ". Narrated by " + narratedBy + ".";
            Track credits = track(List.of(new Attribution.Line(opening, null, Emotion.NEUTRAL)), narrator, cast, engine, key, random, characters);
            position = store(project, job, work, "credits", position, "Opening credits", credits, tags, parts, titles, durations);
            for (BookText.ChapterText chapter : book.chapters()) {
                if (cancelled.getAsBoolean()) {
                    throw new CancelledException();
                }
                List<Attribution.Line> lines = new ArrayList<>();
                String heading = chapter.title() == null || chapter.title().isBlank() ? "Chapter " + chapter.number()
                        : "Chapter " + chapter.number() + ". " + chapter.title();
                lines.add(new Attribution.Line(heading + ".", null, Emotion.NEUTRAL));
                for (BookText.SceneText scene : chapter.scenes()) {
                    List<String> paragraphs = Stream.of(scene.text().split("\\n\\s*\\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
                    lines.addAll(attribution.attribute(paragraphs, List.copyOf(cast.keySet())).lines());
                }
                Track track = track(lines, narrator, cast, engine, key, random, characters);
                position = store(project, job, work, "chapter", position, heading, track, tags, parts, titles, durations);
                progress.put("step", "chapters");
                progress.put("chaptersDone", ((Integer) progress.get("chaptersDone")) + 1);
                progress.put("lastChapter", heading);
                projects.progress(job, progress, characters[0], cost(characters[0], price));
            }
            String closing = "The end. You have been listening to " + book.title() + ", written by " + author + ", narrated by " + narratedBy + ".";
            Track end = track(List.of(new Attribution.Line(closing, null, Emotion.NEUTRAL)), narrator, cast, engine, key, random, characters);
            position = store(project, job, work, "credits", position, "Closing credits", end, tags, parts, titles, durations);

            progress.put("step", "sample");
            projects.progress(job, progress, characters[0], cost(characters[0], price));
            Path sample = work.resolve("sample.mp3");
            long sampleMs = studio.sample(parts.get(1), durations.get(1), sample);
            Map<String, Object> sampleCheck = new LinkedHashMap<>();
            sampleCheck.put("pass", sampleMs >= 60_000 && sampleMs <= 300_000);
            sampleCheck.put("rule", "A retail sample of 1–5 minutes");
            sampleCheck.put("durationSeconds", sampleMs / 1000.0);
            storeFile(project, job, "sample", position++, "Retail sample", sample, "audio/mpeg", sampleMs, sampleCheck);

            progress.put("step", "m4b");
            projects.progress(job, progress, characters[0], cost(characters[0], price));
            Path cover = work.resolve("cover.jpg");
            studio.cover(book.coverImage(), cover);
            Path m4b = work.resolve("book.m4b");
            studio.m4b(parts, titles, durations, tags, cover, work, m4b);
            storeFile(project, job, "m4b", position, "Audiobook (M4B)", m4b, "audio/mp4", durations.stream().mapToLong(Long::longValue).sum(),
                    null);
            progress.put("step", "done");
            projects.progress(job, progress, characters[0], cost(characters[0], price));
        } finally {
            delete(work);
        }
    }

    /** One track's PCM before mastering. */
    record Track(byte[] pcm) {
    }

    private Track track(List<Attribution.Line> lines, AudioProjects.Voice narrator, Map<String, AudioProjects.Voice> cast, SpeechEngine engine,
                        ApiKey key, Random random, long[] characters) {
        List<byte[]> pieces = new ArrayList<>();
        for (Attribution.Line line : lines) {
            AudioProjects.Voice voice = line.speaker() == null ? narrator : cast.getOrDefault(line.speaker(), narrator);
            for (String chunk : chunks(line.text(), engine.maxCharacters())) {
                SpeechEngine.Speech speech = engine.speak(new SpeechEngine.Utterance(chunk, voice.voice(), voice.pitch(), voice.rate(),
                        line.emotion()), key);
                characters[0] += speech.characters();
                pieces.add(studio.pcm(speech));
                pieces.add(Studio.pause(0.25, random));
            }
            pieces.add(Studio.pause(0.45, random));
        }
        return new Track(Studio.concat(pieces));
    }

    private int store(AudioProjects.Project project, AudioJobId job, Path work, String kind, int position, String title, Track track,
                      Map<String, String> tags, List<Path> parts, List<String> titles, List<Long> durations) {
        Path mp3 = work.resolve(String.format("%03d.mp3", position));
        Map<String, String> trackTags = new LinkedHashMap<>(tags);
        trackTags.put("title", title);
        trackTags.put("track", Integer.toString(position + 1));
        long ms = studio.master(track.pcm(), work, mp3, new Random(position), trackTags);
        Map<String, Object> acx = studio.acxCheck(mp3);
        storeFile(project, job, kind, position, title, mp3, "audio/mpeg", ms, acx);
        parts.add(mp3);
        titles.add(title);
        durations.add(ms);
        return position + 1;
    }

    private void storeFile(AudioProjects.Project project, AudioJobId job, String kind, int position, String title, Path file, String type,
                           long ms, Map<String, Object> acx) {
        String extension = type.equals("audio/mp4") ? ".m4b" : ".mp3";
        String name = (project.title().replaceAll("[^\\p{L}\\p{N} ._-]", "").strip() + " - " + title.replaceAll("[^\\p{L}\\p{N} ._-]", "")).strip();
        try (InputStream in = Files.newInputStream(file)) {
            StoredFile stored = files.getObject().store(project.owner(), Buckets.EXPORTS, name + extension, in);
            projects.addFile(job, project.id(), kind, position, title, stored.id(), stored.contentType(), stored.size(), ms, acx);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text in pieces the engine takes: at sentence ends where possible, else at spaces, else hard. */
    static List<String> chunks(String text, int max) {
        List<String> chunks = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > max) {
            int cut = -1;
            for (String end : List.of(". ", "! ", "? ", "; ", ", ", " ")) {
                int at = rest.lastIndexOf(end, max - 1);
                if (at > max / 3) {
                    cut = at + end.length() - 1;
                    break;
                }
            }
            if (cut <= 0) {
                cut = max;
            }
            chunks.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isBlank()) {
            chunks.add(rest);
        }
        return chunks;
    }

    static BigDecimal cost(long characters, double usdPerMillion) {
        return BigDecimal.valueOf(characters).multiply(BigDecimal.valueOf(usdPerMillion))
                .divide(BigDecimal.valueOf(1_000_000), 6, RoundingMode.HALF_UP);
    }

    private Path workDir(AudioJobId job) {
        try {
            Path dir = properties.work().resolve(job.toString());
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is cleaned with the next render of the same job, or by the OS
        }
    }
}
