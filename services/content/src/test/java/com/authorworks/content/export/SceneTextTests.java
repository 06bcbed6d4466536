package com.authorworks.content.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.authorworks.content.internal.RichText;

class SceneTextTests {

    @Test
    void paragraphsEmphasisAndBreaksBecomeMarkdown() {
        String html = RichText.sanitise("<p>She <em>ran</em>, <strong>fast</strong>.</p><p>Line one<br>line two</p>");
        assertThat(SceneText.markdown(html)).isEqualTo("She *ran*, **fast**.\n\nLine one\\\nline two");
    }

    @Test
    void headingsQuotesListsRulesAndLinksBecomeMarkdown() {
        String html = RichText.sanitise("<h2>Part</h2><h3>Sub</h3><blockquote><p>Quoted</p><p>Again</p></blockquote>"
                + "<ul><li>one</li><li>two</li></ul><ol><li>first</li></ol><hr><p><a href=\"https://example.com/a b\">site</a></p>");
        assertThat(SceneText.markdown(html)).isEqualTo("""
                ## Part

                ### Sub

                > Quoted
                >
                > Again

                - one
                - two

                1. first

                * * *

                [site](<https://example.com/a%20b>)""");
    }

    @Test
    void textThatLooksLikeMarkdownStaysText() {
        String html = RichText.sanitise("<p>1. not a list *nor* _emphasis_ [link](x) # tag</p><p>- dash</p>");
        String markdown = SceneText.markdown(html);
        assertThat(SceneText.html(markdown)).isEqualTo("<p>1. not a list *nor* _emphasis_ [link](x) # tag</p>\n<p>- dash</p>");
    }

    @Test
    void emphasisKeepsSpacesOutsideItsMarkers() {
        assertThat(SceneText.markdown("<p>a<em> word </em>b</p>")).isEqualTo("a *word* b");
    }

    @Test
    void markdownRoundTripsThroughTheSanitiser() {
        String html = RichText.sanitise("<p>She <em>ran</em>.</p><blockquote><p>Quote</p></blockquote><ul><li>item</li></ul>");
        assertThat(RichText.sanitise(SceneText.html(SceneText.markdown(html))).replace("\n", "")).isEqualTo(html);
    }

    @Test
    void importedRawHtmlIsShownAsTextAndUnsafeLinksAreDropped() {
        String html = RichText.sanitise(SceneText.html("<script>alert(1)</script>\n\nSee [x](javascript:alert) and [y](https://example.com)."));
        assertThat(html).doesNotContain("<script").doesNotContain("href=\"javascript");
        assertThat(html).contains("&lt;script&gt;").contains("href=\"https://example.com\"");
    }

    @Test
    void scriptScenesBecomePlainLines() {
        String html = RichText.fromPlainText("INT. KITCHEN - NIGHT\n\nMARY\nHello <there>.\n\nCUT TO:");
        assertThat(SceneText.plain(html)).isEqualTo("INT. KITCHEN - NIGHT\n\nMARY\nHello <there>.\n\nCUT TO:");
    }
}
