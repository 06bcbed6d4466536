package com.authorworks.editor.internal.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PlateTextTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static JsonNode plate(String html) {
        return JSON.valueToTree(PlateText.fromHtml(html));
    }

    @Test
    void contentsProseComesBackAsTheSameHtml() {
        String html = "<h2>One</h2><p>The <strong>salt</strong> road, <em>at night</em>, with <code>code</code>.</p>"
                + "<blockquote>Said.</blockquote><ul><li>a</li><li>b</li></ul><ol><li>c</li></ol><hr><pre>x &lt; y</pre>"
                + "<p>See <a href=\"https://example.org/a?b=1&amp;c=2\">this</a>.</p>";
        assertThat(PlateText.toHtml(plate(html))).isEqualTo(html);
    }

    @Test
    void plateValueHasPlatesShapes() {
        JsonNode value = plate("<p>Hi <strong>there</strong></p>");
        assertThat(value.toString()).isEqualTo("[{\"type\":\"p\",\"children\":[{\"text\":\"Hi \"},{\"bold\":true,\"text\":\"there\"}]}]");
        assertThat(plate("").toString()).isEqualTo("[{\"type\":\"p\",\"children\":[{\"text\":\"\"}]}]");
        assertThat(plate("loose <em>text</em>").get(0).path("type").asString()).isEqualTo("p");
    }

    @Test
    void linksToScriptsAndMarkupInTextAreNeverPassedOn() {
        JsonNode value = JSON.valueToTree(List.of(Map.of("type", "p", "children", List.of(
                Map.of("type", "a", "url", "javascript:alert(1)", "children", List.of(Map.of("text", "click"))),
                Map.of("text", " <img src=x onerror=alert(2)> *not bold*")))));
        assertThat(PlateText.toHtml(value)).isEqualTo("<p>click &lt;img src=x onerror=alert(2)&gt; *not bold*</p>");
        assertThat(PlateText.toMarkdown(value)).isEqualTo("click &lt;img src=x onerror=alert(2)&gt; \\*not bold\\*\n");
    }

    @Test
    void markdownOfHeadingsListsQuotesAndMarks() {
        JsonNode value = plate("<h2>One</h2><p><strong>Bold</strong> and <em>it</em></p><ul><li>a</li></ul><ol><li>b</li><li>c</li></ol><blockquote>q</blockquote>");
        assertThat(PlateText.toMarkdown(value)).isEqualTo("## One\n\n**Bold** and *it*\n\n- a\n\n1. b\n2. c\n\n> q\n");
    }
}
