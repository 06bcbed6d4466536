package com.authorworks.publishing;

import com.authorworks.publishing.internal.cover.GeneratedCover;
import com.authorworks.publishing.internal.docx.DocxImporter;
import com.authorworks.publishing.internal.docx.DocxWriter;
import com.authorworks.publishing.internal.epub.EpubImporter;
import com.authorworks.publishing.internal.epub.EpubWriter;
import com.authorworks.publishing.internal.html.HtmlWriter;
import com.authorworks.publishing.internal.markdown.MarkdownImporter;
import com.authorworks.publishing.internal.markdown.MarkdownWriter;
import com.authorworks.publishing.internal.pdf.PdfWriter;
import com.authorworks.publishing.internal.script.FinalDraftWriter;
import com.authorworks.publishing.internal.script.FountainWriter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The entry point: a writer per export format, an importer per import format, and the cover a book gets. */
public final class Publishing {

    private static final Map<Format, ManuscriptWriter> WRITERS = new EnumMap<>(Format.class);
    private static final Map<Format, ManuscriptImporter> IMPORTERS = new EnumMap<>(Format.class);

    static {
        Stream.of(new MarkdownWriter(), new HtmlWriter(), new EpubWriter(), new PdfWriter(), new DocxWriter(),
                new FountainWriter(), new FinalDraftWriter()).forEach(w -> WRITERS.put(w.format(), w));
        Stream.of(new MarkdownImporter(), new DocxImporter(), new EpubImporter())
                .forEach(i -> IMPORTERS.put(i.format(), i));
    }

    private Publishing() {
    }

    /** The writer for a format; every {@link Format} has one. */
    public static ManuscriptWriter writer(Format format) {
        return WRITERS.get(format);
    }

    /** The formats a manuscript of this form can be exported to (Fountain and FDX only for scripts). */
    public static Set<Format> exportFormats(Form form) {
        return form.isScript() ? Set.copyOf(WRITERS.keySet())
                : Set.of(Format.MARKDOWN, Format.HTML, Format.EPUB, Format.PDF, Format.DOCX);
    }

    /** The formats that can be imported: Markdown, DOCX and EPUB. */
    public static Set<Format> importFormats() {
        return Set.copyOf(IMPORTERS.keySet());
    }

    /**
     * The importer for a format.
     *
     * @throws ImportException with reason UNSUPPORTED when the format cannot be imported
     */
    public static ManuscriptImporter importer(Format format) {
        ManuscriptImporter importer = IMPORTERS.get(format);
        if (importer == null) {
            throw new ImportException(ImportException.Reason.UNSUPPORTED,
                    format + " files cannot be imported; use Markdown, DOCX or EPUB.");
        }
        return importer;
    }

    /** The uploaded cover, or a generated 1600x2560 PNG with title and author (the one EPUB and PDF use). */
    public static Cover cover(Manuscript manuscript) {
        return GeneratedCover.of(manuscript);
    }
}
