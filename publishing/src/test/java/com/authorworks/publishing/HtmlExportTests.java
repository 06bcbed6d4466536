package com.authorworks.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class HtmlExportTests {

    @Test
    void scriptTagsInAuthorTextAreEscapedNotExecuted() {
        String html = new String(Manuscripts.export(Manuscripts.novel(), Format.HTML), StandardCharsets.UTF_8);
        Document document = Jsoup.parse(html);
        assertThat(document.select("script")).isEmpty();
        assertThat(html).contains("&lt;script&gt;alert('x')&lt;/script&gt;");
        assertThat(document.select("#chapter-2").text()).contains("<script>alert('x')</script>");
    }

    @Test
    void rawHtmlAttributesAndJavascriptLinksInScenesAreDropped() {
        Manuscript hostile = new Manuscript("T", null, "A", "en", Form.NOVEL, null, null, null, List.of(new Chapter(
                "One", List.of(Scene.of("""
                        <img src=x onerror="alert(1)">

                        [click](javascript:alert(2)) and [site](https://example.org)
                        """)))), false);
        Document document = Jsoup.parse(new String(Manuscripts.export(hostile, Format.HTML), StandardCharsets.UTF_8));
        assertThat(document.select("img")).isEmpty();
        assertThat(document.select("[onerror]")).isEmpty();
        assertThat(document.select("a[href^=javascript]")).isEmpty();
        assertThat(document.select("a[href=https://example.org]")).hasSize(1);
    }

    @Test
    void titleMetadataIsEscapedToo() {
        Manuscript hostile = new Manuscript("</title><script>x()</script>", null, "<b>me</b>", "en", Form.NOVEL,
                null, null, null, List.of(new Chapter("<i>c</i>", List.of(Scene.of("text")))), false);
        Document document = Jsoup.parse(new String(Manuscripts.export(hostile, Format.HTML), StandardCharsets.UTF_8));
        assertThat(document.select("script, b, i")).isEmpty();
        assertThat(document.title()).isEqualTo("</title><script>x()</script>");
    }

    @Test
    void markdownBecomesEmphasisQuotesAndLists() {
        Document document = Jsoup.parse(new String(Manuscripts.export(Manuscripts.novel(), Format.HTML),
                StandardCharsets.UTF_8));
        assertThat(document.select("#chapter-1 em").text()).isEqualTo("late");
        assertThat(document.select("#chapter-1 strong").text()).isEqualTo("salt");
        assertThat(document.select("#chapter-1 blockquote").text()).contains("Keep the lamp lit");
        assertThat(document.select("#chapter-2 li")).hasSize(2);
        assertThat(document.select("#chapter-1 .scene-break")).hasSize(1);
        assertThat(document.select("#chapter-1 .scene-title").text()).isEqualTo("Below the Tower");
    }
}
