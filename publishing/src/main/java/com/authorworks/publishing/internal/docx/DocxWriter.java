package com.authorworks.publishing.internal.docx;

import com.authorworks.publishing.Chapter;
import com.authorworks.publishing.ExportOptions;
import com.authorworks.publishing.Format;
import com.authorworks.publishing.Manuscript;
import com.authorworks.publishing.ManuscriptWriter;
import com.authorworks.publishing.Scene;
import com.authorworks.publishing.internal.render.BookHtml;
import com.authorworks.publishing.internal.render.ProseHtml;
import com.authorworks.publishing.internal.render.SampleNotice;
import com.authorworks.publishing.internal.script.Fountain;
import com.authorworks.publishing.internal.script.ScriptElement;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Word: Title and Subtitle styles on the title page, chapters as Heading 1 (each on a new page), scene titles as
 * Heading 2, scene breaks as a centred {@code * * *}. Markdown emphasis becomes italic and bold runs.
 */
public final class DocxWriter implements ManuscriptWriter {

    static final String SCENE_BREAK = "* * *";
    private static final int INDENT = 720;

    @Override
    public Format format() {
        return Format.DOCX;
    }

    @Override
    public void write(Manuscript manuscript, ExportOptions options, OutputStream out) throws IOException {
        try (XWPFDocument document = new XWPFDocument()) {
            styles(document);
            var core = document.getProperties().getCoreProperties();
            core.setTitle(manuscript.title());
            core.setCreator(manuscript.author());
            core.setDescription(manuscript.description());

            styled(document, "Title", manuscript.title()).setAlignment(ParagraphAlignment.CENTER);
            if (manuscript.subtitle() != null) {
                styled(document, "Subtitle", manuscript.subtitle()).setAlignment(ParagraphAlignment.CENTER);
            }
            plain(document, manuscript.author()).setAlignment(ParagraphAlignment.CENTER);
            sampleNotice(manuscript, document);
            XWPFParagraph rights = plain(document, manuscript.rightsLine());
            rights.setPageBreak(true);
            if (manuscript.description() != null) {
                plain(document, manuscript.description());
            }
            sampleNotice(manuscript, document);

            for (int c = 0; c < manuscript.chapters().size(); c++) {
                Chapter chapter = manuscript.chapters().get(c);
                styled(document, "Heading1", BookHtml.chapterTitle(chapter, c)).setPageBreak(true);
                for (int s = 0; s < chapter.scenes().size(); s++) {
                    Scene scene = chapter.scenes().get(s);
                    if (s > 0) {
                        plain(document, SCENE_BREAK).setAlignment(ParagraphAlignment.CENTER);
                    }
                    if (scene.title() != null) {
                        styled(document, "Heading2", scene.title());
                    }
                    if (manuscript.form().isScript()) {
                        script(document, scene.body());
                    } else {
                        prose(document, scene.body());
                    }
                }
            }
            document.write(out);
        }
    }

    private static void sampleNotice(Manuscript manuscript, XWPFDocument document) {
        if (manuscript.sampleText()) {
            XWPFParagraph notice = document.createParagraph();
            notice.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun run = notice.createRun();
            run.setBold(true);
            run.setColor("AA3333");
            run.setText(SampleNotice.TEXT);
        }
    }

    private static void prose(XWPFDocument document, String markdown) {
        for (Node block = ProseHtml.parse(markdown).getFirstChild(); block != null; block = block.getNext()) {
            block(document, block, 0, null);
        }
    }

    private static void block(XWPFDocument document, Node block, int indent, String marker) {
        switch (block) {
            case Heading heading -> inline(styled(document, "Heading3", null), heading);
            case Paragraph paragraph -> {
                XWPFParagraph p = document.createParagraph();
                p.setIndentationLeft(indent);
                if (marker != null) {
                    p.createRun().setText(marker);
                }
                inline(p, paragraph);
            }
            case BlockQuote quote -> children(document, quote, indent + INDENT, null);
            case BulletList list -> {
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    children(document, item, indent + INDENT, "• ");
                }
            }
            case OrderedList list -> {
                int number = list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber();
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    children(document, item, indent + INDENT, number++ + ". ");
                }
            }
            case ThematicBreak ignored -> plain(document, SCENE_BREAK).setAlignment(ParagraphAlignment.CENTER);
            case FencedCodeBlock code -> lines(document, code.getLiteral(), indent);
            case IndentedCodeBlock code -> lines(document, code.getLiteral(), indent);
            case HtmlBlock html -> lines(document, html.getLiteral(), indent);
            default -> children(document, block, indent, marker);
        }
    }

    private static void children(XWPFDocument document, Node parent, int indent, String marker) {
        String first = marker;
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            block(document, child, indent, first);
            first = null;
        }
    }

    private static void lines(XWPFDocument document, String text, int indent) {
        XWPFParagraph p = document.createParagraph();
        p.setIndentationLeft(indent);
        XWPFRun run = p.createRun();
        run.setFontFamily("Courier New");
        text(run, text.stripTrailing());
    }

    /** Inline Markdown as runs: emphasis nests, so bold and italic are tracked while walking. */
    private static void inline(XWPFParagraph paragraph, Node parent) {
        parent.accept(new AbstractVisitor() {
            private boolean italic;
            private boolean bold;

            @Override
            public void visit(Text text) {
                run(text.getLiteral(), false);
            }

            @Override
            public void visit(Code code) {
                run(code.getLiteral(), true);
            }

            @Override
            public void visit(HtmlInline html) {
                run(html.getLiteral(), false);
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                run(" ", false);
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                paragraph.createRun().addBreak();
            }

            @Override
            public void visit(Emphasis emphasis) {
                italic = !italic;
                visitChildren(emphasis);
                italic = !italic;
            }

            @Override
            public void visit(StrongEmphasis strong) {
                bold = !bold;
                visitChildren(strong);
                bold = !bold;
            }

            private void run(String text, boolean code) {
                XWPFRun run = paragraph.createRun();
                run.setItalic(italic);
                run.setBold(bold);
                if (code) {
                    run.setFontFamily("Courier New");
                }
                run.setText(text);
            }
        });
    }

    private static void script(XWPFDocument document, String fountain) {
        for (ScriptElement element : Fountain.parse(fountain)) {
            XWPFParagraph p = document.createParagraph();
            XWPFRun run = p.createRun();
            run.setFontFamily("Courier New");
            switch (element.type()) {
                case SCENE_HEADING -> run.setBold(true);
                case CHARACTER -> p.setIndentationLeft(INDENT * 4);
                case PARENTHETICAL -> p.setIndentationLeft(INDENT * 3);
                case DIALOGUE, LYRIC -> {
                    p.setIndentationLeft(INDENT * 2);
                    p.setIndentationRight(INDENT * 2);
                }
                case TRANSITION -> p.setAlignment(ParagraphAlignment.RIGHT);
                case CENTERED -> p.setAlignment(ParagraphAlignment.CENTER);
                case PAGE_BREAK -> p.setPageBreak(true);
                default -> { }
            }
            text(run, element.text());
        }
    }

    private static XWPFParagraph styled(XWPFDocument document, String style, String text) {
        XWPFParagraph p = document.createParagraph();
        p.setStyle(style);
        if (text != null) {
            text(p.createRun(), text);
        }
        return p;
    }

    private static XWPFParagraph plain(XWPFDocument document, String text) {
        XWPFParagraph p = document.createParagraph();
        text(p.createRun(), text);
        return p;
    }

    private static void text(XWPFRun run, String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
    }

    /** Word's built-in heading styles must be defined in styles.xml for outlines and navigation to see them. */
    private static void styles(XWPFDocument document) {
        XWPFStyles styles = document.createStyles();
        style(styles, "Title", "Title", 56, true, -1);
        style(styles, "Subtitle", "Subtitle", 32, false, -1);
        style(styles, "Heading1", "heading 1", 36, true, 0);
        style(styles, "Heading2", "heading 2", 28, true, 1);
        style(styles, "Heading3", "heading 3", 24, true, 2);
    }

    private static void style(XWPFStyles styles, String id, String name, int halfPoints, boolean bold,
            int outlineLevel) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal(name);
        style.addNewBasedOn().setVal("Normal");
        style.addNewNext().setVal("Normal");
        style.addNewQFormat();
        var paragraph = style.addNewPPr();
        paragraph.addNewKeepNext();
        paragraph.addNewSpacing().setBefore(BigInteger.valueOf(240));
        if (outlineLevel >= 0) {
            paragraph.addNewOutlineLvl().setVal(BigInteger.valueOf(outlineLevel));
        }
        var run = style.addNewRPr();
        run.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        if (bold) {
            run.addNewB();
        }
        styles.addStyle(new XWPFStyle(style));
    }
}
