package com.authorworks.publishing.internal.pdf;

import com.authorworks.publishing.Cover;
import com.authorworks.publishing.ExportOptions;
import com.authorworks.publishing.Format;
import com.authorworks.publishing.Manuscript;
import com.authorworks.publishing.ManuscriptWriter;
import com.authorworks.publishing.TrimSize;
import com.authorworks.publishing.internal.cover.GeneratedCover;
import com.authorworks.publishing.internal.render.BookHtml;
import com.authorworks.publishing.internal.render.Fonts;
import com.authorworks.publishing.internal.render.Hyphenation;
import com.authorworks.publishing.internal.render.Resources;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Base64;
import java.util.Locale;
import java.util.logging.Level;
import javax.imageio.ImageIO;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;

/**
 * A print-ready interior: the trim size as page size, mirrored margins (wider on the binding side), every font
 * embedded, cover, title and copyright pages without folios, a table of contents with page numbers, page
 * numbers in the footer and every chapter starting on a right-hand page. Prose is justified and hyphenated (TeX
 * patterns, {@link Hyphenation}) so word spacing stays even, chapters are numbered, scene titles are left out
 * unless the export asks for them, and no paragraph leaves a single line at a page's foot or head.
 */
public final class PdfWriter implements ManuscriptWriter {

    static {
        // openhtmltopdf reports timings and font loading at INFO on every export; only problems are worth logging
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    @Override
    public Format format() {
        return Format.PDF;
    }

    @Override
    public void write(Manuscript manuscript, ExportOptions options, OutputStream out) throws IOException {
        TrimSize trim = options.trimSize();
        Cover cover = GeneratedCover.of(manuscript);
        String coverSource = "data:" + cover.mediaType() + ";base64," + Base64.getEncoder().encodeToString(cover.image());
        String css = Resources.bookCss() + pageCss(trim, cover, manuscript.form().isScript());
        Document document = BookHtml.book(manuscript, coverSource, css,
                new BookHtml.Typesetting(true, options.sceneTitles()));
        document.select("[epub:type]").removeAttr("epub:type");
        if (!manuscript.form().isScript() && manuscript.language().toLowerCase(Locale.ROOT).startsWith("en")) {
            document.select(".prose p, .prose li, .prose blockquote").forEach(Hyphenation.english()::text);
        }

        PdfRendererBuilder builder = new PdfRendererBuilder();
        for (Fonts.Face face : Fonts.FACES) {
            builder.useFont(() -> Resources.open(face.resource()), face.family(), face.weight(),
                    face.italic() ? FontStyle.ITALIC : FontStyle.NORMAL, true);
        }
        builder.withW3cDocument(new W3CDom().fromJsoup(document), "/");
        builder.toStream(out);
        builder.run();
    }

    private static String pageCss(TrimSize trim, Cover cover, boolean script) throws IOException {
        float width = trim.widthInches();
        float height = trim.heightInches();
        // binding side (inner) wider than the outer edge; proportional to the page so small trims stay readable
        float inner = Math.max(0.6f, width * 0.14f);
        float outer = Math.max(0.45f, width * 0.09f);
        float top = Math.max(0.6f, height * 0.08f);
        float bottom = Math.max(0.7f, height * 0.09f);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(cover.image()));
        float scale = image == null ? 1 : Math.min(width / image.getWidth(), height / image.getHeight());
        float coverWidth = image == null ? width : image.getWidth() * scale;
        float coverHeight = image == null ? height : image.getHeight() * scale;
        String body = script ? Fonts.MONO : Fonts.SERIF;
        return String.format(Locale.ROOT, """
                @page { size: %1$.3fin %2$.3fin; margin: %3$.3fin %4$.3fin %5$.3fin %6$.3fin;
                  @bottom-center { content: counter(page); font-family: "%7$s"; font-size: 9pt; } }
                @page :left { margin-left: %4$.3fin; margin-right: %6$.3fin; }
                @page :right { margin-left: %6$.3fin; margin-right: %4$.3fin; }
                @page front { @bottom-center { content: none; } }
                @page cover { margin: 0; @bottom-center { content: none; } }
                @page cover:left { margin: 0; }
                @page cover:right { margin: 0; }
                * { font-family: "%7$s"; }
                .script, .script * { font-family: "%8$s"; }
                body { max-width: none; margin: 0; padding: 0; font-size: %9$s; line-height: 1.4; }
                .cover { page: cover; text-align: center; }
                .cover-verso { display: block; page: cover; page-break-before: always; }
                .cover img { display: block; width: %10$.3fin; height: %11$.3fin; max-width: none; margin: %12$.3fin 0 0 %13$.3fin; }
                .sample-notice { border: 1pt solid #a33; margin: 1.5em 3pt 3pt; padding: 0.5em; }
                .title-page { page: front; page-break-before: right; margin: 1.5in 0 0; }
                .copyright-page { page: front; page-break-before: always; margin: 0; padding-top: 40%%; }
                .toc { page: front; page-break-before: right; }
                .toc ol { margin: 0; }
                .toc li { margin: 0.3em 0; }
                .toc a { color: black; text-decoration: none; }
                .toc a::after { content: leader('.') target-counter(attr(href), page); }
                .chapter { page-break-before: right; }
                .chapter-title { margin: 1in 0 0.5in; }
                .chapter-number { display: block; font-size: 0.6em; font-weight: normal; letter-spacing: 0.15em;
                  text-transform: uppercase; margin-bottom: 0.6em; }
                .chapter-name { display: block; }
                .toc-number { display: inline-block; min-width: 1.8em; }
                .prose p { text-align: justify; }
                h1, h2, h3, .chapter-title, .scene-title, .scene-break { page-break-after: avoid; }
                p, li, blockquote { orphans: 2; widows: 2; }
                """, width, height, top, outer, bottom, inner, Fonts.SERIF, Fonts.MONO, script ? "10pt" : "11pt",
                coverWidth, coverHeight, (height - coverHeight) / 2, (width - coverWidth) / 2);
    }
}
