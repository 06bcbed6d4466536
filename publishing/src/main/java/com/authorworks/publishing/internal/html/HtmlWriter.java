package com.authorworks.publishing.internal.html;

import com.authorworks.publishing.ExportOptions;
import com.authorworks.publishing.Format;
import com.authorworks.publishing.Manuscript;
import com.authorworks.publishing.ManuscriptWriter;
import com.authorworks.publishing.internal.render.BookHtml;
import com.authorworks.publishing.internal.render.Resources;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jsoup.nodes.Document;

/** One HTML5 file with its style sheet inline; author text is escaped or sanitised by {@link BookHtml}. */
public final class HtmlWriter implements ManuscriptWriter {

    @Override
    public Format format() {
        return Format.HTML;
    }

    @Override
    public void write(Manuscript manuscript, ExportOptions options, OutputStream out) throws IOException {
        Document document = BookHtml.book(manuscript, null, Resources.bookCss());
        // epub:type is only meaningful in EPUB; plain HTML validators reject the prefix
        document.select("[epub:type]").removeAttr("epub:type");
        out.write(document.outerHtml().getBytes(StandardCharsets.UTF_8));
    }
}
