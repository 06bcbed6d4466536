package com.authorworks.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authorworks.publishing.ImportException.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class HostileImportTests {

    @Test
    void somethingThatIsNotAZipIsRefusedAsMalformed() {
        for (Format format : new Format[] {Format.EPUB, Format.DOCX}) {
            assertThatThrownBy(() -> read(format, "just some text".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
                    .hasMessageContaining("not a");
        }
    }

    @Test
    void zipSlipEntryNamesAreRefused() throws IOException {
        Map<String, byte[]> entries = entries(Manuscripts.export(Manuscripts.novel(), Format.EPUB));
        entries.put("../../etc/cron.d/evil", "* * * * * root rm -rf /".getBytes(StandardCharsets.UTF_8));
        for (Format format : new Format[] {Format.EPUB, Format.DOCX}) {
            assertThatThrownBy(() -> read(format, zip(entries)))
                    .isInstanceOfSatisfying(ImportException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.UNSAFE_CONTENT))
                    .hasMessageContaining("unsafe path");
        }
    }

    @Test
    void externalEntitiesInTheEpubPackageAreRefused() throws IOException {
        Map<String, byte[]> entries = entries(Manuscripts.export(Manuscripts.novel(), Format.EPUB));
        String opf = new String(entries.get("EPUB/package.opf"), StandardCharsets.UTF_8)
                .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE package [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>")
                .replace("<dc:title>The Salt Road</dc:title>", "<dc:title>&x;</dc:title>");
        entries.put("EPUB/package.opf", opf.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> read(Format.EPUB, zip(entries)))
                .isInstanceOfSatisfying(ImportException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNSAFE_CONTENT))
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void externalEntitiesInADocxAreRefused() throws IOException {
        Map<String, byte[]> entries = entries(Manuscripts.export(Manuscripts.novel(), Format.DOCX));
        String document = new String(entries.get("word/document.xml"), StandardCharsets.UTF_8);
        int afterProlog = document.indexOf("?>") + 2;
        entries.put("word/document.xml", (document.substring(0, afterProlog)
                + "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + document.substring(afterProlog))
                .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> read(Format.DOCX, zip(entries)))
                .isInstanceOfSatisfying(ImportException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNSAFE_CONTENT))
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void aHighlyCompressedEntryIsRefusedAsAZipBomb() throws IOException {
        Map<String, byte[]> entries = entries(Manuscripts.export(Manuscripts.novel(), Format.EPUB));
        entries.put("EPUB/padding.xhtml", new byte[20 << 20]);
        byte[] bomb = zip(entries);
        assertThat(bomb.length).isLessThan(1 << 20);
        assertThatThrownBy(() -> read(Format.EPUB, bomb))
                .isInstanceOfSatisfying(ImportException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNSAFE_CONTENT))
                .hasMessageContaining("zip bomb");
    }

    @Test
    void totalInflatedSizeIsCapped() throws IOException {
        byte[] epub = Manuscripts.export(Manuscripts.novel(), Format.EPUB);
        ImportLimits tight = new ImportLimits(10 << 20, 64 << 10, 100, 100);
        assertThatThrownBy(() -> Publishing.importer(Format.EPUB).read(new ByteArrayInputStream(epub), tight))
                .isInstanceOfSatisfying(ImportException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNSAFE_CONTENT));
    }

    @Test
    void uploadsLargerThanTheLimitAreRefused() {
        ImportLimits small = new ImportLimits(1_000, 1 << 20, 100, 100);
        byte[] markdown = "word ".repeat(1_000).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Publishing.importer(Format.MARKDOWN).read(new ByteArrayInputStream(markdown), small))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    }

    @Test
    void pdfCannotBeImported() {
        assertThatThrownBy(() -> Publishing.importer(Format.PDF))
                .isInstanceOfSatisfying(ImportException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED));
    }

    private static Manuscript read(Format format, byte[] bytes) {
        return Publishing.importer(format).read(new ByteArrayInputStream(bytes));
    }

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
