package com.authorworks.media;

import com.authorworks.platform.testing.Api;
import static com.authorworks.platform.testing.Api.json;
import static com.authorworks.platform.testing.Api.ok;
import static com.authorworks.platform.testing.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.rometools.modules.itunes.EntryInformation;
import com.rometools.modules.itunes.FeedInformation;
import com.rometools.modules.itunes.ITunes;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import tools.jackson.databind.JsonNode;

/**
 * From a book the offline sample writer wrote, with nothing configured: a project auto-cast in the offline voice,
 * a voice sample, a render followed over server-sent events, chapters that pass the ACX check as measured, an
 * M4B whose chapters ffprobe lists, and a podcast feed ROME parses with its iTunes tags. Real PostgreSQL, real
 * HTTP, real espeak-ng and ffmpeg.
 */
@Timeout(600)
@SpringBootTest(classes = MediaTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"authorworks.services=content,storage,media", "authorworks.media.poll=200ms"})
class AudiobookIntegrationTests {

    static final Path DATA = temp("authorworks-media-it");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("authorworks.data", DATA::toString);
        registry.add("authorworks.media.work", () -> DATA.resolve("media-work").toString());
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void aSampleBookBecomesAnAcxReadyAudiobookWithChaptersAndAPodcastFeed() throws Exception {
        Api author = Api.newUser(port);
        String book = writtenBook(author);

        JsonNode project = ok(author.send("POST", "/api/v1/audio/projects", json(Map.of("bookId", book))), 201);
        String id = project.path("id").asString();
        assertThat(project.path("engine").asString()).isEqualTo("espeak-ng");
        assertThat(project.path("offlineVoice").asBoolean()).isTrue();
        assertThat(project.path("voiceLabel").asString()).contains("offline voice");
        JsonNode voices = project.path("voices");
        assertThat(voices.get(0).path("narrator").asBoolean()).isTrue();
        assertThat(voices.size()).as("a narrator and a voice per character of the story bible").isGreaterThan(1);
        List<String> cast = new ArrayList<>();
        voices.forEach(v -> cast.add(v.path("voice").asString()));
        assertThat(cast.subList(0, Math.min(cast.size(), 6))).as("each of the first voices is another").doesNotHaveDuplicates();
        problem(author.send("POST", "/api/v1/audio/projects", json(Map.of("bookId", book))), 409, "audio-project-exists");

        // recast a character, then listen to it
        String character = voices.get(1).path("id").asString();
        JsonNode recast = ok(author.send("PUT", "/api/v1/audio/projects/" + id + "/voices/" + character,
                json(Map.of("voice", "en-gb+f2", "pitch", 70))), 200);
        assertThat(recast.path("voice").asString()).isEqualTo("en-gb+f2");
        assertThat(recast.path("pitch").asInt()).isEqualTo(70);
        problem(author.send("PUT", "/api/v1/audio/projects/" + id + "/voices/" + character, json(Map.of("voice", "no-such-voice"))),
                400, "unknown-voice");
        problem(author.send("PUT", "/api/v1/audio/projects/" + id + "/voices/" + character, json(Map.of("pitch", 500))),
                400, "validation-failed");
        HttpResponse<byte[]> sample = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/audio/projects/" + id + "/voices/" + character + "/sample"))
                .header("Authorization", "Bearer " + author.token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(sample.statusCode()).isEqualTo(200);
        assertThat(sample.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
        assertThat(sample.headers().firstValue("AuthorWorks-Voice")).hasValueSatisfying(v -> assertThat(v).contains("offline voice"));
        Path sampleFile = DATA.resolve("sample.mp3");
        Files.write(sampleFile, sample.body());
        assertThat(ffprobe("-show_entries", "stream=codec_name", "-of", "csv=p=0", sampleFile.toString())).contains("mp3");

        // another user sees none of it
        Api stranger = Api.newUser(port);
        problem(stranger.send("GET", "/api/v1/audio/projects/" + id, null), 404, "audio-project-not-found");
        problem(stranger.send("POST", "/api/v1/audio/projects/" + id + "/jobs", null), 404, "audio-project-not-found");
        problem(stranger.send("POST", "/api/v1/audio/projects", json(Map.of("bookId", book))), 404, "book-not-found");

        // render, following the progress live
        JsonNode job = ok(author.send("POST", "/api/v1/audio/projects/" + id + "/jobs", null), 202);
        String jobId = job.path("id").asString();
        List<JsonNode> events = progress(author, "/api/v1/audio/projects/" + id + "/jobs/" + jobId + "/events");
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.path("status").asString()).as(last.toString()).isEqualTo("done");
        assertThat(events.stream().anyMatch(e -> e.path("progress").path("chaptersDone").asInt() > 0)).isTrue();
        assertThat(last.path("characters").asLong()).isPositive();
        assertThat(last.path("costUsd").decimalValue().signum()).as("the offline voice costs nothing").isZero();
        assertThat(last.path("progress").path("narratedBy").asString()).contains("offline voice");
        assertThat(last.path("progress").path("attributedBy").asString()).contains("offline sample writer");

        JsonNode exports = author.get("/api/v1/audio/projects/" + id + "/exports");
        assertThat(exports.path("voiceLabel").asString()).contains("offline voice");
        List<JsonNode> chapters = new ArrayList<>();
        JsonNode m4b = null;
        for (JsonNode file : exports.path("files")) {
            switch (file.path("kind").asString()) {
                case "chapter" -> chapters.add(file);
                case "m4b" -> m4b = file;
                default -> { }
            }
        }
        assertThat(chapters).hasSizeGreaterThanOrEqualTo(2);
        for (JsonNode chapter : chapters) {
            JsonNode acx = chapter.path("acx");
            assertThat(acx.path("pass").asBoolean()).as(acx.toString()).isTrue();
            assertThat(acx.path("rmsDb").asDouble()).isBetween(-23.0, -18.0);
            assertThat(acx.path("peakDb").asDouble()).isLessThanOrEqualTo(-3.0);
            assertThat(acx.path("noiseFloorDb").asDouble()).isLessThanOrEqualTo(-60.0);
            assertThat(chapter.path("contentType").asString()).isEqualTo("audio/mpeg");
        }
        assertThat(exports.path("acxPass").asBoolean()).isTrue();
        // the bench figure (bench/README.md): seconds of audio per second of rendering, printed, never asserted
        double audioSeconds = 0;
        for (JsonNode file : exports.path("files")) {
            if (!file.path("kind").asString().equals("m4b") && !file.path("kind").asString().equals("sample")) {
                audioSeconds += file.path("durationSeconds").asDouble();
            }
        }
        double renderSeconds = Duration.between(java.time.Instant.parse(last.path("startedAt").asString()),
                java.time.Instant.parse(last.path("completedAt").asString())).toMillis() / 1000.0;
        System.out.printf("audio real-time factor: %.1f s of audio in %.1f s of rendering = %.2f%n", audioSeconds, renderSeconds,
                audioSeconds / renderSeconds);
        assertThat(m4b).isNotNull();
        assertThat(m4b.path("contentType").asString()).isEqualTo("audio/mp4");

        // the M4B, fetched through storage's signed link, has a chapter per track and the cover
        JsonNode link = author.get(m4b.path("download").asString() + "?redirect=false");
        HttpResponse<byte[]> bytes = HTTP.send(HttpRequest.newBuilder(uri(URI.create(link.path("url").asString()))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(bytes.statusCode()).isEqualTo(200);
        Path m4bFile = DATA.resolve("book.m4b");
        Files.write(m4bFile, bytes.body());
        List<String> titles = ffprobe("-show_entries", "chapter_tags=title", "-of", "csv=p=0", m4bFile.toString()).lines()
                .map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertThat(titles).first().isEqualTo("Opening credits");
        assertThat(titles).last().isEqualTo("Closing credits");
        assertThat(titles).hasSize(chapters.size() + 2);
        assertThat(titles.get(1)).startsWith("Chapter 1");
        assertThat(ffprobe("-show_entries", "stream=codec_name:stream_disposition=attached_pic", "-of", "csv=p=0", m4bFile.toString()))
                .contains("aac").contains("mjpeg,1");

        // the podcast feed
        HttpResponse<String> feed = author.send("GET", "/api/v1/audio/projects/" + id + "/feed.xml", null);
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/rss+xml"));
        SyndFeed parsed = new SyndFeedInput().build(new StringReader(feed.body()));
        FeedInformation itunes = (FeedInformation) parsed.getModule(ITunes.URI);
        assertThat(itunes.getType()).isEqualTo("serial");
        assertThat(itunes.getImageUri()).isNotBlank();
        assertThat(itunes.getCategories()).isNotEmpty();
        assertThat(itunes.getExplicitNullable()).isFalse();
        assertThat(parsed.getEntries()).hasSize(chapters.size());
        for (int i = 0; i < chapters.size(); i++) {
            SyndEntry entry = parsed.getEntries().get(i);
            assertThat(entry.getEnclosures().get(0).getLength()).isEqualTo(chapters.get(i).path("bytes").asLong());
            assertThat(entry.getEnclosures().get(0).getType()).isEqualTo("audio/mpeg");
            EntryInformation episode = (EntryInformation) entry.getModule(ITunes.URI);
            assertThat(episode.getEpisode()).isEqualTo(i + 1);
            assertThat(episode.getDuration().getMilliseconds()).isPositive();
        }
    }

    @Test
    void badInputIsAProblemNeverAServerError() {
        Api author = Api.newUser(port);
        problem(author.send("POST", "/api/v1/audio/projects", json(Map.of("bookId", "not-a-uuid"))), 400, "invalid-book-id");
        problem(author.send("POST", "/api/v1/audio/projects", json(Map.of())), 400, "validation-failed");
        problem(author.send("POST", "/api/v1/audio/projects", json(Map.of("bookId", java.util.UUID.randomUUID().toString(),
                "engine", "nope"))), 400, "unknown-engine");
        problem(author.send("POST", "/api/v1/audio/projects", json(Map.of("bookId", java.util.UUID.randomUUID().toString()))),
                404, "book-not-found");
        problem(author.send("GET", "/api/v1/audio/projects/nope", null), 404, "audio-project-not-found");
        JsonNode engines = author.get("/api/v1/audio/engines");
        assertThat(engines.get(0).path("name").asString()).isEqualTo("espeak-ng");
        assertThat(engines.get(0).path("offline").asBoolean()).isTrue();
        assertThat(engines.get(0).path("label").asString()).contains("Offline voice");
    }

    private String writtenBook(Api author) {
        String book = ok(author.send("POST", "/api/v1/books/generate", json(Map.of("title", "The Salt Road",
                "braindump", "A smuggler and a customs officer fall for each other on the salt marshes.", "format", "short-story",
                "targetWords", 500, "chapters", 2, "provider", "sample", "model", "sample-writer"))), 202).path("bookId").asString();
        eventually("the sample book to be written", () -> author.get("/api/v1/books/" + book + "/status"),
                s -> s.path("state").asString().equals("COMPLETED"));
        return book;
    }

    /** The job's server-sent events until the stream ends. */
    private List<JsonNode> progress(Api author, String path) throws Exception {
        HttpResponse<java.io.InputStream> response = HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + author.token)
                .header("Accept", "text/event-stream").timeout(Duration.ofMinutes(8)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("data:")) {
                    events.add(Api.JSON.readTree(line.substring(5)));
                }
            }
        }
        assertThat(events).isNotEmpty();
        return events;
    }

    /** A signed link as storage gives it: absolute on S3, a path under the public address on local disk. */
    private URI uri(URI link) {
        return link.isAbsolute() ? link : uri(link.toString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static String ffprobe(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffprobe", "-v", "error"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(out).isZero();
        return out;
    }

    static <T> T eventually(String what, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = probe.get();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Timed out waiting for " + what + "; last: " + last);
    }

    private static Path temp(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
