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
        refusedAsZipBomb(() -> read(Format.EPUB, bomb));
    }

    @Test
    void totalInflatedSizeIsCapped() throws IOException {
        byte[] epub = Manuscripts.export(Manuscripts.novel(), Format.EPUB);
        ImportLimits tight = new ImportLimits(10 << 20, 64 << 10, 100, 100, 8 << 20, 32 << 20);
        assertThatThrownBy(() -> Publishing.importer(Format.EPUB).read(new ByteArrayInputStream(epub), tight))
                .isInstanceOfSatisfying(ImportException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNSAFE_CONTENT));
    }

    @Test
    void aChapterThatInflatesTo400MegabytesIsRefusedAfterReadingLittleOfIt() throws IOException {
        Map<String, byte[]> entries = entries(Manuscripts.export(Manuscripts.novel(), Format.EPUB));
        byte[] bomb = zipStreaming(entries, "EPUB/chapter-bomb.xhtml", 400L << 20);
        assertThat(bomb.length).isBetween(100 << 10, 1 << 20);
        CountingInput upload = new CountingInput(bomb);
        assertThatThrownBy(() -> Publishing.importer(Format.EPUB).read(upload, ImportLimits.defaults()))
                .isInstanceOfSatisfying(ImportException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNSAFE_CONTENT))
                .hasMessageContaining("chapter-bomb.xhtml").hasMessageContaining("zip bomb");
        // refused while inflating its first megabytes, not after: the rest of the upload is never read
        assertThat(upload.read).isLessThan(bomb.length / 4);
    }

    @Test
    void aWordDocumentThatInflatesTo400MegabytesIsRefused() throws IOException {
        Map<String, byte[]> entries = entries(Manuscripts.export(Manuscripts.novel(), Format.DOCX));
        byte[] bomb = zipStreaming(entries, "word/document2.xml", 400L << 20);
        refusedAsZipBomb(() -> read(Format.DOCX, bomb));
    }

    @Test
    void nestedArchivesAreCountedButNeverOpened() throws IOException {
        // a zip of zips of zeros, 42.zip style: each layer compresses the one below
        byte[] inner = zipStreaming(Map.of(), "zeros.bin", 900 << 10);
        Map<String, byte[]> layer = new LinkedHashMap<>();
        for (int i = 0; i < 16; i++) {
            layer.put("layer-" + i + ".zip", inner);
        }
        byte[] nested = zip(layer);
        Map<String, byte[]> entries = entries(Manuscripts.export(Manuscripts.novel(), Format.EPUB));
        entries.put("EPUB/media/archive.zip", nested);
        entries.put("EPUB/chapter-archive.xhtml", nested);
        Manuscript manuscript = read(Format.EPUB, zip(entries));
        assertThat(manuscript.title()).isEqualTo("The Salt Road");
        assertThat(manuscript.chapters()).isNotEmpty();
    }

    @Test
    void manySmallHighlyCompressedEntriesAreRefusedTogether() throws IOException {
        // each entry stays under the size at which its own ratio is judged; the archive's ratio gives it away
        Map<String, byte[]> entries = entries(Manuscripts.export(Manuscripts.novel(), Format.EPUB));
        byte[] blank = new byte[100 << 10];
        for (int i = 0; i < 3_000; i++) {
            entries.put("EPUB/images/blank-" + i + ".png", blank);
        }
        byte[] archive = zip(entries);
        CountingInput upload = new CountingInput(archive);
        refusedAsZipBomb(() -> Publishing.importer(Format.EPUB).read(upload, ImportLimits.defaults()));
        assertThat(upload.read).isLessThan(archive.length / 2);
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        Map<String, byte[]> entries = entries(Manuscripts.export(Manuscripts.novel(), Format.EPUB));
        for (int i = 0; i < 5_000; i++) {
            entries.put("EPUB/notes/n" + i + ".txt", new byte[] {'x'});
        }
        assertThatThrownBy(() -> read(Format.EPUB, zip(entries)))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
                .hasMessageContaining("too many files");
    }

    @Test
    void aChapterLargerThanThePartLimitIsRefusedAsTooLarge() throws IOException {
        Map<String, byte[]> entries = entries(Manuscripts.export(Manuscripts.novel(), Format.EPUB));
        byte[] text = new byte[3 << 20];
        new java.util.Random(7).nextBytes(text);
        entries.put("EPUB/huge.xhtml", text);
        ImportLimits limits = new ImportLimits(50 << 20, 200 << 20, 5_000, 100, 2 << 20, 32 << 20);
        assertThatThrownBy(() -> Publishing.importer(Format.EPUB).read(new ByteArrayInputStream(zip(entries)), limits))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
                .hasMessageContaining("huge.xhtml");
    }

    @Test
    void uploadsLargerThanTheLimitAreRefused() {
        ImportLimits small = new ImportLimits(1_000, 1 << 20, 100, 100, 8 << 20, 32 << 20);
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

    private static Map<String, byte[]> entries(byte[] zip) {
        return Manuscripts.unzip(zip);
    }

    private static void refusedAsZipBomb(org.assertj.core.api.ThrowableAssert.ThrowingCallable importing) {
        assertThatThrownBy(importing)
                .isInstanceOfSatisfying(ImportException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNSAFE_CONTENT))
                .hasMessageContaining("zip bomb");
    }

    /**
     * The entries and then (when named) one entry of {@code size} zero bytes, deflated as they stream: never held
     * inflated.
     */
    private static byte[] zipStreaming(Map<String, byte[]> entries, String name, long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
            if (name != null) {
                zip.putNextEntry(new ZipEntry(name));
                byte[] zeros = new byte[1 << 20];
                for (long written = 0; written < size; written += zeros.length) {
                    zip.write(zeros, 0, (int) Math.min(zeros.length, size - written));
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** An upload that remembers how much of it was read. */
    private static final class CountingInput extends ByteArrayInputStream {
        long read;

        CountingInput(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read() {
            int b = super.read();
            read += b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            read += Math.max(n, 0);
            return n;
        }
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        return zipStreaming(entries, null, 0);
    }
}
