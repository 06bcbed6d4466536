package com.authorworks.publishing.internal.docx;

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
import com.authorworks.publishing.internal.markdown.MarkdownText;
import com.authorworks.publishing.internal.render.SampleNotice;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;

/**
 * Word to a manuscript: Heading 1 paragraphs start chapters, Heading 2 titles a scene, a paragraph of just
 * {@code * * *} (or {@code ***}, {@code #}) breaks scenes; italic and bold runs become Markdown emphasis. What
 * comes before the first Heading 1 is the title page (Title and Subtitle styles are read) unless the document
 * has no Heading 1 at all, in which case it is all one chapter.
 */
public final class DocxImporter implements ManuscriptImporter {

    private enum Kind { TITLE, SUBTITLE, CHAPTER, SCENE_TITLE, SCENE_BREAK, TEXT }

    private record Block(Kind kind, String text) {
    }

    @Override
    public Format format() {
        return Format.DOCX;
    }

    @Override
    public Manuscript read(InputStream in, ImportLimits limits) {
        Map<String, byte[]> entries = SafeZip.entries(in, limits, "Word document", DocxImporter::isMarkup);
        refuseDoctypes(entries);
        // POI gets the package without its media (left empty): it inflates every part it is given into memory
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(SafeZip.zip(entries)))) {
            List<Block> blocks = new ArrayList<>();
            boolean sample = false;
            for (XWPFParagraph paragraph : document.getParagraphs()) {
                String plain = paragraph.getText().strip();
                if (plain.isEmpty()) {
                    continue;
                }
                if (plain.contains(SampleNotice.TEXT)) {
                    sample = true;
                    continue;
                }
                blocks.add(switch (styleName(document, paragraph)) {
                    case "title" -> new Block(Kind.TITLE, plain);
                    case "subtitle" -> new Block(Kind.SUBTITLE, plain);
                    case "heading1" -> new Block(Kind.CHAPTER, plain);
                    case "heading2" -> new Block(Kind.SCENE_TITLE, plain);
                    default -> MarkdownText.isSceneBreak(plain) ? new Block(Kind.SCENE_BREAK, plain)
                            : new Block(Kind.TEXT, markdown(paragraph));
                });
            }
            var core = document.getProperties().getCoreProperties();
            String title = first(blocks, Kind.TITLE, core.getTitle());
            String subtitle = first(blocks, Kind.SUBTITLE, null);
            List<Chapter> chapters = chapters(blocks);
            if (chapters.isEmpty()) {
                throw new ImportException(Reason.MALFORMED, "The Word document contains no text.");
            }
            return new Manuscript(title, subtitle, core.getCreator(), null, Form.NOVEL, null, core.getDescription(),
                    null, chapters, sample);
        } catch (ImportException e) {
            throw e;
        } catch (Exception e) {
            // POI signals broken packages with a range of runtime and IO exceptions
            throw new ImportException(Reason.MALFORMED, "The file is not a readable Word (.docx) document.", e);
        }
    }

    private static boolean isMarkup(String name) {
        return name.endsWith(".xml") || name.endsWith(".rels");
    }

    /** POI already refuses DTDs; checking first gives the author a clear reason instead of a parser error. */
    private static void refuseDoctypes(Map<String, byte[]> entries) {
        entries.forEach((name, content) -> {
            if ((name.endsWith(".xml") || name.endsWith(".rels"))
                    && new String(content, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT).contains("<!DOCTYPE")) {
                throw new ImportException(Reason.UNSAFE_CONTENT,
                        "The Word document declares a DOCTYPE in " + name + " (entities are not allowed); refused.");
            }
        });
    }

    private static List<Chapter> chapters(List<Block> blocks) {
        boolean headings = blocks.stream().anyMatch(b -> b.kind() == Kind.CHAPTER);
        List<Chapter> chapters = new ArrayList<>();
        String chapterTitle = null;
        boolean inChapter = !headings;
        List<Scene> scenes = new ArrayList<>();
        String sceneTitle = null;
        List<String> paragraphs = new ArrayList<>();
        for (Block block : blocks) {
            switch (block.kind()) {
                case CHAPTER -> {
                    endScene(scenes, sceneTitle, paragraphs);
                    sceneTitle = null;
                    if (inChapter) {
                        chapters.add(new Chapter(chapterTitle, scenes));
                    }
                    scenes = new ArrayList<>();
                    chapterTitle = block.text();
                    inChapter = true;
                }
                case SCENE_TITLE, SCENE_BREAK -> {
                    if (inChapter && (sceneTitle != null || !paragraphs.isEmpty())) {
                        endScene(scenes, sceneTitle, paragraphs);
                        sceneTitle = null;
                    }
                    if (block.kind() == Kind.SCENE_TITLE) {
                        sceneTitle = block.text();
                    }
                }
                case TEXT -> {
                    if (inChapter) {
                        paragraphs.add(block.text());
                    }
                }
                default -> { }
            }
        }
        endScene(scenes, sceneTitle, paragraphs);
        if (inChapter && !scenes.isEmpty() || chapterTitle != null) {
            chapters.add(new Chapter(chapterTitle, scenes));
        }
        return chapters;
    }

    private static void endScene(List<Scene> scenes, String title, List<String> paragraphs) {
        if (title != null || !paragraphs.isEmpty()) {
            scenes.add(new Scene(title, String.join("\n\n", paragraphs)));
        }
        paragraphs.clear();
    }

    private static String first(List<Block> blocks, Kind kind, String fallback) {
        return blocks.stream().filter(b -> b.kind() == kind).map(Block::text).findFirst().orElse(fallback);
    }

    /** "heading1", "title"...: the style id or name, normalised, so both Word's ids and names match. */
    private static String styleName(XWPFDocument document, XWPFParagraph paragraph) {
        String id = paragraph.getStyleID();
        if (id == null) {
            return "";
        }
        XWPFStyle style = document.getStyles() == null ? null : document.getStyles().getStyle(id);
        String name = style != null && style.getName() != null ? style.getName() : id;
        return name.toLowerCase(Locale.ROOT).replace(" ", "");
    }

    /** The paragraph's runs as Markdown, merging neighbouring runs with the same emphasis. */
    private static String markdown(XWPFParagraph paragraph) {
        StringBuilder markdown = new StringBuilder();
        StringBuilder pending = new StringBuilder();
        boolean italic = false;
        boolean bold = false;
        for (XWPFRun run : paragraph.getRuns()) {
            String text = run.text();
            if (text.isEmpty()) {
                continue;
            }
            if (run.isItalic() != italic || run.isBold() != bold) {
                markdown.append(MarkdownText.emphasise(pending.toString(), italic, bold));
                pending.setLength(0);
                italic = run.isItalic();
                bold = run.isBold();
            }
            pending.append(MarkdownText.escape(text).replace("\n", "  \n"));
        }
        markdown.append(MarkdownText.emphasise(pending.toString(), italic, bold));
        return markdown.toString().strip();
    }
}
