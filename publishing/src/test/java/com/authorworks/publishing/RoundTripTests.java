package com.authorworks.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundTripTests {

    @Test
    void markdownExportImportsBackToTheSameManuscript() {
        Manuscript original = Manuscripts.novel();
        Manuscript imported = reimport(original, Format.MARKDOWN);
        assertThat(imported.title()).isEqualTo(original.title());
        assertThat(imported.subtitle()).isEqualTo(original.subtitle());
        assertThat(imported.author()).isEqualTo(original.author());
        assertThat(imported.rights()).isEqualTo(original.rights());
        assertThat(imported.description()).isEqualTo(original.description());
        // raw HTML in a body comes back escaped (the export makes it inert): the same text, shown the same way
        assertThat(rendered(imported.chapters())).isEqualTo(rendered(original.chapters()));
        assertThat(imported.chapters().get(1).scenes().getFirst().body()).contains("\\<script\\>");
    }

    @Test
    void markdownScreenplayKeepsItsFountainScenes() {
        Manuscript original = Manuscripts.screenplay();
        Manuscript imported = reimport(original, Format.MARKDOWN);
        assertThat(imported.form()).isEqualTo(Form.SCREENPLAY);
        assertThat(imported.chapters()).usingRecursiveComparison().isEqualTo(stripped(original.chapters()));
    }

    @Test
    void docxExportImportsBackWithTheSameChaptersAndScenes() {
        Manuscript original = Manuscripts.novel();
        Manuscript imported = reimport(original, Format.DOCX);
        assertThat(imported.title()).isEqualTo(original.title());
        assertThat(imported.subtitle()).isEqualTo(original.subtitle());
        assertThat(imported.author()).isEqualTo(original.author());
        assertThat(titles(imported)).isEqualTo(titles(original));
        assertThat(imported.chapters().get(0).scenes()).hasSize(2);
        assertThat(imported.chapters().get(0).scenes().get(0).body())
                .isEqualTo("The boats came in *late* that night, riding low with **salt**.\n\n"
                        + "Mara counted them from the tower, one by one.");
        assertThat(imported.chapters().get(0).scenes().get(1).title()).isEqualTo("Below the Tower");
        assertThat(imported.chapters().get(1).scenes().get(0).body())
                .contains("the road \\<script\\>alert('x')\\</script\\> vanished.");
        assertThat(imported.chapters().get(2).scenes()).extracting(Scene::body)
                .containsExactly("Nobody spoke until the far shore.", "Morning. Gulls. The smell of tar.");
    }

    @Test
    void epubExportImportsBackWithTheSameChaptersAndScenes() {
        Manuscript original = Manuscripts.novel();
        Manuscript imported = reimport(original, Format.EPUB);
        assertThat(imported.title()).isEqualTo(original.title());
        assertThat(imported.author()).isEqualTo(original.author());
        assertThat(imported.language()).isEqualTo("en");
        assertThat(imported.rights()).isEqualTo(original.rights());
        assertThat(titles(imported)).isEqualTo(titles(original));
        assertThat(imported.chapters().get(0).scenes().get(0).body())
                .isEqualTo("The boats came in *late* that night, riding low with **salt**.\n\n"
                        + "Mara counted them from the tower, one by one.");
        assertThat(imported.chapters().get(0).scenes().get(1).title()).isEqualTo("Below the Tower");
        assertThat(imported.chapters().get(0).scenes().get(1).body()).startsWith("> Keep the lamp lit");
        assertThat(imported.chapters().get(1).scenes().get(0).body()).contains("- rope\n\n- lantern");
        assertThat(imported.chapters().get(2).scenes()).hasSize(2);
    }

    @Test
    void importedParagraphsThatStartWithANumberStayParagraphs() {
        Manuscript original = new Manuscript("Years", null, "Ada Writer", "en", Form.NOVEL, null, null, null,
                List.of(new Chapter("One", List.of(Scene.of("1984\\. The year the lamps failed.\n\n2\\) Two ropes held.")))),
                false);
        for (Format format : List.of(Format.DOCX, Format.EPUB)) {
            Scene scene = reimport(original, format).chapters().getFirst().scenes().getFirst();
            var html = org.commonmark.renderer.html.HtmlRenderer.builder().build()
                    .render(org.commonmark.parser.Parser.builder().build().parse(scene.body()));
            assertThat(html).as(format.name()).doesNotContain("<ol").doesNotContain("\\")
                    .contains("<p>1984. The year the lamps failed.</p>").contains("<p>2) Two ropes held.</p>");
        }
    }

    @Test
    void markdownWithoutFrontMatterUsesASingleTopHeadingAsTheTitle() {
        String markdown = """
                # My Book

                ## One

                First.

                * * *

                Second.

                ## Two

                Third.

                ***

                Fourth.
                """;
        Manuscript imported = Publishing.importer(Format.MARKDOWN).read(new ByteArrayInputStream(markdown.getBytes()));
        assertThat(imported.title()).isEqualTo("My Book");
        assertThat(titles(imported)).containsExactly("One", "Two");
        assertThat(imported.chapters().get(0).scenes()).extracting(Scene::body).containsExactly("First.", "Second.");
        assertThat(imported.chapters().get(1).scenes()).extracting(Scene::body).containsExactly("Third.", "Fourth.");
    }

    @Test
    void languageTagsAreNormalisedForEpubAndHtml() {
        assertThat(withLanguage("pt_BR").language()).isEqualTo("pt-BR");
        assertThat(withLanguage(" ").language()).isEqualTo("en");
        assertThat(withLanguage("not a language!").language()).isEqualTo("en");
    }

    private static Manuscript withLanguage(String language) {
        return new Manuscript("T", null, null, language, null, null, null, null, List.of(), false);
    }

    private static Manuscript reimport(Manuscript manuscript, Format format) {
        return Publishing.importer(format).read(new ByteArrayInputStream(Manuscripts.export(manuscript, format)));
    }

    private static List<String> titles(Manuscript manuscript) {
        return manuscript.chapters().stream().map(Chapter::title).toList();
    }

    /** Chapters with each body as the text a reader sees once its Markdown is rendered. */
    private static List<Chapter> rendered(List<Chapter> chapters) {
        var parser = org.commonmark.parser.Parser.builder().build();
        var renderer = org.commonmark.renderer.html.HtmlRenderer.builder().escapeHtml(true).build();
        return chapters.stream().map(c -> new Chapter(c.title(), c.scenes().stream().map(s -> new Scene(s.title(),
                org.jsoup.Jsoup.parse(renderer.render(parser.parse(s.body()))).text())).toList())).toList();
    }

    /** Bodies are compared without the leading and trailing blank lines a text block adds. */
    private static List<Chapter> stripped(List<Chapter> chapters) {
        return chapters.stream().map(c -> new Chapter(c.title(),
                c.scenes().stream().map(s -> new Scene(s.title(), s.body().strip())).toList())).toList();
    }
}
