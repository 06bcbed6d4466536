package com.authorworks.storage.internal.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipFile;

import org.apache.tika.Tika;

import com.authorworks.storage.Buckets;

/**
 * What a file really is, judged from its first bytes (Apache Tika's magic numbers), with the
 * name only allowed to refine that judgement, never to replace it (text named {@code .md} is
 * Markdown; a PNG named {@code .txt} stays a PNG; unknown bytes named {@code .mp3} stay unknown;
 * a zip named {@code .docx} must hold a Word document). The client's
 * declared content type is never consulted. Only the types below are accepted: what authors put
 * into books (images, audio, manuscripts, ebooks); no executables, archives, HTML or SVG, which
 * could carry code.
 */
final class ContentTypes {

    /** Tika's name for a type, mapped to the name we store and serve. */
    private static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("image/png", "image/png"),
            Map.entry("image/jpeg", "image/jpeg"),
            Map.entry("image/gif", "image/gif"),
            Map.entry("image/webp", "image/webp"),
            Map.entry("application/pdf", "application/pdf"),
            Map.entry("application/epub+zip", "application/epub+zip"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("text/plain", "text/plain"),
            Map.entry("text/x-web-markdown", "text/markdown"),
            Map.entry("text/markdown", "text/markdown"),
            Map.entry("audio/mpeg", "audio/mpeg"),
            Map.entry("audio/vnd.wave", "audio/wav"),
            Map.entry("audio/wav", "audio/wav"),
            Map.entry("audio/x-wav", "audio/wav"),
            Map.entry("audio/ogg", "audio/ogg"),
            Map.entry("audio/vorbis", "audio/ogg"),
            Map.entry("audio/opus", "audio/ogg"));

    /**
     * Documents the platform itself renders (HTML and Final Draft exports, media's M4B audiobooks): accepted only
     * into the exports bucket, which no upload reaches, and served like every file as a nosniff attachment.
     */
    private static final Map<String, String> EXPORTS_ALSO = Map.of(
            "audio/mp4", "audio/mp4",
            "audio/x-m4b", "audio/mp4",
            "audio/x-m4a", "audio/mp4",
            "text/html", "text/html",
            "application/xhtml+xml", "text/html",
            "application/xml", "application/xml",
            "text/xml", "application/xml");

    private static final String UNKNOWN = "application/octet-stream";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final Tika tika = new Tika();

    /** The detected type as Tika names it. */
    String detect(Path content, String name) throws IOException {
        if (UNKNOWN.equals(sniff(content, null))) {
            // Tika would fall back to the name alone: random bytes named .mp3 must not pass as audio.
            return UNKNOWN;
        }
        String detected = sniff(content, name);
        // Any zip named .docx would pass as DOCX on the name alone: look inside for a Word document.
        if (DOCX.equals(detected) && !isWordDocument(content)) {
            return "application/zip";
        }
        return detected;
    }

    /** Tika's judgement from the first bytes, refined by the name when one is given. */
    private String sniff(Path content, String name) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(content))) {
            return name == null ? tika.detect(in) : tika.detect(in, name);
        }
    }

    private static boolean isWordDocument(Path content) {
        try (ZipFile zip = new ZipFile(content.toFile())) {
            return zip.getEntry("[Content_Types].xml") != null && zip.getEntry("word/document.xml") != null;
        } catch (IOException notAZip) {
            return false;
        }
    }

    /** The type to store for a detected type in a bucket, or empty when such files are not accepted there. */
    Optional<String> allowed(String detected, String bucket) {
        String type = ALLOWED.get(detected);
        if (type == null && Buckets.EXPORTS.equals(bucket)) {
            type = EXPORTS_ALSO.get(detected);
        }
        return Optional.ofNullable(type);
    }
}
