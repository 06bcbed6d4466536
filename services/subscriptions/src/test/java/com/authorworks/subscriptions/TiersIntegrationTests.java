package com.authorworks.subscriptions;

import com.authorworks.platform.testing.Api;
import static com.authorworks.platform.testing.Api.json;
import static com.authorworks.platform.testing.Api.ok;
import static com.authorworks.platform.testing.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Creator tiers over real HTTP against embedded PostgreSQL. */
class TiersIntegrationTests extends ServiceIntegrationTest {

    static Map<String, Object> tier(String name, long monthly, Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "monthlyPrice", monthly, "currency", "usd"));
        for (int i = 0; i + 1 < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    /** Null or left out (the platform leaves nulls out; this test application does not). */
    static boolean absent(JsonNode node, String field) {
        return node.path(field).isMissingNode() || node.path(field).isNull();
    }

    @Test
    void aCreatorsTiersAreListedCheapestFirstToAnyoneAndTheWelcomeMessageOnlyToTheCreator() {
        Api creator = Api.newUser(port);
        String tiers = "/api/v1/creators/" + creator.user + "/tiers";
        JsonNode patron = ok(creator.send("POST", tiers, json(tier("Patron", 1500, "annualPrice", 15000,
                "benefits", List.of("  Early access to every chapter ", "Your name in the acknowledgements"),
                "memberCap", 50, "welcomeMessage", "Thank you, truly."))), 201);
        ok(creator.send("POST", tiers, json(tier("Reader", 300))), 201);

        assertThat(patron.path("currency").asString()).isEqualTo("USD");
        assertThat(patron.path("benefits").get(0).asString()).isEqualTo("Early access to every chapter");
        assertThat(patron.path("welcomeMessage").asString()).isEqualTo("Thank you, truly.");

        JsonNode seen = ok(Api.anonymous(port).send("GET", tiers, null), 200);
        List<String> names = new ArrayList<>();
        seen.path("items").forEach(item -> names.add(item.path("name").asString()));
        assertThat(names).containsExactly("Reader", "Patron");
        assertThat(seen.path("items").get(1).path("monthlyPrice").asLong()).isEqualTo(1500);
        assertThat(seen.path("items").get(1).path("annualPrice").asLong()).isEqualTo(15000);
        assertThat(seen.path("items").get(1).path("memberCap").asInt()).isEqualTo(50);
        assertThat(absent(seen.path("items").get(1), "welcomeMessage")).isTrue();

        JsonNode one = ok(Api.newUser(port).send("GET", tiers + "/" + patron.path("id").asString(), null), 200);
        assertThat(one.path("name").asString()).isEqualTo("Patron");
        assertThat(absent(one, "welcomeMessage")).isTrue();
    }

    @Test
    void onlyTheCreatorChangesTheirTiersAndAnotherCreatorsTierIsNotFoundUnderTheirs() {
        Api creator = Api.newUser(port);
        Api other = Api.newUser(port);
        String tiers = "/api/v1/creators/" + creator.user + "/tiers";
        String id = ok(creator.send("POST", tiers, json(tier("Supporter", 500))), 201).path("id").asString();

        problem(other.send("POST", tiers, json(tier("Mine now", 500))), 403, "not-the-creator");
        problem(other.send("PUT", tiers + "/" + id, json(tier("Mine now", 100))), 403, "not-the-creator");
        problem(other.send("POST", tiers + "/" + id + "/archive", null), 403, "not-the-creator");
        problem(Api.anonymous(port).send("POST", tiers, json(tier("Anyone", 500))), 401, "authentication-required");
        // the tier is the creator's: under the other creator's address it is nobody's
        problem(other.send("PUT", "/api/v1/creators/" + other.user + "/tiers/" + id, json(tier("Mine now", 100))), 404, "tier-not-found");
        problem(other.send("GET", "/api/v1/creators/" + other.user + "/tiers/" + id, null), 404, "tier-not-found");

        JsonNode unchanged = ok(creator.send("GET", tiers + "/" + id, null), 200);
        assertThat(unchanged.path("name").asString()).isEqualTo("Supporter");
        assertThat(unchanged.path("monthlyPrice").asLong()).isEqualTo(500);
    }

    @Test
    void aReplacedTierHasItsNewTermsAndAnArchivedOneIsListedOnlyToItsCreator() {
        Api creator = Api.newUser(port);
        String tiers = "/api/v1/creators/" + creator.user + "/tiers";
        String id = ok(creator.send("POST", tiers, json(tier("Supporter", 500, "memberCap", 10))), 201).path("id").asString();

        JsonNode replaced = ok(creator.send("PUT", tiers + "/" + id, json(tier("Supporter", 700, "currency", "eur",
                "annualPrice", 7000))), 200);
        assertThat(replaced.path("monthlyPrice").asLong()).isEqualTo(700);
        assertThat(replaced.path("currency").asString()).isEqualTo("EUR");
        assertThat(absent(replaced, "memberCap")).as("a replaced tier without a cap has none").isTrue();

        JsonNode archived = ok(creator.send("POST", tiers + "/" + id + "/archive", null), 200);
        assertThat(archived.path("archived").asBoolean()).isTrue();
        assertThat(ok(creator.send("POST", tiers + "/" + id + "/archive", null), 200).path("updatedAt"))
                .as("archiving twice changes nothing").isEqualTo(archived.path("updatedAt"));
        assertThat(ok(Api.anonymous(port).send("GET", tiers, null), 200).path("items").size()).isZero();
        assertThat(ok(creator.send("GET", tiers, null), 200).path("items").size()).isEqualTo(1);
        problem(creator.send("PUT", tiers + "/" + id, json(tier("Supporter", 900))), 409, "tier-archived");
        // an archived tier's name is free again
        ok(creator.send("POST", tiers, json(tier("supporter", 900))), 201);
    }

    @Test
    void badTermsAreProblemsNamingWhatIsWrong() {
        Api creator = Api.newUser(port);
        String tiers = "/api/v1/creators/" + creator.user + "/tiers";
        JsonNode invalid = problem(creator.send("POST", tiers, json(Map.of("name", " ", "monthlyPrice", 50, "currency", "usd",
                "memberCap", 0))), 400, "validation-failed");
        List<String> fields = new ArrayList<>();
        invalid.path("errors").forEach(error -> fields.add(error.path("field").asString()));
        assertThat(fields).contains("name", "monthlyPrice", "memberCap");

        problem(creator.send("POST", tiers, json(tier("Gold", 500, "currency", "XYZ"))), 400, "unsupported-currency");
        problem(creator.send("POST", tiers, json(tier("Gold", 500, "annualPrice", 400))), 400, "annual-below-monthly");
        problem(creator.send("POST", tiers, json(tier("Gold", 500, "benefits", List.of("x".repeat(201))))), 400, "validation-failed");
        problem(creator.send("POST", tiers, json(tier("Gold", 500, "benefits", List.of(" ")))), 400, "validation-failed");
        problem(creator.send("POST", tiers, "{\"name\": \"Gold\", \"monthlyPrice\": \"lots\", \"currency\": \"usd\"}"), 400, "malformed-body");
        problem(creator.send("GET", tiers + "/not-a-tier", null), 404, "tier-not-found");

        ok(creator.send("POST", tiers, json(tier("Gold", 500))), 201);
        problem(creator.send("POST", tiers, json(tier(" GOLD ", 900))), 409, "tier-name-taken");
        for (int i = 1; i < 10; i++) {
            ok(creator.send("POST", tiers, json(tier("Tier " + i, 100 + i))), 201);
        }
        problem(creator.send("POST", tiers, json(tier("One too many", 500))), 409, "too-many-tiers");
    }
}
