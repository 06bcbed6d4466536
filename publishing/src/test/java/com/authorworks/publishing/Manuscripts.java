package com.authorworks.publishing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Manuscripts the tests export, and a helper to export them in memory. */
final class Manuscripts {

    private Manuscripts() {
    }

    static Manuscript novel() {
        return new Manuscript("The Salt Road", "A Novel of the Coast", "Ada Writer", "en", Form.NOVEL,
                "© 2026 Ada Writer. All rights reserved.", "A smuggler and a lighthouse keeper.", null, List.of(
                        new Chapter("The Harbour", List.of(
                                new Scene(null, """
                                        The boats came in *late* that night, riding low with **salt**.

                                        Mara counted them from the tower, one by one.
                                        """),
                                new Scene("Below the Tower", """
                                        > Keep the lamp lit, her mother had said.

                                        She did. She always did.
                                        """))),
                        new Chapter("Fog", List.of(Scene.of("""
                                The fog rolled over the cliffs & the road <script>alert('x')</script> vanished.

                                - rope
                                - lantern
                                """))),
                        new Chapter("The Crossing", List.of(Scene.of("Nobody spoke until the far shore."),
                                Scene.of("Morning. Gulls. The smell of tar.")))),
                false);
    }

    static Manuscript screenplay() {
        return new Manuscript("Night Shift", null, "Sam Script", "en", Form.SCREENPLAY, null, null, null, List.of(
                new Chapter("Act One", List.of(Scene.of("""
                        INT. DINER - NIGHT

                        Rain against the glass. MARA (30s) wipes the counter.

                        MARA
                        (without looking up)
                        We're closed.

                        JOE (O.S.)
                        Not for me you're not.

                        CUT TO:

                        EXT. PARKING LOT - CONTINUOUS

                        A truck idles, lights off.
                        """)))),
                false);
    }

    static Manuscript sample(Manuscript manuscript) {
        return new Manuscript(manuscript.title(), manuscript.subtitle(), manuscript.author(), manuscript.language(),
                manuscript.form(), manuscript.rights(), manuscript.description(), manuscript.cover(),
                manuscript.chapters(), true);
    }

    static byte[] export(Manuscript manuscript, Format format) {
        return export(manuscript, format, ExportOptions.defaults());
    }

    static byte[] export(Manuscript manuscript, Format format, ExportOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Publishing.writer(format).write(manuscript, options, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The entries of a zip (an EPUB, a DOCX) by name, in archive order. */
    static java.util.Map<String, byte[]> unzip(byte[] zip) {
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
