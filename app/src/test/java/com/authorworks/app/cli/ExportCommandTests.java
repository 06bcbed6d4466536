package com.authorworks.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;

import picocli.CommandLine;

/** A book written by the sample writer, exported in each format from its directory. */
class ExportCommandTests {

    @TempDir
    static Path dir;

    static Path novel;
    static Path screenplay;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void writeBooks() {
        novel = dir.resolve("novel");
        screenplay = dir.resolve("screenplay");
        assertThat(quietly("generate", "--title", "Salt and Signal", "--chapters", "3", "--words", "4000",
                "--out", novel.toString())).isZero();
        assertThat(quietly("generate", "--title", "Night Ferry", "--format", "screenplay", "--chapters", "2",
                "--words", "3000", "--out", screenplay.toString())).isZero();
    }

    private static int quietly(String... args) {
        CommandLine line = AuthorWorksCommand.commandLine();
        line.setOut(new PrintWriter(new StringWriter(), true));
        line.setErr(new PrintWriter(new StringWriter(), true));
        return line.execute(args);
    }

    private int run(String... args) {
        CommandLine line = AuthorWorksCommand.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void epubExportPassesEpubcheck() throws Exception {
        assertThat(run("export", novel.toString(), "--format", "epub")).as(err.toString()).isZero();

        Path epub = novel.resolve("book.epub");
        DefaultReportImpl report = new DefaultReportImpl(epub.toString());
        new EpubCheck(epub.toFile(), report).doValidate();
        assertThat(report.getFatalErrorCount() + report.getErrorCount()).isZero();
        assertThat(out.toString()).contains("Wrote " + epub);
    }

    @Test
    void pdfExportHasTheTrimSizeAndTheSampleNotice() throws Exception {
        Path pdf = dir.resolve("novel-a5.pdf");
        assertThat(run("export", novel.toString(), "--format", "pdf", "--trim", "A5", "--author", "Ada Quill",
                "--output", pdf.toString())).as(err.toString()).isZero();

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(419.5f, org.assertj.core.data.Offset.offset(1f));
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Salt and Signal").contains("Ada Quill").containsIgnoringCase("sample");
        }
    }

    @Test
    void docxExportIsAWordDocument() throws Exception {
        assertThat(run("export", novel.toString(), "--format", "docx")).as(err.toString()).isZero();
        byte[] docx = Files.readAllBytes(novel.resolve("book.docx"));
        assertThat(new String(docx, 0, 2)).isEqualTo("PK");
    }

    @Test
    void screenplayExportsAsFinalDraft() throws Exception {
        assertThat(run("export", screenplay.toString(), "--format", "fdx")).as(err.toString()).isZero();
        String fdx = Files.readString(screenplay.resolve("book.fdx"));
        assertThat(fdx).contains("<FinalDraft").contains("Type=\"Scene Heading\"");
    }

    @Test
    void proseCannotBeExportedAsAScript() {
        assertThat(run("export", novel.toString(), "--format", "fdx")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Error: ").doesNotContain("Exception");
    }

    @Test
    void unknownTrimSizeIsRefusedWithAMessage() {
        assertThat(run("export", novel.toString(), "--format", "pdf", "--trim", "napkin")).isEqualTo(2);
        assertThat(err.toString()).contains("napkin");
    }
}
