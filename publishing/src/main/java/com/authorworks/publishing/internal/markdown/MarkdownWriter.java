package com.authorworks.publishing.internal.markdown;

import com.authorworks.publishing.Chapter;
import com.authorworks.publishing.ExportOptions;
import com.authorworks.publishing.Format;
import com.authorworks.publishing.Manuscript;
import com.authorworks.publishing.ManuscriptWriter;
import com.authorworks.publishing.Scene;
import com.authorworks.publishing.internal.render.BookHtml;
import com.authorworks.publishing.internal.render.SampleNotice;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Markdown with a YAML metadata block (the layout pandoc reads): chapters are level-1 headings, scene titles
 * level-2 headings, scene breaks {@code * * *}. Script scenes are kept as Fountain in fenced blocks. What the
 * author typed is escaped (titles, metadata) or made inert (raw HTML and script links in bodies), since most
 * Markdown renderers pass raw HTML through.
 */
public final class MarkdownWriter implements ManuscriptWriter {

    static final String SCENE_BREAK = "* * *";

    @Override
    public Format format() {
        return Format.MARKDOWN;
    }

    @Override
    public void write(Manuscript manuscript, ExportOptions options, OutputStream out) throws IOException {
        StringBuilder md = new StringBuilder("---\n");
        field(md, "title", manuscript.title());
        field(md, "subtitle", manuscript.subtitle());
        field(md, "author", manuscript.author());
        field(md, "lang", manuscript.language());
        field(md, "rights", manuscript.rightsLine());
        field(md, "description", manuscript.description());
        field(md, "form", manuscript.form().name().toLowerCase(Locale.ROOT));
        if (manuscript.sampleText()) {
            field(md, "sample", "true");
        }
        md.append("---\n\n");
        if (manuscript.sampleText()) {
            md.append("> **").append(SampleNotice.TEXT).append("**\n\n");
        }
        for (int c = 0; c < manuscript.chapters().size(); c++) {
            Chapter chapter = manuscript.chapters().get(c);
            md.append("# ").append(MarkdownText.escapeInline(oneLine(BookHtml.chapterTitle(chapter, c)))).append("\n\n");
            for (int s = 0; s < chapter.scenes().size(); s++) {
                Scene scene = chapter.scenes().get(s);
                if (s > 0) {
                    md.append(SCENE_BREAK).append("\n\n");
                }
                if (scene.title() != null) {
                    md.append("## ").append(MarkdownText.escapeInline(oneLine(scene.title()))).append("\n\n");
                }
                String body = scene.body().strip();
                if (manuscript.form().isScript()) {
                    String fence = body.contains("```") ? "~~~~" : "```";
                    md.append(fence).append("fountain\n").append(body).append('\n').append(fence).append("\n\n");
                } else if (!body.isEmpty()) {
                    md.append(MarkdownText.inert(body)).append("\n\n");
                }
            }
        }
        out.write(md.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Pandoc reads metadata values as Markdown: they are escaped like titles, then quoted for YAML. */
    private static void field(StringBuilder md, String key, String value) {
        if (value != null) {
            md.append(key).append(": \"").append(MarkdownText.escapeInline(oneLine(value)).replace("\n", " ").replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\"\n");
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
