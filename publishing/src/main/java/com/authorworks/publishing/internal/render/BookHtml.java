package com.authorworks.publishing.internal.render;

import com.authorworks.publishing.Chapter;
import com.authorworks.publishing.Manuscript;
import com.authorworks.publishing.Scene;
import com.authorworks.publishing.internal.script.Fountain;
import com.authorworks.publishing.internal.script.ScriptElement;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The parts of a book as HTML, shared by the HTML, EPUB and PDF writers. Every piece of author text goes in
 * through jsoup's {@code text()} or the sanitising {@link ProseHtml}, never as raw markup.
 */
public final class BookHtml {

    private BookHtml() {
    }

    /**
     * How chapters are set: {@code numbered} puts "Chapter n" above each prose chapter's title (and the number
     * in the contents); {@code sceneTitles} prints scene titles as sub-headings, which are otherwise working
     * labels of the draft and left out.
     */
    public record Typesetting(boolean numbered, boolean sceneTitles) {
        /** The screen formats' way: titles as they are, scene titles shown. */
        public static final Typesetting PLAIN = new Typesetting(false, true);
    }

    /** A whole book in one document: cover (if given), title page, copyright page, contents, chapters. */
    public static Document book(Manuscript manuscript, String coverSource, String css) {
        return book(manuscript, coverSource, css, Typesetting.PLAIN);
    }

    /** {@link #book(Manuscript, String, String)}, typeset as {@code typesetting} says. */
    public static Document book(Manuscript manuscript, String coverSource, String css, Typesetting typesetting) {
        Document document = shell(manuscript, manuscript.title(), css);
        Element body = document.body();
        if (coverSource != null) {
            Element cover = body.appendElement("section").addClass("cover");
            cover.appendElement("img").attr("src", coverSource).attr("alt", "Cover of " + manuscript.title());
            // the inside of the cover stays blank so the title page falls on a right-hand page in print
            body.appendElement("div").addClass("cover-verso").attr("aria-hidden", "true").text("\u00a0");
        }
        titlePage(manuscript, body);
        copyrightPage(manuscript, body);
        Element toc = body.appendElement("nav").addClass("toc").attr("id", "contents");
        toc.appendElement("h2").text("Contents");
        Element list = toc.appendElement("ol");
        boolean numbered = numbered(manuscript, typesetting);
        for (int i = 0; i < manuscript.chapters().size(); i++) {
            Element link = list.appendElement("li").appendElement("a").attr("href", "#" + chapterId(i));
            String title = chapterTitle(manuscript.chapters().get(i), i);
            if (numbered && !title.equals(chapterNumber(i))) {
                link.appendElement("span").addClass("toc-number").text((i + 1) + "");
                link.appendText(" " + title);
            } else {
                link.text(title);
            }
        }
        for (int i = 0; i < manuscript.chapters().size(); i++) {
            chapter(manuscript, i, body, typesetting);
        }
        return document;
    }

    /** An empty HTML document with language, title and embedded style sheet. */
    public static Document shell(Manuscript manuscript, String title, String css) {
        Document document = Document.createShell("");
        document.outputSettings().charset("UTF-8");
        document.selectFirst("html").attr("lang", manuscript.language());
        Element head = document.head();
        head.appendElement("meta").attr("charset", "UTF-8");
        head.appendElement("title").text(title);
        if (css != null) {
            head.appendElement("style").appendChild(new org.jsoup.nodes.DataNode(css));
        }
        return document;
    }

    public static Element titlePage(Manuscript manuscript, Element parent) {
        Element page = parent.appendElement("section").addClass("title-page").attr("epub:type", "titlepage");
        page.appendElement("h1").addClass("title").text(manuscript.title());
        if (manuscript.subtitle() != null) {
            page.appendElement("p").addClass("subtitle").text(manuscript.subtitle());
        }
        page.appendElement("p").addClass("author").text(manuscript.author());
        sampleNotice(manuscript, page);
        return page;
    }

    public static Element copyrightPage(Manuscript manuscript, Element parent) {
        Element page = parent.appendElement("section").addClass("copyright-page").attr("epub:type", "copyright-page");
        page.appendElement("p").addClass("book-title").text(manuscript.title());
        page.appendElement("p").addClass("rights").text(manuscript.rightsLine());
        if (manuscript.description() != null) {
            page.appendElement("p").addClass("description").text(manuscript.description());
        }
        sampleNotice(manuscript, page);
        return page;
    }

    public static Element chapter(Manuscript manuscript, int index, Element parent) {
        return chapter(manuscript, index, parent, Typesetting.PLAIN);
    }

    public static Element chapter(Manuscript manuscript, int index, Element parent, Typesetting typesetting) {
        Chapter chapter = manuscript.chapters().get(index);
        Element section = parent.appendElement("section").addClass("chapter").attr("id", chapterId(index))
                .attr("epub:type", "chapter");
        Element heading = section.appendElement("h1").addClass("chapter-title");
        String title = chapterTitle(chapter, index);
        if (numbered(manuscript, typesetting) && !title.equals(chapterNumber(index))) {
            heading.appendElement("span").addClass("chapter-number").text(chapterNumber(index));
            heading.appendElement("span").addClass("chapter-name").text(title);
        } else {
            heading.text(title);
        }
        List<Scene> scenes = chapter.scenes();
        for (int s = 0; s < scenes.size(); s++) {
            Scene scene = scenes.get(s);
            if (s > 0) {
                section.appendElement("p").addClass("scene-break").attr("role", "separator").text("* * *");
            }
            if (scene.title() != null && typesetting.sceneTitles()) {
                section.appendElement("h2").addClass("scene-title").text(scene.title());
            }
            Element body = section.appendElement("div").addClass(manuscript.form().isScript() ? "script" : "prose");
            if (manuscript.form().isScript()) {
                appendScript(scene.body(), body);
            } else {
                ProseHtml.render(scene.body()).forEach(body::appendChild);
            }
        }
        return section;
    }

    public static String chapterId(int index) {
        return "chapter-" + (index + 1);
    }

    /** The chapter's title, or "Chapter n" when the author left it blank. */
    public static String chapterTitle(Chapter chapter, int index) {
        return chapter.title().isEmpty() ? chapterNumber(index) : chapter.title();
    }

    public static String chapterNumber(int index) {
        return "Chapter " + (index + 1);
    }

    /** Prose chapters are numbered when asked, unless their titles already number them ("Chapter 3: …"). */
    private static boolean numbered(Manuscript manuscript, Typesetting typesetting) {
        return typesetting.numbered() && !manuscript.form().isScript() && manuscript.chapters().stream()
                .noneMatch(c -> c.title().matches("(?i)^(chapter|part|book)\\s+\\S+.*"));
    }

    private static void sampleNotice(Manuscript manuscript, Element parent) {
        if (manuscript.sampleText()) {
            parent.appendElement("p").addClass("sample-notice").text(SampleNotice.TEXT);
        }
    }

    private static void appendScript(String fountain, Element parent) {
        for (ScriptElement element : Fountain.parse(fountain)) {
            if (element.type() == ScriptElement.Type.PAGE_BREAK) {
                continue;
            }
            Element paragraph = parent.appendElement("p").addClass(element.type().cssClass());
            String[] lines = element.text().split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    paragraph.appendElement("br");
                }
                paragraph.appendText(lines[i]);
            }
        }
    }
}
