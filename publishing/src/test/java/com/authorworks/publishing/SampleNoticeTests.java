package com.authorworks.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class SampleNoticeTests {

    private static final String NOTICE = "produced by the AuthorWorks offline sample writer";

    @Test
    void textFormatsShowTheNotice() {
        assertThat(text(Manuscripts.sample(Manuscripts.novel()), Format.MARKDOWN)).contains(NOTICE);
        assertThat(text(Manuscripts.sample(Manuscripts.novel()), Format.HTML)).contains(NOTICE);
        assertThat(text(Manuscripts.sample(Manuscripts.screenplay()), Format.FOUNTAIN)).contains("> Sample text");
        assertThat(text(Manuscripts.sample(Manuscripts.screenplay()), Format.FDX)).contains(NOTICE);
    }

    @Test
    void noticeIsAbsentForAuthorsText() {
        for (Format format : new Format[] {Format.MARKDOWN, Format.HTML}) {
            assertThat(text(Manuscripts.novel(), format)).doesNotContain(NOTICE);
        }
    }

    @Test
    void epubTitlePageShowsTheNotice() throws IOException {
        byte[] epub = Manuscripts.export(Manuscripts.sample(Manuscripts.novel()), Format.EPUB);
        assertThat(new String(EpubExportTests.entry(epub, "EPUB/title.xhtml"), StandardCharsets.UTF_8))
                .contains(NOTICE);
    }

    @Test
    void pdfTitlePageShowsTheNotice() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(Manuscripts.export(Manuscripts.sample(Manuscripts.novel()), Format.PDF))) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ")).contains(NOTICE);
        }
    }

    @Test
    void docxShowsTheNoticeAndImportsRememberIt() {
        for (Format format : new Format[] {Format.DOCX, Format.EPUB, Format.MARKDOWN}) {
            byte[] exported = Manuscripts.export(Manuscripts.sample(Manuscripts.novel()), format);
            Manuscript imported = Publishing.importer(format).read(new ByteArrayInputStream(exported));
            assertThat(imported.sampleText()).as(format.name()).isTrue();
            assertThat(imported.chapters().getFirst().scenes().getFirst().body()).doesNotContain(NOTICE);
        }
    }

    private static String text(Manuscript manuscript, Format format) {
        return new String(Manuscripts.export(manuscript, format), StandardCharsets.UTF_8);
    }
}
