package com.authorworks.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.authorworks.app.api.RawHttp.Request;

import tools.jackson.databind.JsonNode;

/**
 * Serial release through the whole platform in one process: an author releases a chapter of a published book,
 * content's {@code ChapterPublished} reaches discovery (the follower's home feed, latest updates), and discovery's
 * {@code FollowedBookUpdated} reaches messaging (the follower's {@code new-chapter} notification), all through the
 * event publication registry.
 */
class SerialReleaseJourneyIntegrationTests extends PlatformApiIntegrationTest {

    @Test
    void aReleasedChapterReachesTheFollowersFeedAndTheirNotifications() {
        Platform platform = platform();
        String author = platform.owner().accessToken();
        String reader = platform.stranger().accessToken();

        String book = send(Request.of("POST", "/api/v1/books").bearer(author).json(json(Map.of("title", "The Journey Serial"))), 201)
                .json().get("id").asString();
        String books = "/api/v1/books/" + book;
        send(Request.of("POST", books + "/chapters").bearer(author).json(json(Map.of("title", "Setting out"))), 201);
        send(Request.of("POST", books + "/publish").bearer(author), 200);
        eventually("the book in discovery's catalogue",
                () -> http().send(Request.of("PUT", "/api/v1/discover/books/" + book + "/follow").bearer(reader)).status(),
                status -> status == 200);

        String chapter = send(Request.of("POST", books + "/chapters").bearer(author).json(json(Map.of("title", "The pass"))), 201)
                .json().get("id").asString();
        // a draft is nobody's news, and not readable by the follower
        assertThat(http().send(Request.of("GET", books).bearer(reader)).json().get("chapters")).hasSize(1);
        send(Request.of("POST", books + "/chapters/" + chapter + "/publish").bearer(author), 200);

        JsonNode feed = eventually("the chapter in the follower's feed",
                () -> send(Request.of("GET", "/api/v1/discover/feed").bearer(reader), 200).json(),
                page -> titles(page, "chapterTitle").contains("The pass"));
        assertThat(feed.get("items").get(0).get("bookId").asString()).isEqualTo(book);
        assertThat(titles(send(Request.of("GET", "/api/v1/discover/latest?size=100"), 200).json(), "chapterTitle")).contains("The pass");

        JsonNode notifications = eventually("the follower's new-chapter notification",
                () -> send(Request.of("GET", "/api/v1/notifications").bearer(reader), 200).json(),
                page -> titles(page, "title").contains("A new chapter of “The Journey Serial”"));
        JsonNode told = null;
        for (JsonNode item : notifications.get("items")) {
            if (item.get("type").asString().equals("new-chapter")) {
                told = item;
            }
        }
        assertThat(told).isNotNull();
        assertThat(told.get("body").asString()).isEqualTo("Chapter 2: The pass is out.");
        assertThat(told.get("data").get("chapterId").asString()).isEqualTo(chapter);
        assertThat(titles(send(Request.of("GET", "/api/v1/notifications").bearer(author), 200).json(), "type"))
                .as("the author is not told of their own chapter").doesNotContain("new-chapter");
        assertThat(http().send(Request.of("GET", books).bearer(reader)).json().get("chapters")).hasSize(2);
    }

    private static List<String> titles(JsonNode page, String field) {
        List<String> values = new ArrayList<>();
        page.get("items").forEach(item -> values.add(item.get(field).asString()));
        return values;
    }

    private static <T> T eventually(String what, Supplier<T> probe, Predicate<T> done) {
        Instant deadline = Instant.now().plusSeconds(60);
        T last = probe.get();
        while (!done.test(last)) {
            assertThat(Instant.now()).as("gave up waiting for " + what + "; last seen: " + last).isBefore(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = probe.get();
        }
        return last;
    }
}
