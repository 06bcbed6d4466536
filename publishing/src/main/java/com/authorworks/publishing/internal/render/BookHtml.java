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

    /** A whole book in one document: cover (if given), title page, copyright page, contents, chapters. */
    public static Document book(Manuscript manuscript, String coverSource, String css) {
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
        for (int i = 0; i < manuscript.chapters().size(); i++) {
            list.appendElement("li").appendElement("a").attr("href", "#" + chapterId(i))
                    .text(chapterTitle(manuscript.chapters().get(i), i));
        }
        for (int i = 0; i < manuscript.chapters().size(); i++) {
            chapter(manuscript, i, body);
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
        Chapter chapter = manuscript.chapters().get(index);
        Element section = parent.appendElement("section").addClass("chapter").attr("id", chapterId(index))
                .attr("epub:type", "chapter");
        section.appendElement("h1").addClass("chapter-title").text(chapterTitle(chapter, index));
        List<Scene> scenes = chapter.scenes();
        for (int s = 0; s < scenes.size(); s++) {
            Scene scene = scenes.get(s);
            if (s > 0) {
                section.appendElement("p").addClass("scene-break").attr("role", "separator").text("* * *");
            }
            if (scene.title() != null) {
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
        return chapter.title().isEmpty() ? "Chapter " + (index + 1) : chapter.title();
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
