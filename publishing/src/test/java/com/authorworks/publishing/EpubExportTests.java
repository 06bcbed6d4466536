package com.authorworks.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpubExportTests {

    @TempDir
    Path dir;

    @Test
    void novelPassesEpubcheckWithoutErrorsOrWarnings() throws IOException {
        assertValid(Manuscripts.export(Manuscripts.novel(), Format.EPUB));
    }

    @Test
    void sampleScreenplayPassesEpubcheck() throws IOException {
        assertValid(Manuscripts.export(Manuscripts.sample(Manuscripts.screenplay()), Format.EPUB));
    }

    @Test
    void uploadedJpegCoverIsUsedAndStillValid() throws IOException {
        byte[] jpeg = jpeg();
        Manuscript withCover = Manuscripts.novel().withCover(new Cover(jpeg, "image/jpeg"));
        byte[] epub = Manuscripts.export(withCover, Format.EPUB);
        assertValid(epub);
        assertThat(entry(epub, "EPUB/images/cover.jpg")).isEqualTo(jpeg);
    }

    @Test
    void packageHasIdentifierModifiedTimeAndOneFilePerChapter() throws IOException {
        ExportOptions options = new ExportOptions(null, "urn:uuid:7d3c2f1e-0000-4000-8000-000000000001",
                java.time.Instant.parse("2026-11-22T05:00:00Z"));
        byte[] epub = Manuscripts.export(Manuscripts.novel(), Format.EPUB, options);
        String opf = new String(entry(epub, "EPUB/package.opf"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(opf).contains("urn:uuid:7d3c2f1e-0000-4000-8000-000000000001")
                .contains("<meta property=\"dcterms:modified\">2026-11-22T05:00:00Z</meta>")
                .contains("properties=\"cover-image\"").contains("properties=\"nav\"");
        assertThat(entry(epub, "EPUB/chapter-1.xhtml")).isNotNull();
        assertThat(entry(epub, "EPUB/chapter-3.xhtml")).isNotNull();
        assertThat(entry(epub, "EPUB/chapter-4.xhtml")).isNull();
    }

    private void assertValid(byte[] epub) throws IOException {
        Path file = dir.resolve("book-" + System.nanoTime() + ".epub");
        Files.write(file, epub);
        DefaultReportImpl report = new DefaultReportImpl(file.toString());
        new EpubCheck(file.toFile(), report).doValidate();
        assertThat(report.getFatalErrorCount()).as("fatal errors").isZero();
        assertThat(report.getErrorCount()).as("errors").isZero();
        assertThat(report.getWarningCount()).as("warnings").isZero();
    }

    static byte[] entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        return null;
    }

    private static byte[] jpeg() throws IOException {
        var image = new java.awt.image.BufferedImage(400, 640, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
