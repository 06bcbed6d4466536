package com.authorworks.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.authorworks.app.api.ApiDocument.Operation;
import com.authorworks.app.api.ApiDocument.Parameter;
import com.authorworks.app.api.PlatformApiIntegrationTest.Resources;
import com.authorworks.app.api.RawHttp.Request;
import com.authorworks.app.api.RawHttp.Response;

/**
 * Every operation of {@code /v3/api-docs} that names a resource by id is sent by a second user,
 * well-formed, with the ids of the first user's resources (matched to path parameters by name). A
 * private resource is "not found" to a stranger; a public one (a profile) may be "forbidden" to
 * change. Afterwards the owner reads everything back and finds it exactly as it was.
 */
class ApiCrossUserIntegrationTests extends PlatformApiIntegrationTest {

    /** What anyone may do to another user's public resource, and why; everything else must be refused. */
    static final Map<String, String> ALLOWED_TO_ANYONE = Map.ofEntries(
            Map.entry("GET /api/v1/users/{id}", "profiles are public"),
            Map.entry("GET /api/v1/users/{id}/followers", "who follows a user is public"),
            Map.entry("GET /api/v1/users/{id}/following", "whom a user follows is public"),
            Map.entry("GET /api/v1/users/{id}/books", "a user's published books are public (their drafts are not listed to others)"),
            Map.entry("PUT /api/v1/users/{id}/follow", "following someone changes the follower's own follows"),
            Map.entry("DELETE /api/v1/users/{id}/follow", "unfollowing someone changes the follower's own follows"),
            Map.entry("PUT /api/v1/users/me/blocks/{userId}", "blocking someone changes the blocker's own blocks"),
            Map.entry("DELETE /api/v1/users/me/blocks/{userId}", "unblocking someone changes the blocker's own blocks"),
            Map.entry("GET /api/v1/creators/{id}/tiers", "a creator's tiers are their public shop window"),
            Map.entry("GET /api/v1/creators/{id}/tiers/{tierId}", "a creator's tiers are their public shop window"),
            Map.entry("GET /api/v1/discover/comments/{commentId}", "a comment on a published book is public"),
            Map.entry("GET /api/v1/discover/authors/{id}", "an author's page is public (their published books and public lists only)"),
            Map.entry("POST /api/v1/discover/comments/{commentId}/reports", "anyone who can read a comment may report it (the report is theirs)"),
            Map.entry("GET /api/v1/notifications/preferences/books/{bookId}", "a notification level is the caller's own, whoever's book it names"),
            Map.entry("PUT /api/v1/notifications/preferences/books/{bookId}", "a notification level is the caller's own, whoever's book it names"),
            Map.entry("DELETE /api/v1/notifications/preferences/books/{bookId}", "a notification level is the caller's own, whoever's book it names"),
            Map.entry("GET /api/v1/notifications/preferences/authors/{authorId}", "a notification level is the caller's own, whoever it names"),
            Map.entry("PUT /api/v1/notifications/preferences/authors/{authorId}", "a notification level is the caller's own, whoever it names"),
            Map.entry("DELETE /api/v1/notifications/preferences/authors/{authorId}", "a notification level is the caller's own, whoever it names"));

    /** Public resources: a stranger may be told "forbidden" (403) instead of "not found" when trying to change them. */
    static final Map<String, String> PUBLIC = Map.of(
            "/api/v1/users/{id}", "a profile is public, so its existence is no secret",
            "/api/v1/files/{id}/content", "a signed link is public: the signature, not the user, is checked",
            "/api/v1/creators/{id}/tiers", "tiers are public, so only their creator may change them: others are forbidden",
            "/api/v1/discover/comments/{commentId}", "a comment on a published book is public, so only its author (or the book's author or an admin, hiding it) may change it: others are forbidden",
            "/api/v1/discover/moderation/reports", "the moderation queue is the admins': anyone else is forbidden, whichever report they name",
            "/api/v1/conversations/reports", "messaging's moderation queue is the admins': anyone else is forbidden, whichever report they name");

    /** Reads the owner's read-back must not make, because they change what they read. */
    static final Map<String, String> NOT_READ_BACK = Map.of(
            "GET /api/v1/books/{id}/export", "queues an export when none is current (the seed's one-call download)");

    private static final Pattern REQUEST_ID = Pattern.compile("\"requestId\":\"[^\"]*\",?");
    private static final Pattern SIGNED_LINK = Pattern.compile("[?&](expires|signature)=[^&\"\\s]*");
    private static final Pattern LINK_EXPIRY = Pattern.compile("\"(expiresAt|linkExpiresAt)\":\"[^\"]*\",?");

    @Test
    void aStrangerFindsNoResourceOfAnotherUserAndChangesNothing() {
        Platform platform = platform();
        ApiDocument document = platform.document();
        User owner = platform.owner();
        User stranger = platform.stranger();
        Requests ownersRequests = new Requests(document, owner.resources());

        List<Operation> targets = document.operations().stream().filter(ApiCrossUserIntegrationTests::takesAResourceId).toList();
        assertThat(targets).as("operations that take a resource id").hasSizeGreaterThan(30);

        Map<String, String> before = snapshot(document, owner);
        Map<String, String> settled = snapshot(document, owner);
        List<String> volatileReads = before.keySet().stream().filter(read -> !before.get(read).equals(settled.get(read))).toList();
        before.keySet().removeAll(volatileReads);

        List<String> findings = new ArrayList<>();
        int mixedAttempts = 0;
        for (Operation operation : targets) {
            List<String> missing = operation.in("path").stream().filter(ApiCrossUserIntegrationTests::isResourceId)
                    .map(Parameter::name)
                    .filter(name -> owner.resources().forPathParameter(operation.segmentBefore().get(name), name).isEmpty())
                    .toList();
            if (!missing.isEmpty()) {
                findings.add(operation + ": the owner has no resource for " + missing
                        + " (make one in PlatformApiIntegrationTest.userWithResources)");
                continue;
            }
            Request request = ownersRequests.wellFormed(operation).bearer(stranger.accessToken());
            Response response = http().send(request);
            String wrong = ALLOWED_TO_ANYONE.containsKey(operation.key()) ? ApiFuzzIntegrationTests.wrong(response)
                    : refusal(operation, response);
            if (wrong != null) {
                findings.add(operation + " as the stranger -> " + wrong);
            }
            Optional<Resources> mixed = mixed(operation, ownersRequests, owner, stranger);
            if (mixed.isPresent()) {
                mixedAttempts++;
                String refused = refusal(operation, http().send(new Requests(document, mixed.get()).wellFormed(operation)
                        .bearer(stranger.accessToken())));
                if (refused != null) {
                    findings.add(operation + " as the stranger, with their own {" + operation.in("path").getFirst().name()
                            + "} and the owner's ids below it -> " + refused);
                }
            }
        }

        Map<String, String> after = snapshot(document, owner);
        before.forEach((read, answer) -> {
            if (!answer.equals(after.get(read))) {
                findings.add("the owner's " + read + " changed:\n      before " + RawHttp.abbreviate(answer, 400)
                        + "\n      after  " + RawHttp.abbreviate(String.valueOf(after.get(read)), 400));
            }
        });
        System.out.printf("API cross-user: %d operations tried as a stranger (%d also with the stranger's own resource above the"
                + " owner's), %d of the owner's reads compared, left out as volatile: %s%n", targets.size(), mixedAttempts, before.size(),
                volatileReads);
        assertThat(String.join("\n", findings)).as(findings.size() + " findings").isEmpty();
    }

    /**
     * For an operation that names a resource inside another ({@code /books/{id}/chapters/{chapterId}},
     * or a body field {@code sceneId}): the stranger's own resource at the top and the owner's below
     * it, so a lookup that checks only the top one is caught.
     */
    private static Optional<Resources> mixed(Operation operation, Requests requests, User owner, User stranger) {
        List<Parameter> ids = operation.in("path").stream().filter(ApiCrossUserIntegrationTests::isResourceId).toList();
        Set<String> fields = operation.body().filter(ApiDocument.Body::isJson)
                .map(body -> requests.properties(body.schema()).keySet()).orElse(Set.of());
        boolean idsInBody = fields.stream().anyMatch(field -> field.endsWith("Id") && owner.resources().forField(field).isPresent());
        if (ids.isEmpty() || ids.size() < 2 && !idsInBody) {
            return Optional.empty();
        }
        Parameter top = ids.getFirst();
        String segment = operation.segmentBefore().get(top.name());
        String key = owner.resources().values().containsKey(segment + "/" + top.name()) ? segment + "/" + top.name() : top.name();
        return stranger.resources().forPathParameter(segment, top.name()).map(own -> owner.resources().with(key, own));
    }

    /** Null when the stranger was refused as they should be: 404, or 403 for a public resource; always problem JSON. */
    private static String refusal(Operation operation, Response response) {
        boolean isPublic = PUBLIC.keySet().stream().anyMatch(path -> operation.path().startsWith(path));
        Set<Integer> expected = isPublic ? Set.of(403, 404) : Set.of(404);
        if (!expected.contains(response.status())) {
            return "expected " + expected + ", got " + response;
        }
        return ApiFuzzIntegrationTests.wrong(response);
    }

    static boolean takesAResourceId(Operation operation) {
        return operation.in("path").stream().anyMatch(ApiCrossUserIntegrationTests::isResourceId);
    }

    /** An id names a resource: {@code {id}}, {@code {chapterId}}, or any UUID (a typed id included). */
    static boolean isResourceId(Parameter parameter) {
        String name = parameter.name();
        return name.equals("id") || name.endsWith("Id") || parameter.schema().toString().contains("uuid")
                || parameter.schema().path("$ref").asString("").endsWith("Id");
    }

    /**
     * What the owner reads through every GET of the document that their resources can fill (event
     * streams aside), as status, redirect target and body, with what differs on every answer left
     * out (the parts of signed links that change by the second, request ids).
     */
    private Map<String, String> snapshot(ApiDocument document, User owner) {
        Requests requests = new Requests(document, owner.resources());
        Map<String, String> reads = new LinkedHashMap<>();
        for (Operation operation : document.operations()) {
            if (!operation.method().equals("GET") || operation.streams() || NOT_READ_BACK.containsKey(operation.key())) {
                continue;
            }
            boolean fillable = operation.in("path").stream()
                    .allMatch(p -> owner.resources().forPathParameter(operation.segmentBefore().get(p.name()), p.name()).isPresent());
            if (!fillable) {
                continue;
            }
            Request request = requests.wellFormed(operation).bearer(owner.accessToken());
            Response response = http().send(request);
            String location = response.header("Location") == null ? "" : response.header("Location");
            String answer = response.status() + " " + location + " " + response.text();
            for (Pattern changesEveryTime : List.of(SIGNED_LINK, LINK_EXPIRY, REQUEST_ID)) {
                answer = changesEveryTime.matcher(answer).replaceAll("");
            }
            reads.put(request.target(), answer);
        }
        return reads;
    }
}
