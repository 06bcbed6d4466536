package com.authorworks.content.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.authorworks.platform.Problem;

class TextSearchTests {

    static TextSearch literal(String find) {
        return new TextSearch(new TextSearch.Options(find, false, false, false));
    }

    @Test
    void findsInTheTextNeverInTheMarkupAndShowsEachMatchInContext() {
        String html = "<p>Mara climbed <em>the</em> stairs.</p><p class=\"mara\">MARA waited; Marabel did not.</p>";

        TextSearch.Found found = literal("mara").find(html, 2);

        assertThat(found.count()).as("the class attribute is markup").isEqualTo(3);
        assertThat(found.samples()).containsExactly(new TextSearch.Sample("", "Mara", " climbed "),
                new TextSearch.Sample("", "MARA", " waited; Marabel did not."));
        assertThat(new TextSearch(new TextSearch.Options("Mara", true, true, false)).find(html, 5).count())
                .as("match case and whole word").isEqualTo(1);
    }

    @Test
    void replacesLiterallyOrWithGroupsKeepingTheFormattingAroundIt() {
        String html = "<p>Mara climbed <em>Mara's</em> stairs for $5.</p>";

        TextSearch.Replaced plain = literal("Mara").replace(html, "Nell $1");
        assertThat(plain.count()).isEqualTo(2);
        assertThat(plain.html()).isEqualTo("<p>Nell $1 climbed <em>Nell $1's</em> stairs for $5.</p>");

        TextSearch.Replaced grouped = new TextSearch(new TextSearch.Options("(\\w+) stairs", true, false, true))
                .replace("<p>The old stairs creaked.</p>", "stairs, $1,");
        assertThat(grouped.html()).isEqualTo("<p>The stairs, old, creaked.</p>");
        assertThat(literal("<em>").replace(html, "x").count()).as("tags are not text").isZero();
        assertThat(literal("a < b").replace("<p>if a &lt; b</p>", "a ≤ b").html()).isEqualTo("<p>if a ≤ b</p>");
    }

    @Test
    void badPatternsAndReplacementsAreTheAuthorsToFixNotTheServers() {
        assertThatThrownBy(() -> new TextSearch(new TextSearch.Options("(unclosed", false, false, true)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("invalid-pattern"));
        assertThatThrownBy(() -> new TextSearch(new TextSearch.Options("x*", false, false, true)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.getMessage()).contains("empty text"));
        assertThatThrownBy(() -> new TextSearch(new TextSearch.Options("(\\w+)", false, false, true)).replace("<p>word</p>", "$2"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("invalid-replacement"));
        assertThatThrownBy(() -> literal(""))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("invalid-find"));
    }

    @Test
    void aPatternThatBacktracksWithoutEndIsStoppedByTheBudget() {
        String html = "<p>" + "a".repeat(40) + "!</p>";

        assertThatThrownBy(() -> new TextSearch(new TextSearch.Options("(.*a){12}$", false, false, true)).find(html, 1))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("pattern-too-slow"));
    }
}
