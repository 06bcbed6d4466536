package com.authorworks.engine.internal;

import com.authorworks.engine.ContextManifest;
import com.authorworks.engine.ContextManifest.Status;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ContextBuilderTests {

    private static final String SYSTEM = "You are writing a novel. Style guide: spare, past tense.";

    private static List<ContextBuilder.Part> parts() {
        List<String> chapters = IntStream.rangeClosed(1, 10).mapToObj(i -> "Chapter " + i + ": " + "the tide turned again and again. ".repeat(20)).toList();
        return List.of(
                new ContextBuilder.Part("scene beats", 2, 90, "This scene", List.of("Ada finds the letter. ".repeat(10)), false, true),
                new ContextBuilder.Part("story ledger", 3, 40, "Ledger", List.of("Ada: location = lighthouse", "Bram: mood = wary"), false, false),
                new ContextBuilder.Part("chapter plan", 4, 30, "Chapter plan", List.of("Chapter 11: the letter. ".repeat(8)), false, false),
                new ContextBuilder.Part("previous chapters", 8, 20, "Previous chapters", chapters, true, false),
                new ContextBuilder.Part("previous scene ending", 9, 50, "Ending", List.of("She closed the door. ".repeat(60)), false, false));
    }

    @Test
    void aPartsTokensWithinAnAllowanceAreWhatItTakesInThePrompt() {
        List<String> facts = IntStream.rangeClosed(1, 40).mapToObj(i -> "Ada: room " + i + " = the lighthouse keeper's loft, key " + i).toList();
        var ledger = new ContextBuilder.Part("story ledger", 4, 40, "Ledger", facts, false, false, 200, true, chosen -> String.join("\n", chosen));

        int alone = ContextBuilder.tokensWithin(ledger, 200);
        var built = ContextBuilder.build("draft/c002/s01", SYSTEM, List.of(ledger), List.of(), 20_000);

        assertThat(alone).isPositive().isLessThanOrEqualTo(200).isEqualTo(built.manifest().parts().get(1).tokens());
        assertThat(ContextBuilder.tokensWithin(ledger, 5)).as("nothing fits").isZero();
        assertThat(ContextBuilder.tokensWithin(ledger, 20_000)).isGreaterThan(alone);
    }

    @Test
    void everythingFitsAGenerousBudgetInReadingOrder() {
        var built = ContextBuilder.build("draft/c011/s01", SYSTEM, parts(), List.of(), 20_000);

        assertThat(built.manifest().parts()).extracting(ContextManifest.Part::status).containsOnly(Status.INCLUDED);
        assertThat(built.user().indexOf("## Previous chapters")).isLessThan(built.user().indexOf("## Chapter plan"));
        assertThat(built.user().indexOf("## Ending")).isLessThan(built.user().indexOf("## This scene"));
        assertThat(built.manifest().usedTokens()).isEqualTo(TokenCounter.count(SYSTEM) + TokenCounter.count(built.user()));
    }

    @Test
    void lowerPriorityPartsGoFirstAndTheManifestSaysWhy() {
        var built = ContextBuilder.build("draft/c011/s01", SYSTEM, parts(), List.of(), 600);
        var byName = built.manifest().parts().stream().collect(java.util.stream.Collectors.toMap(ContextManifest.Part::name, p -> p));

        assertThat(built.manifest().usedTokens()).isLessThanOrEqualTo(600);
        assertThat(byName.get("scene beats").status()).isEqualTo(Status.INCLUDED);
        assertThat(byName.get("story ledger").status()).isEqualTo(Status.INCLUDED);
        assertThat(byName.get("chapter plan").status()).isEqualTo(Status.INCLUDED);
        assertThat(byName.get("previous chapters").status()).isEqualTo(Status.TRUNCATED);
        assertThat(byName.get("previous chapters").note()).contains("oldest");
        assertThat(byName.get("previous scene ending").status()).isEqualTo(Status.OMITTED);
        assertThat(byName.get("previous scene ending").note()).startsWith("over budget");
        int kept = byName.get("previous chapters").itemsKept();
        assertThat(built.user()).contains("Chapter 10:").doesNotContain("Chapter 1: ").contains("Chapter " + (11 - kept) + ":");
    }

    @Test
    void requiredBeatsStayEvenOverBudgetAndNotVisiblePartsAreListed() {
        var notVisible = new ContextManifest.Part("chapter 10 as written", 8, 0, 0, 1, Status.NOT_VISIBLE, "drafted alongside");
        var built = ContextBuilder.build("draft/c011/s01", SYSTEM, parts(), List.of(notVisible), 40);

        assertThat(built.user()).contains("Ada finds the letter.");
        assertThat(built.manifest().parts()).filteredOn(p -> !p.name().equals("scene beats") && p.priority() > 1)
                .extracting(ContextManifest.Part::status).containsOnly(Status.OMITTED, Status.NOT_VISIBLE);
        assertThat(built.manifest().parts()).contains(notVisible);
    }
}
