package com.authorworks.content;

import static com.authorworks.content.Api.json;
import static com.authorworks.content.Api.ok;
import static com.authorworks.content.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

@Timeout(180)
class GenerationIntegrationTests extends ContentIntegrationTest {

    static Map<String, Object> smallBook(String provider) {
        return Map.of("title", "The Salt Road", "braindump", "A smuggler and a customs officer fall for each other on the salt marshes.",
                "format", "short-story", "targetWords", 9000, "chapters", 3, "provider", provider, "model", "sample-writer");
    }

    static JsonNode status(Api api, String book) {
        return ok(api.get("/api/v1/books/" + book + "/status"), 200);
    }

    @Autowired
    JdbcClient db;
    @Autowired
    ContentEventsListener events;

    @AfterEach
    void letEveryCallThrough() {
        PacedSampleModels.releaseAll();
    }

    @Test
    void theSampleWriterGeneratesAWholeBookFollowedOverServerSentEvents() throws Exception {
        Api author = newUser();
        JsonNode job = ok(author.post("/api/v1/books/generate", json(smallBook("sample"))), 202);
        String book = job.path("bookId").asString();
        assertThat(job.path("state").asString()).isIn("QUEUED", "RUNNING");

        HttpResponse<Stream<String>> stream = author.stream("/api/v1/books/" + book + "/events");
        assertThat(stream.statusCode()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        String lastData = null;
        for (Iterator<String> lines = stream.body().iterator(); lines.hasNext(); ) {
            String line = lines.next();
            if (line.startsWith("event:")) {
                names.add(line.substring(6).strip());
            } else if (line.startsWith("id:")) {
                ids.add(line.substring(3).strip());
            } else if (line.startsWith("data:")) {
                lastData = line.substring(5).strip();
            }
        }
        assertThat(names).first().isEqualTo("run-started");
        assertThat(names).contains("scene-drafted", "chapter-completed", "run-completed").last().isEqualTo("completed");
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(Api.JSON.readTree(lastData).path("state").asString()).isEqualTo("COMPLETED");

        JsonNode done = status(author, book);
        assertThat(done.path("state").asString()).isEqualTo("COMPLETED");
        assertThat(done.path("scenesDone").asInt()).isPositive().isEqualTo(done.path("scenesTotal").asInt());
        assertThat(done.path("inputTokens").asLong()).isPositive();

        JsonNode details = ok(author.get("/api/v1/books/" + book), 200);
        assertThat(details.path("status").asString()).isEqualTo("COMPLETE");
        assertThat(details.path("chapters")).hasSize(3);
        assertThat(details.path("artifacts").properties()).extracting(Map.Entry::getKey)
                .contains("braindump", "genre", "style", "characters", "synopsis", "outline");
        // the engine and the book count words each their own way (the book counts the sanitised HTML)
        assertThat(details.path("words").asLong()).isCloseTo(done.path("words").asLong(), org.assertj.core.data.Percentage.withPercentage(2));
        JsonNode chapter = details.path("chapters").get(0);
        JsonNode scene = chapter.path("scenes").get(0);
        assertThat(scene.path("status").asString()).isEqualTo("DRAFT");
        JsonNode text = ok(author.get("/api/v1/books/" + book + "/chapters/" + chapter.path("id").asString() + "/scenes/"
                + scene.path("id").asString()), 200);
        assertThat(text.path("content").asString()).startsWith("<p>").contains("Sample text");

        String scenePath = "/api/v1/books/" + book + "/chapters/" + chapter.path("id").asString() + "/scenes/" + scene.path("id").asString();
        JsonNode manifest = ok(author.get(scenePath + "/manifest"), 200);
        assertThat(manifest.path("step").asString()).isEqualTo("draft/c001/s01");
        assertThat(manifest.path("usedTokens").asInt()).isPositive().isLessThanOrEqualTo(manifest.path("budgetTokens").asInt());
        assertThat(manifest.path("parts").findValuesAsString("name")).contains("scene beats");
        JsonNode summaries = ok(author.get("/api/v1/books/" + book + "/summaries"), 200);
        assertThat(summaries.findValuesAsString("chapter")).hasSize(4);
        assertThat(summaries.get(0).path("summary").isObject()).isTrue();

        JsonNode usage = ok(author.get("/api/v1/usage"), 200);
        assertThat(usage.path("inputTokens").asLong()).isEqualTo(done.path("inputTokens").asLong());
        assertThat(usage.path("books").get(0).path("bookId").asString()).isEqualTo(book);

        // A late subscriber with Last-Event-ID gets only what followed it: here the end of the stream.
        HttpResponse<Stream<String>> resumed = author.stream("/api/v1/books/" + book + "/events", ids.get(ids.size() - 2));
        assertThat(resumed.body().filter(l -> l.startsWith("event:")).toList()).containsExactly("event:completed");
    }

    @Test
    void aGeneratedBookAnnouncesEachSceneItsCompletionAndItsDeletionToOtherModules() {
        Api author = newUser();
        String book = ok(author.post("/api/v1/books/generate", json(smallBook("sample"))), 202).path("bookId").asString();
        JsonNode done = Eventually.until("the book to finish", () -> status(author, book), s -> s.path("state").asString().equals("COMPLETED"));
        BookId id = new BookId(java.util.UUID.fromString(book));

        Eventually.until("the completion to reach a listener", () -> events.received(BookGenerationCompleted.class),
                received -> received.stream().anyMatch(e -> e.bookId().equals(id)));
        assertThat(events.received(BookGenerationCompleted.class)).filteredOn(e -> e.bookId().equals(id)).singleElement()
                .satisfies(e -> {
                    assertThat(e.jobId()).as("the job it announces, so a listener can tell a redelivery from a later run").isNotNull();
                    assertThat(e.title()).isNotBlank();
                });
        Eventually.until("every drafted scene to reach a listener", () -> events.received(SceneDrafted.class).stream()
                .filter(e -> e.bookId().equals(id)).map(e -> e.chapter() + "/" + e.scene()).distinct().count(),
                scenes -> scenes == done.path("scenesTotal").asLong());
        assertThat(events.received(SceneDrafted.class)).filteredOn(e -> e.bookId().equals(id))
                .allSatisfy(e -> assertThat(e.userId().value()).isEqualTo(author.user));

        ok(author.delete("/api/v1/books/" + book), 204);
        BookDeleted deleted = Eventually.until("the deletion to reach a listener", () -> events.received(BookDeleted.class).stream()
                .filter(e -> e.bookId().equals(id)).findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(deleted.userId().value()).isEqualTo(author.user);
        Eventually.until("every publication of the book to be complete", () -> db.sql(
                "SELECT count(*) FROM events.event_publication WHERE serialized_event LIKE :book").param("book", "%" + book + "%")
                .query(Long.class).single(), count -> count == 0);
    }

    @Test
    void cancelStopsTheGenerationKeepsFinishedScenesAndResumeFinishesIt() {
        Api author = newUser();
        PacedSampleModels.allow(1);
        String book = ok(author.post("/api/v1/books/generate", json(smallBook("paced-sample"))), 202).path("bookId").asString();
        Eventually.until("a second scene's drafting call to be held", () -> PacedSampleModels.waiting.get(), n -> n > 0);

        ok(author.post("/api/v1/books/" + book + "/generation/cancel", ""), 202);
        JsonNode cancelled = Eventually.until("the job to stop", () -> status(author, book), s -> s.path("state").asString().equals("CANCELLED"));
        assertThat(cancelled.path("scenesDone").asInt()).isEqualTo(1).isLessThan(cancelled.path("scenesTotal").asInt());
        assertThat(PacedSampleModels.waiting.get()).isZero();
        JsonNode details = ok(author.get("/api/v1/books/" + book), 200);
        assertThat(details.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(details.findValuesAsString("status").stream().filter("DRAFT"::equals).count()).isEqualTo(1);

        PacedSampleModels.releaseAll();
        ok(author.post("/api/v1/books/" + book + "/generation/resume", "{}"), 202);
        JsonNode finished = Eventually.until("the resumed job to finish", () -> status(author, book),
                s -> s.path("state").asString().equals("COMPLETED"));
        assertThat(finished.path("scenesDone").asInt()).isEqualTo(finished.path("scenesTotal").asInt());
        problem(author.post("/api/v1/books/" + book + "/generation/cancel", ""), 409, "generation-not-running");
    }

    @Test
    void callsPaidForByAStepThatFailedAreOnTheAccountOnceAndResumeAddsOnlyNewCalls() {
        Api author = newUser();
        // every try of the style guide comes back as prose: the step fails after paying three calls
        GarbledSampleModels.garble("style_guide", 3);
        String book = ok(author.post("/api/v1/books/generate", json(smallBook("garbled-sample"))), 202).path("bookId").asString();
        JsonNode failed = Eventually.until("the job to fail", () -> status(author, book), s -> s.path("state").asString().equals("FAILED"));

        JsonNode usage = ok(author.get("/api/v1/books/" + book + "/usage"), 200);
        assertThat(callsOf(usage, "plan/genre")).isEqualTo(1);
        assertThat(callsOf(usage, "plan/style")).isEqualTo(3);
        assertThat(usage.path("calls").asLong()).isEqualTo(4);
        assertThat(usage.path("inputTokens").asLong()).isPositive().isEqualTo(failed.path("inputTokens").asLong());

        ok(author.post("/api/v1/books/" + book + "/generation/resume", "{}"), 202);
        JsonNode done = Eventually.until("the resumed job to finish", () -> status(author, book),
                s -> s.path("state").asString().equals("COMPLETED"));
        JsonNode after = ok(author.get("/api/v1/books/" + book + "/usage"), 200);
        assertThat(callsOf(after, "plan/genre")).isEqualTo(1);
        assertThat(callsOf(after, "plan/style")).isEqualTo(4);
        assertThat(after.path("inputTokens").asLong()).isEqualTo(done.path("inputTokens").asLong());
        assertThat(ok(author.get("/api/v1/usage"), 200).path("calls").asLong()).isEqualTo(after.path("calls").asLong());
    }

    private static long callsOf(JsonNode usage, String step) {
        for (JsonNode entry : usage.path("steps")) {
            if (entry.path("step").asString().equals(step)) {
                return entry.path("calls").asLong();
            }
        }
        return 0;
    }

    @Test
    void aUserRunsOneGenerationAtATime() {
        Api author = newUser();
        PacedSampleModels.allow(0);
        String book = ok(author.post("/api/v1/books/generate", json(smallBook("paced-sample"))), 202).path("bookId").asString();
        problem(author.post("/api/v1/books/generate", json(smallBook("sample"))), 429, "too-many-generations");
        assertThat(ok(author.get("/api/v1/books"), 200).path("total").asLong()).isEqualTo(1);
        problem(author.post("/api/v1/books/" + book + "/generation/resume", "{}"), 409, "generation-in-progress");
        ok(author.post("/api/v1/books/" + book + "/generation/cancel", ""), 202);
        Eventually.until("the job to stop", () -> status(author, book), s -> s.path("state").asString().equals("CANCELLED"));
    }

    @Test
    void anotherUsersGenerationDoesNotExistForYou() {
        Api author = newUser();
        Api stranger = newUser();
        String book = ok(author.post("/api/v1/books/generate", json(smallBook("sample"))), 202).path("bookId").asString();
        problem(stranger.get("/api/v1/books/" + book + "/status"), 404, "book-not-found");
        problem(stranger.get("/api/v1/books/" + book + "/events"), 404, "book-not-found");
        problem(stranger.post("/api/v1/books/" + book + "/generation/cancel", ""), 404, "book-not-found");
        problem(stranger.post("/api/v1/books/" + book + "/generation/resume", "{}"), 404, "book-not-found");
        Eventually.until("the job to finish", () -> status(author, book), s -> s.path("state").asString().equals("COMPLETED"));
        assertThat(ok(stranger.get("/api/v1/usage"), 200).path("calls").asLong()).isZero();
    }

    @Test
    void oneSceneIsGeneratedAgainAndTheAuthorsEditsElsewhereAreKept() {
        Api author = newUser();
        String book = ok(author.post("/api/v1/books/generate", json(smallBook("sample"))), 202).path("bookId").asString();
        Eventually.until("the book to finish", () -> status(author, book), s -> s.path("state").asString().equals("COMPLETED"));
        JsonNode chapters = ok(author.get("/api/v1/books/" + book), 200).path("chapters");
        String first = chapters.get(0).path("id").asString();
        String firstScene = chapters.get(0).path("scenes").get(0).path("id").asString();
        String last = chapters.get(2).path("id").asString();
        String lastScene = chapters.get(2).path("scenes").get(0).path("id").asString();
        String edited = "/api/v1/books/" + book + "/chapters/" + last + "/scenes/" + lastScene;
        ok(author.patch(edited, json(Map.of("content", "<p>My own ending.</p>"))), 200);

        ok(author.post("/api/v1/books/" + book + "/chapters/" + first + "/scenes/" + firstScene + "/generate", ""), 202);
        Eventually.until("the scene to be generated again", () -> status(author, book), s -> s.path("state").asString().equals("COMPLETED"));

        long draftsOfFirstScene = db.sql("SELECT count(*) FROM content.usage_entries WHERE book_id = CAST(:book AS uuid) AND step = 'draft/c001/s01'")
                .param("book", book).query(Long.class).single();
        assertThat(draftsOfFirstScene).isEqualTo(2);
        JsonNode regenerated = ok(author.get("/api/v1/books/" + book + "/chapters/" + first + "/scenes/" + firstScene), 200);
        assertThat(regenerated.path("status").asString()).isEqualTo("DRAFT");
        assertThat(regenerated.path("content").asString()).contains("Sample text");
        assertThat(ok(author.get(edited), 200).path("content").asString()).isEqualTo("<p>My own ending.</p>");
    }

    @Test
    void aJobLeftRunningByADeadWorkerIsPickedUpAgain() {
        Api author = newUser();
        String book = ok(author.post("/api/v1/books", json(Map.of("title", "Orphan"))), 201).path("id").asString();
        db.sql("INSERT INTO content.generation_jobs (id, book_id, user_id, status, request, lease_owner, lease_expires_at, started_at) "
                        + "VALUES (gen_random_uuid(), CAST(:book AS uuid), :user, 'RUNNING', CAST(:request AS jsonb), 'worker-that-died', "
                        + "now() - interval '1 minute', now() - interval '2 minutes')")
                .param("book", book).param("user", author.user).param("request", json(smallBook("sample"))).update();

        JsonNode done = Eventually.until("another worker to finish the job", () -> status(author, book),
                s -> s.path("state").asString().equals("COMPLETED"));
        assertThat(done.path("scenesDone").asInt()).isEqualTo(done.path("scenesTotal").asInt()).isPositive();
        assertThat(ok(author.get("/api/v1/books/" + book), 200).path("chapters")).hasSize(3);
    }

    @Test
    void anEditedPlanIsCheckedAndWhatDependsOnItIsWrittenAgainOnResume() {
        Api author = newUser();
        String book = ok(author.post("/api/v1/books/generate", json(smallBook("sample"))), 202).path("bookId").asString();
        Eventually.until("the book to finish", () -> status(author, book), s -> s.path("state").asString().equals("COMPLETED"));
        String path = "/api/v1/books/" + book + "/artifacts/synopsis";
        JsonNode synopsis = ok(author.get(path), 200);
        int version = synopsis.path("version").asInt();

        problem(author.put(path, json(Map.of("logline", "", "synopsis", ""))), 400, "invalid-artifact");
        assertThat(ok(author.get(path), 200).path("version").asInt()).isEqualTo(version);

        var edited = new java.util.LinkedHashMap<String, Object>(Api.JSON.convertValue(synopsis.path("document"), Map.class));
        edited.put("logline", "The customs officer is the smuggler's sister.");
        ok(author.put(path, json(edited)), 200);
        assertThat(db.sql("SELECT count(*) FROM content.checkpoints WHERE book_id = CAST(:book AS uuid) AND key LIKE 'draft/%'")
                .param("book", book).query(Long.class).single()).isZero();

        ok(author.post("/api/v1/books/" + book + "/generation/resume", "{}"), 202);
        JsonNode done = Eventually.until("the book to be written again", () -> status(author, book),
                s -> s.path("state").asString().equals("COMPLETED"));
        assertThat(done.path("scenesDone").asInt()).isEqualTo(done.path("scenesTotal").asInt());
        long outlines = db.sql("SELECT count(*) FROM content.usage_entries WHERE book_id = CAST(:book AS uuid) AND step = 'plan/outline'")
                .param("book", book).query(Long.class).single();
        long genres = db.sql("SELECT count(*) FROM content.usage_entries WHERE book_id = CAST(:book AS uuid) AND step = 'plan/genre'")
                .param("book", book).query(Long.class).single();
        assertThat(genres).isEqualTo(1);
        assertThat(outlines).isGreaterThanOrEqualTo(2);
        assertThat(ok(author.get(path), 200).path("document").path("logline").asString()).isEqualTo("The customs officer is the smuggler's sister.");
    }

    @Test
    void deletingABookStopsItsGeneration() {
        Api author = newUser();
        PacedSampleModels.allow(1);
        String book = ok(author.post("/api/v1/books/generate", json(smallBook("paced-sample"))), 202).path("bookId").asString();
        Eventually.until("a second scene's drafting call to be held", () -> PacedSampleModels.waiting.get(), n -> n > 0);

        ok(author.delete("/api/v1/books/" + book), 204);
        Eventually.until("the held call to be abandoned", () -> PacedSampleModels.waiting.get(), n -> n == 0);
        problem(author.get("/api/v1/books/" + book + "/status"), 404, "book-not-found");
        assertThat(db.sql("SELECT count(*) FROM content.checkpoints WHERE book_id = CAST(:book AS uuid)")
                .param("book", book).query(Long.class).single()).isZero();
        // the user may start another book: the deleted one no longer counts against the limit
        String next = ok(author.post("/api/v1/books/generate", json(smallBook("sample"))), 202).path("bookId").asString();
        Eventually.until("the next book to finish", () -> status(author, next), s -> s.path("state").asString().equals("COMPLETED"));
    }

    @Test
    void badGenerationRequestsAreProblems() {
        Api author = newUser();
        problem(author.post("/api/v1/books/generate", json(Map.of("title", "No idea"))), 400, "validation-failed");
        problem(author.post("/api/v1/books/generate", json(Map.of("title", "T", "braindump", "b", "provider", "nonesuch"))), 400, "unknown-provider");
        problem(author.post("/api/v1/books/generate", json(Map.of("title", "T", "braindump", "b", "format", "sonnet"))), 400, "invalid-format");
        problem(author.post("/api/v1/books/generate", json(Map.of("title", "T", "braindump", "b", "chapters", 10, "targetWords", 300))), 400,
                "invalid-generation-request");
        String manual = ok(author.post("/api/v1/books", json(Map.of("title", "By hand"))), 201).path("id").asString();
        problem(author.get("/api/v1/books/" + manual + "/status"), 404, "generation-not-found");
        assertThat(ok(author.get("/api/v1/books"), 200).path("total").asLong()).isEqualTo(1);
    }
}
