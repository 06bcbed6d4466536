package com.authorworks.media;

import com.authorworks.platform.testing.Api;
import static com.authorworks.platform.testing.Api.json;
import static com.authorworks.platform.testing.Api.ok;
import static com.authorworks.platform.testing.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;

/**
 * Media as the split deployment runs it: its own process and database, reading the book and storing the files
 * through content's and storage's contracts over HTTP (a render in the background acts for its owner with a
 * service token). Another user is refused at content as at media.
 */
@Timeout(300)
class MediaInItsOwnProcessIntegrationTests {

    private static final String SECRET = "a-service-secret-of-at-least-32-characters";

    @TempDir
    Path data;

    private ConfigurableApplicationContext process(String services, String... more) {
        return new SpringApplicationBuilder(MediaTestApplication.class).properties("server.port=0", "logging.level.root=WARN",
                "authorworks.services=" + services, "authorworks.data=" + data.resolve(services.replace(',', '-')),
                "authorworks.security.service-secret=" + SECRET, "authorworks.media.poll=200ms",
                "authorworks.media.work=" + data.resolve("media-work")).properties(more).run();
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void aBookAtContentIsRenderedByMediaInAnotherProcess() {
        try (ConfigurableApplicationContext content = process("content,storage");
             ConfigurableApplicationContext media = process("media", "authorworks.content.url=http://localhost:" + port(content),
                     "authorworks.storage.url=http://localhost:" + port(content))) {
            assertThat(content.getBeanNamesForType(MediaAutoConfiguration.class)).isEmpty();
            Api author = Api.newUser(port(content));
            Api authorAtMedia = Api.withToken(port(media), author.user, author.token);
            String book = ok(author.send("POST", "/api/v1/books", json(Map.of("title", "Far Harbour"))), 201).path("id").asString();
            String chapter = ok(author.send("POST", "/api/v1/books/" + book + "/chapters", json(Map.of("title", "One"))), 201)
                    .path("id").asString();
            ok(author.send("POST", "/api/v1/books/" + book + "/chapters/" + chapter + "/scenes", json(Map.of("title", "Quay",
                    "content", "<p>The tide came in.</p><p>“Hold the rope,” said Mara.</p>"))), 201);

            problem(Api.withToken(port(media), Api.newUser(port(media)).user, Api.newUser(port(media)).token)
                    .send("POST", "/api/v1/audio/projects", json(Map.of("bookId", book))), 404, "book-not-found");
            JsonNode project = ok(authorAtMedia.send("POST", "/api/v1/audio/projects", json(Map.of("bookId", book))), 201);
            assertThat(project.path("title").asString()).isEqualTo("Far Harbour");
            String id = project.path("id").asString();
            String job = ok(authorAtMedia.send("POST", "/api/v1/audio/projects/" + id + "/jobs", null), 202).path("id").asString();

            JsonNode done = AudiobookIntegrationTests.eventually("the render in media's process",
                    () -> authorAtMedia.get("/api/v1/audio/projects/" + id + "/jobs/" + job),
                    j -> !j.path("status").asString().equals("queued") && !j.path("status").asString().equals("running"));
            assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("done");
            JsonNode exports = authorAtMedia.get("/api/v1/audio/projects/" + id + "/exports");
            assertThat(exports.path("acxPass").asBoolean()).as(exports.toString()).isTrue();
            // the files are the author's in storage's process
            JsonNode files = author.get("/api/v1/files");
            assertThat(files.path("total").asLong()).isEqualTo(exports.path("files").size());
        }
    }
}
