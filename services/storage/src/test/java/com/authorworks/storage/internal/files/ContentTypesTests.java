package com.authorworks.storage.internal.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.authorworks.storage.Buckets;
import com.authorworks.storage.Fixtures;

class ContentTypesTests {

    @TempDir
    Path directory;

    private final ContentTypes types = new ContentTypes();

    private String stored(byte[] content, String name) throws IOException {
        return stored(content, name, Buckets.UPLOADS);
    }

    private String stored(byte[] content, String name, String bucket) throws IOException {
        Path file = Files.write(directory.resolve("content"), content);
        return types.allowed(types.detect(file, name), bucket).orElse("refused");
    }

    @Test
    void manuscriptsAndEbooksAreRecognisedFromTheirBytes() throws IOException {
        assertThat(stored("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.US_ASCII), "book.bin"))
                .isEqualTo("application/pdf");
        assertThat(stored(zip("mimetype", "application/epub+zip", "META-INF/container.xml", "<container/>"), "book.epub"))
                .isEqualTo("application/epub+zip");
        assertThat(stored(zip("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>"), "novel.docx"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(stored("# Title\n\nText.\n".getBytes(StandardCharsets.UTF_8), "draft.md")).isEqualTo("text/markdown");
        assertThat(stored("Plain words, été.\n".getBytes(StandardCharsets.UTF_8), "draft.txt")).isEqualTo("text/plain");
    }

    @Test
    void imagesAndAudioAreRecognisedFromTheirBytes() throws IOException {
        assertThat(stored(Fixtures.png(), "cover.jpg")).isEqualTo("image/png");
        byte[] wav = Fixtures.concat("RIFF\u0024\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1), new byte[64]);
        assertThat(stored(wav, "take.wav")).isEqualTo("audio/wav");
    }

    @Test
    void namesCannotMakeDangerousContentAcceptable() throws IOException {
        assertThat(stored(Fixtures.elf(), "cover.png")).isEqualTo("refused");
        assertThat(stored("<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                "notes.txt")).isEqualTo("refused");
        assertThat(stored("<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>".getBytes(StandardCharsets.UTF_8),
                "cover.png")).isEqualTo("refused");
        assertThat(stored(zip("payload.exe", "MZ"), "novel.docx")).isEqualTo("refused");
        assertThat(stored(zip("[Content_Types].xml", "<Types/>", "payload.exe", "MZ"), "novel.docx")).isEqualTo("refused");
        assertThat(stored(Fixtures.random(2048, 9), "song.mp3")).isEqualTo("refused");
    }

    @Test
    void renderedHtmlAndFinalDraftAreAcceptedOnlyAsExports() throws IOException {
        byte[] html = "<!DOCTYPE html><html><body><h1>Book</h1></body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] fdx = "<?xml version=\"1.0\"?><FinalDraft DocumentType=\"Script\"/>".getBytes(StandardCharsets.UTF_8);
        assertThat(stored(html, "book.html", Buckets.EXPORTS)).isEqualTo("text/html");
        assertThat(stored(fdx, "book.fdx", Buckets.EXPORTS)).isEqualTo("application/xml");
        assertThat(stored(html, "book.html", Buckets.UPLOADS)).isEqualTo("refused");
        assertThat(stored(fdx, "book.fdx", Buckets.UPLOADS)).isEqualTo("refused");
    }

    /** A zip whose first entry is stored uncompressed, as EPUB requires of its mimetype file. */
    private static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                byte[] content = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
                ZipEntry entry = new ZipEntry(namesAndContents[i]);
                if (i == 0) {
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(content.length);
                    entry.setCompressedSize(content.length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(content);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
