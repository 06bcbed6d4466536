package com.authorworks.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.authorworks.content.internal.RichText;

class RichTextTests {

    @Test
    void keepsTheEditorsFormattingAndDropsEverythingActive() {
        String clean = RichText.sanitise("<h2 style=\"color:red\">Title</h2><p>It <em>was</em> <u>dark</u>.</p>"
                + "<iframe src=\"https://evil\"></iframe><ul><li>one</li></ul><a href=\"http://x.example\" onmouseover=\"y()\">x</a>");
        assertThat(clean).isEqualTo("<h2>Title</h2><p>It <em>was</em> dark.</p><ul><li>one</li></ul>"
                + "<a href=\"http://x.example\" rel=\"nofollow\">x</a>");
    }

    @Test
    void countsWordsAsAReaderSeesThem() {
        assertThat(RichText.wordCount("<p>Don't stop&nbsp;—&nbsp;the well-known <strong>rain</strong>, 42 times.</p>")).isEqualTo(7);
        assertThat(RichText.wordCount("")).isZero();
    }

    @Test
    void splitsBlocksIntoLinesForDiffs() {
        assertThat(RichText.lines("<h2>One</h2><p>First.</p><blockquote><p>Quoted.</p></blockquote><hr><ul><li>a</li></ul>"))
                .containsExactly("One", "First.", "Quoted.", "---", "a");
    }

    @Test
    void turnsPlainTextIntoEscapedParagraphs() {
        assertThat(RichText.fromPlainText("A <b> & B\nline two\n\nNext")).isEqualTo("<p>A &lt;b&gt; &amp; B<br />line two</p><p>Next</p>");
    }
}
