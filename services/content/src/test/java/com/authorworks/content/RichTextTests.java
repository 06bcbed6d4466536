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
    void storedTextIsCleanedByTheAllowListEveryExportUses() {
        for (String html : new String[] {"<p>a <code>b</code></p><pre>c</pre><h5>d</h5>",
                "<ol start=\"3\" onclick=\"x()\"><li>three</li></ol><a href=\"mailto:a@example.org\">mail</a>",
                "<img src=x onerror=alert(1)><a href=\"javascript:alert(2)\">j</a><svg><script>alert(3)</script></svg>"}) {
            assertThat(RichText.sanitise(html)).isEqualTo(com.authorworks.publishing.ProsePolicy.sanitise(html))
                    .doesNotContain("onerror", "onclick", "javascript", "<script", "<img", "<svg");
        }
        assertThat(RichText.sanitise("<ol start=\"3\"><li>x</li></ol><pre>c</pre>")).isEqualTo("<ol start=\"3\"><li>x</li></ol><pre>c</pre>");
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
