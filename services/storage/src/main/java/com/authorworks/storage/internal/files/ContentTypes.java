package com.authorworks.storage.internal.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.apache.tika.Tika;

/**
 * What a file really is, judged from its first bytes (Apache Tika's magic numbers), with the
 * name only allowed to refine that judgement (a zip named {@code .docx} whose first entry is
 * {@code [Content_Types].xml} is a DOCX; a PNG named {@code .txt} stays a PNG). The client's
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

    private final Tika tika = new Tika();

    /** The detected type as Tika names it. */
    String detect(Path content, String name) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(content))) {
            return tika.detect(in, name);
        }
    }

    /** The type to store for a detected type, or empty when such files are not accepted. */
    Optional<String> allowed(String detected) {
        return Optional.ofNullable(ALLOWED.get(detected));
    }
}
