package com.authorworks.publishing.internal.markdown;

import com.authorworks.publishing.Chapter;
import com.authorworks.publishing.Form;
import com.authorworks.publishing.Format;
import com.authorworks.publishing.ImportException;
import com.authorworks.publishing.ImportException.Reason;
import com.authorworks.publishing.ImportLimits;
import com.authorworks.publishing.Manuscript;
import com.authorworks.publishing.ManuscriptImporter;
import com.authorworks.publishing.Scene;
import com.authorworks.publishing.internal.archive.SafeZip;
import com.authorworks.publishing.internal.render.SampleNotice;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.commonmark.ext.front.matter.YamlFrontMatterBlock;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Markdown to a manuscript: level-1 headings are chapters (or level-2 when a single level-1 heading is the book
 * title), the next level down titles a scene, thematic breaks ({@code ***}, {@code * * *}) separate scenes.
 * Scene bodies keep the author's Markdown exactly as written. A YAML metadata block supplies title, author etc.
 */
public final class MarkdownImporter implements ManuscriptImporter {

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(YamlFrontMatterExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();

    @Override
    public Format format() {
        return Format.MARKDOWN;
    }

    @Override
    public Manuscript read(java.io.InputStream in, ImportLimits limits) {
        String source = new String(SafeZip.readUpload(in, limits), StandardCharsets.UTF_8)
                .replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n');
        String[] lines = source.split("\n", -1);
        Node document = PARSER.parse(source);
        YamlFrontMatterVisitor metadata = new YamlFrontMatterVisitor();
        document.accept(metadata);
        Map<String, List<String>> data = metadata.getData();

        List<Heading> h1 = new ArrayList<>();
        boolean hasH2 = false;
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading && heading.getLevel() == 1) {
                h1.add(heading);
            }
            hasH2 |= node instanceof Heading heading && heading.getLevel() == 2;
        }
        String title = value(data, "title");
        int chapterLevel = 1;
        Heading titleHeading = null;
        if (h1.isEmpty() && hasH2 || title == null && h1.size() == 1 && hasH2) {
            chapterLevel = 2;
            titleHeading = h1.isEmpty() ? null : h1.getFirst();
            title = title != null ? title : titleHeading == null ? null : text(titleHeading);
        }

        Builder book = new Builder(lines);
        boolean sample = "true".equalsIgnoreCase(value(data, "sample"));
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof YamlFrontMatterBlock || node == titleHeading) {
                continue;
            }
            if (node instanceof BlockQuote && book.beforeFirstChapter() && text(node).contains(SampleNotice.TEXT)) {
                sample = true;
            } else if (node instanceof Heading heading && heading.getLevel() == chapterLevel) {
                book.chapter(text(heading));
            } else if (node instanceof Heading heading && heading.getLevel() == chapterLevel + 1) {
                book.sceneTitle(text(heading));
            } else if (node instanceof ThematicBreak) {
                book.sceneBreak();
            } else if (node instanceof FencedCodeBlock code && "fountain".equals(code.getInfo())) {
                book.literal(code.getLiteral());
            } else {
                book.body(node.getSourceSpans());
            }
        }
        List<Chapter> chapters = book.finish();
        if (chapters.isEmpty()) {
            throw new ImportException(Reason.MALFORMED, "The Markdown file contains no text.");
        }
        return new Manuscript(title, value(data, "subtitle"), value(data, "author"), value(data, "lang"),
                form(value(data, "form")), value(data, "rights"), value(data, "description"), null, chapters,
                sample);
    }

    private static Form form(String value) {
        if (value == null) {
            return Form.NOVEL;
        }
        try {
            return Form.valueOf(value.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return Form.NOVEL;
        }
    }

    /** A metadata value; the front matter parser keeps YAML quotes, which we undo here. */
    private static String value(Map<String, List<String>> data, String key) {
        List<String> values = data.get(key);
        if (values == null || values.isEmpty()) {
            return null;
        }
        String value = String.join(" ", values).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        } else if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            value = value.substring(1, value.length() - 1).replace("''", "'");
        }
        return value.isBlank() ? null : MarkdownText.unescape(value);
    }

    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new org.commonmark.node.AbstractVisitor() {
            @Override
            public void visit(Text literal) {
                text.append(literal.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.Code code) {
                text.append(code.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.SoftLineBreak lineBreak) {
                text.append(' ');
            }
        });
        return text.toString().strip();
    }

    /** Collects chapters and scenes as the blocks go by. */
    private static final class Builder {
        private final String[] lines;
        private final List<Chapter> chapters = new ArrayList<>();
        private String chapterTitle;
        private boolean inChapter;
        private List<Scene> scenes = new ArrayList<>();
        private String sceneTitle;
        private int firstLine = -1;
        private int lastLine = -1;
        private String literal;

        Builder(String[] lines) {
            this.lines = lines;
        }

        boolean beforeFirstChapter() {
            return !inChapter && chapters.isEmpty() && firstLine < 0;
        }

        void chapter(String title) {
            endChapter();
            chapterTitle = title;
            inChapter = true;
        }

        void sceneTitle(String title) {
            if (sceneTitle != null || firstLine >= 0 || literal != null) {
                endScene();
            }
            sceneTitle = title;
        }

        void sceneBreak() {
            endScene();
        }

        void literal(String text) {
            literal = literal == null ? text : literal + "\n" + text;
        }

        void body(List<SourceSpan> spans) {
            if (spans.isEmpty()) {
                return;
            }
            if (firstLine < 0) {
                firstLine = spans.getFirst().getLineIndex();
            }
            lastLine = spans.getLast().getLineIndex();
        }

        List<Chapter> finish() {
            endChapter();
            return chapters;
        }

        private void endScene() {
            String body = literal != null ? literal.strip()
                    : firstLine < 0 ? "" : String.join("\n", List.of(lines).subList(firstLine, lastLine + 1)).strip();
            if (!body.isEmpty() || sceneTitle != null) {
                scenes.add(new Scene(sceneTitle, body));
            }
            sceneTitle = null;
            literal = null;
            firstLine = -1;
            lastLine = -1;
        }

        private void endChapter() {
            endScene();
            if (inChapter || !scenes.isEmpty()) {
                chapters.add(new Chapter(chapterTitle, scenes));
            }
            scenes = new ArrayList<>();
            chapterTitle = null;
            inChapter = false;
        }
    }
}
