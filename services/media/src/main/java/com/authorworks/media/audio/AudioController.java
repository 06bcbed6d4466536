package com.authorworks.media.audio;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.authorworks.content.AccessPolicy;
import com.authorworks.content.BookId;
import com.authorworks.content.BookText;
import com.authorworks.content.BookTexts;
import com.authorworks.engine.llm.ProviderCatalogue;
import com.authorworks.media.audio.speech.EspeakSpeech;
import com.authorworks.media.audio.speech.SpeechEngine;
import com.authorworks.media.audio.speech.SpeechEngines;
import com.authorworks.media.audio.speech.SpeechException;
import com.authorworks.media.internal.MediaProperties;
import com.authorworks.media.internal.MediaTools;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;
import com.authorworks.platform.jobs.TooManyJobsException;
import com.authorworks.platform.web.PublicUrl;
import com.authorworks.storage.DownloadLink;

/**
 * Audiobooks: a project per book (its owner's), its cast of voices with samples to listen to, render jobs
 * with live progress and cost, the rendered files with their ACX checks, and the podcast feed. Every project is
 * its owner's (and admins'), as the {@link AccessPolicy} decides; another user gets 404 for all of it.
 */
@RestController
@RequestMapping("/api/v1/audio")
class AudioController {

    static final int MAX_SAMPLE_TEXT = 300;
    private static final int LIST_LIMIT = 100;

    private final AudioProjects projects;
    private final SpeechEngines engines;
    private final Renderer renderer;
    private final Studio studio;
    private final MediaTools tools;
    private final AudioWorker worker;
    private final ObjectProvider<BookTexts> books;
    private final ObjectProvider<com.authorworks.storage.Files> files;
    private final PublicUrl publicUrl;
    private final MediaProperties properties;

    AudioController(AudioProjects projects, SpeechEngines engines, Renderer renderer, Studio studio, MediaTools tools, AudioWorker worker,
                    ObjectProvider<BookTexts> books, ObjectProvider<com.authorworks.storage.Files> files, PublicUrl publicUrl,
                    MediaProperties properties) {
        this.projects = projects;
        this.engines = engines;
        this.renderer = renderer;
        this.studio = studio;
        this.tools = tools;
        this.worker = worker;
        this.books = books;
        this.files = files;
        this.publicUrl = publicUrl;
        this.properties = properties;
    }

    // ---- engines

    record VoiceOption(String id, String label, String gender, String age) {
    }

    /**
     * @param offline whether it runs on this machine (the offline voice: synthetic speech, no AI, no key)
     * @param prosody how emotion is spoken: {@code pitch-and-rate} (espeak-ng) or {@code provider-style}
     */
    record EngineView(String name, String label, boolean offline, boolean needsKey, String keyProvider, int maxCharactersPerCall,
                      double usdPerMillionCharacters, String prosody, List<VoiceOption> voices) {
    }

    @GetMapping("/engines")
    List<EngineView> engines() {
        CurrentUser.require();
        return engines.all().stream().map(engine -> {
            ProviderCatalogue.SpeechProvider entry = ProviderCatalogue.findSpeech(engine.name()).orElseThrow();
            return new EngineView(engine.name(), entry.label(), entry.free(), entry.needsKey(), entry.needsKey() ? entry.name() : null,
                    engine.maxCharacters(), entry.usdPerMillionCharacters(), engine.prosodyByPitchAndRate() ? "pitch-and-rate" : "provider-style",
                    engine.voices().stream().map(v -> new VoiceOption(v.id(), v.label(), lower(v.gender()), lower(v.age()))).toList());
        }).toList();
    }

    // ---- projects

    record NewProject(String bookId, String engine) {
    }

    record VoiceView(String id, String character, boolean narrator, String voice, String gender, String age, int pitch, int rate) {

        static VoiceView of(AudioProjects.Voice voice) {
            return new VoiceView(voice.id().toString(), voice.character(), voice.narrator(), voice.voice(), lower(voice.gender()),
                    lower(voice.age()), voice.pitch(), voice.rate());
        }
    }

    /** @param voiceLabel how the engine's output is labelled wherever it appears */
    record ProjectView(String id, String bookId, String title, String engine, String voiceLabel, boolean offlineVoice, List<VoiceView> voices,
                       Instant createdAt, Instant updatedAt) {
    }

    @PostMapping("/projects")
    ResponseEntity<ProjectView> create(@RequestBody NewProject body) {
        CurrentUser caller = CurrentUser.require();
        BookId bookId = bookId(body == null ? null : body.bookId());
        SpeechEngine engine = engine(body.engine());
        BookText book = ownBook(bookId, caller);
        Optional<AudioProjects.Project> existing = projects.findByBook(bookId, book.owner());
        if (existing.isPresent()) {
            throw new Problem(HttpStatus.CONFLICT, "audio-project-exists", "This book has an audiobook project already.",
                    Map.of("projectId", existing.get().id().toString()));
        }
        AudioProjects.Project project = projects.create(bookId, book.owner(), book.title(), engine.name(), Casting.cast(book.cast(), engine));
        return ResponseEntity.created(URI.create("/api/v1/audio/projects/" + project.id())).body(view(project));
    }

    @GetMapping("/projects")
    List<ProjectView> list() {
        return projects.list(CurrentUser.require().id(), LIST_LIMIT).stream().map(this::view).toList();
    }

    @GetMapping("/projects/{id}")
    ProjectView get(@PathVariable("id") AudioProjectId id) {
        return view(project(id));
    }

    record ProjectChange(String engine) {
    }

    /** Changes the engine; the cast is cast again from the book for the new engine's voices. */
    @PutMapping("/projects/{id}")
    @Transactional
    ProjectView update(@PathVariable("id") AudioProjectId id, @RequestBody ProjectChange body) {
        AudioProjects.Project project = project(id);
        SpeechEngine engine = engine(body == null ? null : body.engine());
        if (!engine.name().equals(project.engine())) {
            BookText book = ownBook(project.bookId(), CurrentUser.require());
            projects.setEngine(project.id(), engine.name());
            projects.replaceCast(project.id(), Casting.cast(book.cast(), engine));
        }
        return view(projects.find(id).orElseThrow());
    }

    @DeleteMapping("/projects/{id}")
    ResponseEntity<Void> delete(@PathVariable("id") AudioProjectId id) {
        AudioProjects.Project project = project(id);
        com.authorworks.storage.Files storage = files.getIfAvailable();
        List<com.authorworks.storage.FileId> owned = projects.fileIds(project.id());
        projects.delete(project.id());
        if (storage != null) {
            owned.forEach(file -> storage.delete(file, project.owner()));
        }
        return ResponseEntity.noContent().build();
    }

    // ---- voices

    @GetMapping("/projects/{id}/voices")
    List<VoiceView> voices(@PathVariable("id") AudioProjectId id) {
        return projects.voices(project(id).id()).stream().map(VoiceView::of).toList();
    }

    record VoiceChange(String voice, String gender, String age, Integer pitch, Integer rate) {
    }

    @PutMapping("/projects/{id}/voices/{voiceId}")
    VoiceView recast(@PathVariable("id") AudioProjectId id, @PathVariable("voiceId") VoiceId voiceId, @RequestBody VoiceChange body) {
        AudioProjects.Project project = project(id);
        AudioProjects.Voice voice = projects.voice(project.id(), voiceId).orElseThrow(AudioController::voiceNotFound);
        if (body == null) {
            throw Problem.badRequest("validation-failed", "Send the voice's new settings.");
        }
        SpeechEngine engine = engines.find(project.engine()).orElseThrow();
        String chosen = voice.voice();
        if (body.voice() != null) {
            chosen = engine.voices().stream().map(SpeechEngine.Voice::id).filter(body.voice().strip()::equals).findFirst()
                    .orElseThrow(() -> Problem.badRequest("unknown-voice", "The " + engine.name() + " engine has no voice '" + shorten(body.voice())
                            + "': GET /api/v1/audio/engines lists its voices."));
        }
        int pitch = range("pitch", body.pitch(), voice.pitch(), 0, 99);
        int rate = range("rate", body.rate(), voice.rate(), 80, 400);
        AudioProjects.Voice changed = new AudioProjects.Voice(voice.id(), voice.projectId(), voice.character(), chosen,
                enumOf(SpeechEngine.Gender.class, "gender", body.gender(), voice.gender()), enumOf(SpeechEngine.Age.class, "age", body.age(), voice.age()),
                pitch, rate, voice.position());
        projects.updateVoice(changed);
        return VoiceView.of(changed);
    }

    record SampleRequest(String text) {
    }

    /** A few seconds of the voice as MP3, to listen to before rendering; header {@code AuthorWorks-Voice} says whose voice it is. */
    @PostMapping(path = "/projects/{id}/voices/{voiceId}/sample", produces = {"audio/mpeg", MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<byte[]> sample(@PathVariable("id") AudioProjectId id, @PathVariable("voiceId") VoiceId voiceId,
                                  @RequestBody(required = false) SampleRequest body) {
        AudioProjects.Project project = project(id);
        AudioProjects.Voice voice = projects.voice(project.id(), voiceId).orElseThrow(AudioController::voiceNotFound);
        String text = body == null || body.text() == null || body.text().isBlank()
                ? (voice.narrator() ? "This is the narrator of " + project.title() + "." : "Hello. My name is " + voice.character() + ".")
                : body.text().strip();
        if (text.length() > MAX_SAMPLE_TEXT) {
            throw Problem.badRequest("sample-too-long", "A sample says at most " + MAX_SAMPLE_TEXT + " characters.");
        }
        tools.require();
        SpeechEngine engine = engines.find(project.engine()).orElseThrow();
        Path work = properties.work().resolve("sample-" + java.util.UUID.randomUUID());
        try {
            Files.createDirectories(work);
            SpeechEngine.Speech speech = engine.speak(new SpeechEngine.Utterance(text, voice.voice(), voice.pitch(), voice.rate(), null),
                    renderer.key(project, engine).orElse(null));
            Path mp3 = work.resolve("sample.mp3");
            studio.master(studio.pcm(speech), work, mp3, new Random(1), Map.of("title", "Voice sample", "comment", label(engine)));
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("audio/mpeg")).header("AuthorWorks-Voice", label(engine))
                    .body(Files.readAllBytes(mp3));
        } catch (SpeechException.InvalidKey e) {
            throw new Problem(HttpStatus.CONFLICT, "voice-key-refused", e.getMessage());
        } catch (SpeechException e) {
            throw new Problem(HttpStatus.BAD_GATEWAY, "voice-unavailable", e.getMessage());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            try (var walk = Files.walk(work)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException ignored) {
                // nothing was made
            }
        }
    }

    // ---- jobs

    /** @param costUsd list price of the characters spoken so far (0 for the offline voice) */
    record JobView(String id, String projectId, String status, Map<String, Object> progress, long characters, BigDecimal costUsd, String error,
                   Instant createdAt, Instant startedAt, Instant completedAt) {

        static JobView of(AudioProjects.Job job) {
            return new JobView(job.id().toString(), job.projectId().toString(), job.status().name().toLowerCase(Locale.ROOT), job.progress(),
                    job.characters(), job.costUsd(), job.error(), job.createdAt(), job.startedAt(), job.completedAt());
        }
    }

    @PostMapping("/projects/{id}/jobs")
    ResponseEntity<JobView> render(@PathVariable("id") AudioProjectId id) {
        AudioProjects.Project project = project(id);
        tools.require();
        if (files.getIfAvailable() == null) {
            throw new Problem(HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable",
                    "Audiobooks are stored by the storage service, which neither runs in this process nor is configured (AUTHORWORKS_STORAGE_URL).");
        }
        AudioProjects.Job job;
        try {
            job = projects.queue().enqueue(project.owner(), 1, () -> projects.enqueue(project));
        } catch (TooManyJobsException e) {
            throw Problem.conflict("audio-render-running", "A render of yours is queued or running already; wait for it or cancel it.");
        }
        worker.wake();
        return ResponseEntity.accepted().location(URI.create("/api/v1/audio/projects/" + id + "/jobs/" + job.id())).body(JobView.of(job));
    }

    @GetMapping("/projects/{id}/jobs")
    List<JobView> jobs(@PathVariable("id") AudioProjectId id) {
        return projects.jobs(project(id).id(), LIST_LIMIT).stream().map(JobView::of).toList();
    }

    @GetMapping("/projects/{id}/jobs/{jobId}")
    JobView job(@PathVariable("id") AudioProjectId id, @PathVariable("jobId") AudioJobId jobId) {
        return JobView.of(job(project(id), jobId));
    }

    @PostMapping("/projects/{id}/jobs/{jobId}/cancel")
    JobView cancel(@PathVariable("id") AudioProjectId id, @PathVariable("jobId") AudioJobId jobId) {
        AudioProjects.Job job = job(project(id), jobId);
        projects.queue().requestCancel(job.id(), AudioProjects.JobStatus.CANCELLED.name());
        return JobView.of(projects.job(job.id()).orElseThrow());
    }

    /** The job's progress as server-sent events ({@code progress}, each a job), ending after the final state. */
    @GetMapping(path = "/projects/{id}/jobs/{jobId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable("id") AudioProjectId id, @PathVariable("jobId") AudioJobId jobId) {
        AudioJobId job = job(project(id), jobId).id();
        SseEmitter emitter = new SseEmitter(Duration.ofHours(2).toMillis());
        Thread.ofVirtual().name("audio-events-" + job).start(() -> {
            String last = null;
            try {
                while (true) {
                    Optional<AudioProjects.Job> now = projects.job(job);
                    if (now.isEmpty()) {
                        emitter.complete();
                        return;
                    }
                    JobView view = JobView.of(now.get());
                    String seen = view.status() + view.progress() + view.characters();
                    if (!seen.equals(last)) {
                        emitter.send(SseEmitter.event().name("progress").data(view, MediaType.APPLICATION_JSON));
                        last = seen;
                    }
                    AudioProjects.JobStatus status = now.get().status();
                    if (status != AudioProjects.JobStatus.QUEUED && status != AudioProjects.JobStatus.RUNNING) {
                        emitter.complete();
                        return;
                    }
                    Thread.sleep(500);
                }
            } catch (Exception e) {
                emitter.completeWithError(e);
            }
        });
        return emitter;
    }

    // ---- exports

    record FileView(String id, String kind, int position, String title, String contentType, long bytes, double durationSeconds,
                    Map<String, Object> acx, String download) {
    }

    /** @param voiceLabel how the voice is labelled (the offline voice says so) */
    record Exports(String jobId, String voiceLabel, boolean acxPass, List<FileView> files, String feed) {
    }

    /** The newest finished render's files, with each chapter's ACX check. */
    @GetMapping("/projects/{id}/exports")
    Exports exports(@PathVariable("id") AudioProjectId id) {
        AudioProjects.Project project = project(id);
        AudioProjects.Job job = projects.latestDone(project.id())
                .orElseThrow(() -> Problem.notFound("audio-exports-not-found", "This project has no finished render yet: POST its jobs."));
        List<FileView> views = new ArrayList<>();
        boolean pass = true;
        for (AudioProjects.RenderedFile file : projects.files(job.id())) {
            views.add(new FileView(file.id().toString(), file.kind(), file.position(), file.title(), file.contentType(), file.bytes(),
                    file.durationMs() / 1000.0, file.acx(), downloadPath(project, file)));
            if (file.kind().equals("chapter") && file.acx() != null && !Boolean.TRUE.equals(file.acx().get("pass"))) {
                pass = false;
            }
        }
        return new Exports(job.id().toString(), label(engines.find(project.engine()).orElseThrow()), pass, views,
                "/api/v1/audio/projects/" + project.id() + "/feed.xml");
    }

    /** A signed link to the file (302), or the link as JSON with {@code redirect=false}. */
    @GetMapping("/projects/{id}/exports/{audioFileId}/download")
    ResponseEntity<?> download(@PathVariable("id") AudioProjectId id, @PathVariable("audioFileId") AudioFileId fileId,
                               @RequestParam(name = "redirect", defaultValue = "true") boolean redirect) {
        AudioProjects.Project project = project(id);
        AudioProjects.RenderedFile file = projects.file(project.id(), fileId)
                .orElseThrow(() -> Problem.notFound("audio-file-not-found", "There is no such audio file."));
        com.authorworks.storage.Files storage = files.getIfAvailable();
        if (storage == null) {
            throw new Problem(HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable", "The storage service is not reachable from here.");
        }
        DownloadLink link = storage.signedUrl(file.fileId(), project.owner());
        if (!redirect) {
            return ResponseEntity.ok(link);
        }
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, link.url().toString()).build();
    }

    /**
     * The newest render as a podcast: RSS 2.0 with the iTunes tags, one serial episode per chapter. The feed is
     * the owner's (bearer token); private per-subscriber feed addresses for podcast apps come later.
     */
    @GetMapping(path = "/projects/{id}/feed.xml", produces = {"application/rss+xml", MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<String> feed(@PathVariable("id") AudioProjectId id) {
        AudioProjects.Project project = project(id);
        AudioProjects.Job job = projects.latestDone(project.id())
                .orElseThrow(() -> Problem.notFound("audio-exports-not-found", "This project has no finished render yet: POST its jobs."));
        List<PodcastFeed.Episode> episodes = new ArrayList<>();
        int number = 1;
        for (AudioProjects.RenderedFile file : projects.files(job.id())) {
            if (file.kind().equals("chapter")) {
                episodes.add(new PodcastFeed.Episode(number++, file.title(), publicUrl.link(downloadPath(project, file)).toString(), file.bytes(),
                        file.durationMs(), Date.from(job.completedAt() == null ? file.createdAt() : job.completedAt())));
            }
        }
        String link = publicUrl.link("/books/" + project.bookId()).toString();
        String image = publicUrl.link("/api/v1/books/" + project.bookId() + "/cover").toString();
        String xml = PodcastFeed.xml(project.title(), "AuthorWorks", project.title() + " — narrated by " + label(engines.find(project.engine())
                .orElseThrow()) + ".", link, image, false, episodes);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/rss+xml;charset=UTF-8")).body(xml);
    }

    // ---- helpers

    /** The caller's project (or any, for an admin), by the one access policy; else 404 for all alike. */
    private AudioProjects.Project project(AudioProjectId id) {
        Optional<CurrentUser> caller = Optional.of(CurrentUser.require());
        return projects.find(id)
                .filter(p -> AccessPolicy.access(p.owner(), AccessPolicy.Readership.OWNER, caller) == AccessPolicy.Access.OWN)
                .orElseThrow(() -> Problem.notFound("audio-project-not-found", "There is no such audiobook project."));
    }

    private AudioProjects.Job job(AudioProjects.Project project, AudioJobId id) {
        return projects.job(id).filter(job -> job.projectId().equals(project.id()))
                .orElseThrow(() -> Problem.notFound("audio-job-not-found", "There is no such render."));
    }

    /** The book, if the caller owns it (the access policy's OWN: its owner or an admin); else 404 as content answers. */
    private BookText ownBook(BookId id, CurrentUser caller) {
        BookTexts texts = books.getIfAvailable();
        if (texts == null) {
            throw new Problem(HttpStatus.SERVICE_UNAVAILABLE, "content-unavailable", "Audiobooks need the content service, which neither runs in this process nor is configured (AUTHORWORKS_CONTENT_URL).");
        }
        try {
            return texts.find(id, caller.id()).filter(book -> book.access() == AccessPolicy.Access.OWN)
                    .orElseThrow(() -> Problem.notFound("book-not-found", "There is no such book of yours."));
        } catch (com.authorworks.content.ContentUnavailableException e) {
            throw new Problem(HttpStatus.SERVICE_UNAVAILABLE, "content-unavailable", "The content service cannot be reached; try again shortly.");
        }
    }

    private ProjectView view(AudioProjects.Project project) {
        SpeechEngine engine = engines.find(project.engine()).orElseThrow();
        return new ProjectView(project.id().toString(), project.bookId().toString(), project.title(), project.engine(), label(engine),
                ProviderCatalogue.OFFLINE_VOICE.equals(engine.name()), projects.voices(project.id()).stream().map(VoiceView::of).toList(),
                project.createdAt(), project.updatedAt());
    }

    private SpeechEngine engine(String name) {
        if (name == null || name.isBlank()) {
            return engines.find(ProviderCatalogue.OFFLINE_VOICE).orElseThrow();
        }
        return engines.find(name).orElseThrow(() -> Problem.badRequest("unknown-engine", "There is no speech engine '" + shorten(name)
                + "': use " + String.join(", ", engines.all().stream().map(SpeechEngine::name).toList()) + "."));
    }

    static String label(SpeechEngine engine) {
        return ProviderCatalogue.OFFLINE_VOICE.equals(engine.name()) ? EspeakSpeech.LABEL
                : ProviderCatalogue.findSpeech(engine.name()).orElseThrow().label();
    }

    private static String downloadPath(AudioProjects.Project project, AudioProjects.RenderedFile file) {
        return "/api/v1/audio/projects/" + project.id() + "/exports/" + file.id() + "/download";
    }

    private static BookId bookId(String value) {
        if (value == null || value.isBlank()) {
            throw Problem.badRequest("validation-failed", "bookId is required: the book to narrate.");
        }
        try {
            return new BookId(java.util.UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("invalid-book-id", "bookId must be a book's id (a UUID).");
        }
    }

    private static int range(String field, Integer value, int current, int min, int max) {
        if (value == null) {
            return current;
        }
        if (value < min || value > max) {
            throw Problem.badRequest("validation-failed", field + " must be between " + min + " and " + max + ".");
        }
        return value;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String field, String value, E current) {
        if (value == null) {
            return current;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("validation-failed", field + " must be one of " + String.join(", ",
                    java.util.Arrays.stream(type.getEnumConstants()).map(AudioController::lower).toList()) + ".");
        }
    }

    private static Problem voiceNotFound() {
        return Problem.notFound("voice-not-found", "There is no such voice in this project.");
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static String shorten(String text) {
        String stripped = text.strip();
        return stripped.length() > 40 ? stripped.substring(0, 40) + "…" : stripped;
    }
}
