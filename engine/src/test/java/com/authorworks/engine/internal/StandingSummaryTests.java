package com.authorworks.engine.internal;

import com.authorworks.engine.ContextManifest;
import com.authorworks.engine.story.Fact;
import com.authorworks.engine.story.ScenePosition;
import com.authorworks.engine.story.StoryLedger;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class StandingSummaryTests {

    private static final String[] THINGS = {"brass key", "ivory locket", "iron lantern", "tin map case", "gilt sextant", "pearl rosary"};
    private static final String[] PLACES = {"knee", "left palm", "brow", "ribs"};

    @Test
    void factsOfOneKindGoOnOneLineAndWhatTheyShareIsSaidOnce() {
        List<Fact> facts = new ArrayList<>();
        facts.add(fact("location", "room 12 at the Customs House", 1));
        facts.add(fact("carries the brass key", "the Brass Key, tagged 1001-AAA", 2));
        facts.add(fact("carries the ivory locket", "the Ivory Locket, tagged 1002-BBB", 3));
        facts.add(fact("carries the iron lantern", "the Iron Lantern, tagged 1003-CCC", 4));
        facts.add(fact("injury to the knee", "a cut across the knee", 5));
        facts.add(fact("injury to the brow", "a bruise above the brow", 6));
        facts.add(fact("knows the vault code", "the vault code is 4471", 7));

        assertThat(StandingSummary.of("Corwin", facts)).isEqualTo("""
                Corwin: location = room 12 at the Customs House; knows the vault code is 4471
                  carries (…, tagged …): brass key 1001-AAA; ivory locket 1002-BBB; iron lantern 1003-CCC
                  injury: cut across the knee; bruise above the brow""");
    }

    @Test
    void anEntryKeepsWhatItsValueDoesNotSay() {
        assertThat(StandingSummary.grouped("owes", fact("owes the marrow tannery", "188 crowns", 1))).isEqualTo("marrow tannery = 188 crowns");
        assertThat(StandingSummary.grouped("relationship", fact("relationship with Wren", "sworn allies", 1))).isEqualTo("Wren = sworn allies");
        assertThat(StandingSummary.grouped("carries", fact("carries the key", "the keystone", 1))).as("a word inside another is not said")
                .isEqualTo("key = the keystone");
        assertThat(StandingSummary.grouped("carries", fact("carries the key", "the key", 1))).as("nothing left to run on with").isEqualTo("key");
        assertThat(StandingSummary.head("location")).isEmpty();
        assertThat(StandingSummary.head("Carries the key")).isEqualTo("carries");
    }

    @Test
    void entriesThatShareNothingAreListedAsTheyAre() {
        assertThat(StandingSummary.factored("knows", List.of("the ferry runs at 6", "Mara lied about 4471", "where the map is")))
                .isEqualTo("knows: the ferry runs at 6; Mara lied about 4471; where the map is");
        assertThat(StandingSummary.factored("knows", List.of("code is 1", "alias is 2"))).as("two are not a pattern")
                .isEqualTo("knows: code is 1; alias is 2");
    }

    /** A long history laid out as standing summaries: every id in force is in it, in a quarter fewer tokens than one entry per fact. */
    @Test
    void aLongHistoryFitsInFewerTokensWithEveryIdInForce() {
        StoryLedger ledger = new StoryLedger();
        List<String> ids = new ArrayList<>();
        int n = 0;
        for (String who : List.of("Corwin Pryce", "Lucan Blackwood")) {
            for (int i = 0; i < 30; i++) {
                String thing = THINGS[i % THINGS.length] + " " + (i / THINGS.length);
                String id = id(++n);
                ids.add(id);
                ledger.record(new Fact(who, Fact.Kind.CHARACTER, "carries the " + thing, "the " + thing + ", tagged " + id, new ScenePosition(1 + i, 1)));
            }
            for (int i = 0; i < PLACES.length; i++) {
                String id = id(++n);
                ledger.record(new Fact(who, Fact.Kind.CHARACTER, "injury to the " + PLACES[i], "a cut across the " + PLACES[i] + ", chit " + id(n - 500),
                        new ScenePosition(1 + i, 2)));
                // the wound healed into a scar: the first value is superseded and drops out
                ledger.record(new Fact(who, Fact.Kind.CHARACTER, "injury to the " + PLACES[i], "a scar across the " + PLACES[i] + ", chit " + id,
                        new ScenePosition(10 + i, 2)));
                ids.add(id);
            }
            ledger.record(new Fact(who, Fact.Kind.CHARACTER, "location", "room " + id(++n) + " at the foundry", new ScenePosition(30, 3)));
            ids.add(id(n));
        }
        Map<String, List<Fact>> present = ledger.asOf(new ScenePosition(40, 1), List.of("Corwin Pryce", "Lucan Blackwood"));
        LedgerSelection selection = new LedgerSelection(present, Map.of());

        String summaries = selection.render(selection.items());
        StringBuilder perFact = new StringBuilder();
        present.forEach((who, list) -> perFact.append(who).append(": ")
                .append(String.join("; ", list.stream().map(f -> LedgerSelection.entry(f.attribute(), f.value())).toList())).append('\n'));

        assertThat(ids(summaries)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(summaries).doesNotContain("a cut across");
        assertThat(TokenCounter.count(summaries)).isLessThan(TokenCounter.count(perFact.toString()) * 3 / 4);

        // under a share too small for all of it, the budget holds and each subject keeps its most recent facts
        var part = new ContextBuilder.Part("story ledger", 4, 40, "Story ledger", selection.items(), false, false, 400, true, selection::render);
        var built = ContextBuilder.build("draft/c040/s01", "system", List.of(part), List.of(), 6_000);
        ContextManifest.Part listed = built.manifest().parts().get(1);
        assertThat(listed.tokens()).isLessThanOrEqualTo(400);
        assertThat(listed.status()).isEqualTo(ContextManifest.Status.TRUNCATED);
        assertThat(built.user()).contains("Corwin Pryce: location = room").contains("Lucan Blackwood: location = room");
        assertThat(ids(built.user())).hasSize(listed.included().size());
    }

    private static List<String> ids(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("\\b\\d{4}-[A-Z]{3}\\b").matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static String id(int n) {
        int k = Math.floorMod(n * 7919, 10_000);
        return String.format("%04d-%c%c%c", k, (char) ('A' + n % 26), (char) ('A' + (n / 26) % 26), (char) ('A' + (n * 7) % 26));
    }

    private static Fact fact(String attribute, String value, int scene) {
        return new Fact("Corwin", Fact.Kind.CHARACTER, attribute, value, new ScenePosition(1, scene));
    }
}
