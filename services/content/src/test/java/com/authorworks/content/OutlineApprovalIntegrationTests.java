package com.authorworks.content;

import static com.authorworks.content.Api.json;
import static com.authorworks.content.Api.ok;
import static com.authorworks.content.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@Timeout(180)
class OutlineApprovalIntegrationTests extends ContentIntegrationTest {

    @Autowired
    JdbcClient db;

    /** One event of a stream: its name and its data. */
    record Event(String name, JsonNode data) {
    }

    static List<Event> events(HttpResponse<Stream<String>> stream) {
        assertThat(stream.statusCode()).isEqualTo(200);
        List<Event> events = new ArrayList<>();
        String name = null;
        for (Iterator<String> lines = stream.body().iterator(); lines.hasNext(); ) {
            String line = lines.next();
            if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                events.add(new Event(name, Api.JSON.readTree(line.substring(5).strip())));
            }
        }
        return events;
    }

    @Test
    void theAuthorApprovesAnEditedOutlineBeforeAnythingIsDrafted() {
        Api author = newUser();
        Map<String, Object> request = new HashMap<>(GenerationIntegrationTests.smallBook("sample"));
        request.put("approveOutline", true);
        JsonNode job = ok(author.post("/api/v1/books/generate", json(request)), 202);
        String book = job.path("bookId").asString();

        List<Event> events = events(author.stream("/api/v1/books/" + book + "/events"));

        assertThat(events).extracting(Event::name).first().isEqualTo("run-started");
        assertThat(events).extracting(Event::name).last().isEqualTo("outline-ready");
        assertThat(events).extracting(Event::name).doesNotContain("scene-drafted", "run-completed", "completed");
        List<Event> steps = events.stream().filter(e -> e.name().equals("step-completed")).toList();
        assertThat(steps).extracting(e -> e.data().path("key").asString())
                .containsExactly("plan/genre", "plan/style", "plan/characters", "plan/synopsis", "plan/outline");
        assertThat(steps).allSatisfy(e -> {
            assertThat(e.data().path("progress").path("step").asString()).isEqualTo(e.data().path("key").asString());
            assertThat(e.data().path("jobId").asString()).isEqualTo(job.path("jobId").asString());
        });
        JsonNode ready = events.getLast().data();
        assertThat(ready.path("jobId").asString()).isEqualTo(job.path("jobId").asString());
        assertThat(ready.path("progress").path("step").asString()).isEqualTo("plan/outline");
        assertThat(ready.path("progress").path("scenesDone").asInt()).isZero();

        JsonNode status = GenerationIntegrationTests.status(author, book);
        assertThat(status.path("state").asString()).isEqualTo("AWAITING_APPROVAL");
        JsonNode details = ok(author.get("/api/v1/books/" + book), 200);
        assertThat(details.path("status").asString()).isEqualTo("PAUSED");
        assertThat(details.path("chapters")).hasSize(3);
        assertThat(details.path("chapters").findValuesAsString("status")).containsOnly("PLANNED");
        int plannedScenes = 0;
        for (JsonNode c : details.path("chapters")) {
            plannedScenes += c.path("scenes").size();
        }
        assertThat(ready.path("progress").path("scenesTotal").asInt()).as("outline-ready counts the scenes to draft")
                .isPositive().isEqualTo(plannedScenes);
        assertThat(db.sql("SELECT count(*) FROM content.checkpoints WHERE book_id = CAST(:book AS uuid) AND key LIKE 'draft/%'")
                .param("book", book).query(Long.class).single()).isZero();
        problem(author.post("/api/v1/books/" + book + "/generation/cancel", ""), 409, "generation-not-running");
        // waiting for approval holds no generation slot: the author may start another book meanwhile
        String other = ok(author.post("/api/v1/books/generate", json(GenerationIntegrationTests.smallBook("sample"))), 202)
                .path("bookId").asString();
        Eventually.until("the other book to finish", () -> GenerationIntegrationTests.status(author, other),
                s -> s.path("state").asString().equals("COMPLETED"));

        // The author renames the second planned scene by hand, then edits the outline: the parts that
        // still carry the outline's titles follow it, the hand-renamed scene keeps its own title.
        // a chapter the outline gave two scenes or more (how many is the writer's choice)
        int edited = 0;
        while (details.path("chapters").get(edited).path("scenes").size() < 2) {
            edited++;
        }
        JsonNode planned = details.path("chapters").get(edited);
        String chapterPath = "/api/v1/books/" + book + "/chapters/" + planned.path("id").asString();
        String secondScene = planned.path("scenes").get(1).path("id").asString();
        ok(author.patch(chapterPath + "/scenes/" + secondScene, json(Map.of("title", "My own title"))), 200);

        String outlinePath = "/api/v1/books/" + book + "/artifacts/outline";
        ObjectNode outline = (ObjectNode) ok(author.get(outlinePath), 200).path("document");
        ObjectNode firstChapter = (ObjectNode) outline.path("chapters").get(edited);
        firstChapter.put("title", "The Marsh at Dawn");
        ObjectNode firstScene = (ObjectNode) firstChapter.path("scenes").get(0);
        firstScene.putArray("beats").add("The author's own beat: a heron lifts off the marsh at dawn");
        firstScene.put("title", "Heron");
        ((ObjectNode) firstChapter.path("scenes").get(1)).put("title", "The outline's new title");
        int untouched = edited == 0 ? 1 : 0;
        String untouchedChapter = outline.path("chapters").get(untouched).path("title").asString();
        ok(author.put(outlinePath, json(outline)), 200);

        JsonNode renamed = ok(author.get("/api/v1/books/" + book), 200).path("chapters");
        assertThat(renamed.get(edited).path("title").asString()).isEqualTo("The Marsh at Dawn");
        assertThat(renamed.get(edited).path("scenes").get(0).path("title").asString()).isEqualTo("Heron");
        assertThat(renamed.get(edited).path("scenes").get(1).path("title").asString()).isEqualTo("My own title");
        assertThat(renamed.get(untouched).path("title").asString()).isEqualTo(untouchedChapter);

        ok(author.post("/api/v1/books/" + book + "/generation/resume", "{}"), 202);
        JsonNode done = Eventually.until("the approved book to be drafted", () -> GenerationIntegrationTests.status(author, book),
                s -> s.path("state").asString().equals("COMPLETED"));
        assertThat(done.path("scenesDone").asInt()).isEqualTo(done.path("scenesTotal").asInt());
        JsonNode chapter = ok(author.get("/api/v1/books/" + book), 200).path("chapters").get(edited);
        JsonNode scene = ok(author.get("/api/v1/books/" + book + "/chapters/" + chapter.path("id").asString() + "/scenes/"
                + chapter.path("scenes").get(0).path("id").asString()), 200);
        assertThat(scene.path("content").asString()).contains("a heron lifts off the marsh at dawn");
        assertThat(db.sql("SELECT count(*) FROM content.usage_entries WHERE book_id = CAST(:book AS uuid) AND step LIKE 'plan/%'")
                .param("book", book).query(Long.class).single()).as("the plan is paid for once: a call per step, two for the outline")
                .isEqualTo(6);
    }
}
