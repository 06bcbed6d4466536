package com.authorworks.publishing.internal.script;

import com.authorworks.publishing.Chapter;
import com.authorworks.publishing.ExportOptions;
import com.authorworks.publishing.Format;
import com.authorworks.publishing.Manuscript;
import com.authorworks.publishing.ManuscriptWriter;
import com.authorworks.publishing.Scene;
import com.authorworks.publishing.UnsupportedExportException;
import com.authorworks.publishing.internal.render.BookHtml;
import com.authorworks.publishing.internal.render.SampleNotice;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Fountain: a title page, then each chapter as a section ({@code #}) followed by its scenes as written. Titles and
 * metadata are escaped with Fountain's backslash so they stay one plain line; in scene bodies only what would
 * open an HTML tag in a Fountain viewer is escaped, the rest is the author's Fountain.
 */
public final class FountainWriter implements ManuscriptWriter {

    private static final Pattern MARKUP = Pattern.compile("([\\\\*_<>])");
    private static final Pattern TAG_START = Pattern.compile("<(?=[A-Za-z/!?])");

    @Override
    public Format format() {
        return Format.FOUNTAIN;
    }

    @Override
    public void write(Manuscript manuscript, ExportOptions options, OutputStream out) throws IOException {
        if (!manuscript.form().isScript()) {
            throw new UnsupportedExportException(Format.FOUNTAIN, manuscript.form());
        }
        StringBuilder text = new StringBuilder();
        text.append("Title: ").append(oneLine(manuscript.title())).append('\n');
        text.append("Credit: Written by\n");
        text.append("Author: ").append(oneLine(manuscript.author())).append('\n');
        text.append("Copyright: ").append(oneLine(manuscript.rightsLine())).append('\n');
        if (manuscript.sampleText()) {
            text.append("Notes: ").append(SampleNotice.TEXT).append('\n');
        }
        text.append('\n');
        if (manuscript.sampleText()) {
            text.append("> ").append(SampleNotice.TEXT).append(" <\n\n");
        }
        for (int c = 0; c < manuscript.chapters().size(); c++) {
            Chapter chapter = manuscript.chapters().get(c);
            text.append("# ").append(oneLine(BookHtml.chapterTitle(chapter, c))).append("\n\n");
            for (Scene scene : chapter.scenes()) {
                if (scene.title() != null) {
                    text.append("## ").append(oneLine(scene.title())).append("\n\n");
                }
                text.append(TAG_START.matcher(scene.body().strip()).replaceAll("\\\\<")).append("\n\n");
            }
        }
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Author text as one literal line: emphasis, centring, tags and boneyard markers escaped. */
    private static String oneLine(String value) {
        String line = value.replaceAll("\\s*\\R\\s*", " ").strip();
        return MARKUP.matcher(line).replaceAll("\\\\$1").replace("/*", "\\/*");
    }
}
