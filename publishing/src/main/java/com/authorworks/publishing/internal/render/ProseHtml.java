package com.authorworks.publishing.internal.render;

import com.authorworks.publishing.ProsePolicy;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Markdown scene bodies to HTML. Author text is untrusted: CommonMark escapes raw HTML, and the result is then
 * cleaned by {@link ProsePolicy} (the allow-list stored scenes went through) so only prose markup survives,
 * whatever a parser bug lets through.
 */
public final class ProseHtml {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private ProseHtml() {
    }

    /** The parsed Markdown, with body headings moved below the chapter (h1) and scene (h2) levels. */
    public static Node parse(String markdown) {
        Node document = PARSER.parse(markdown);
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                heading.setLevel(Math.min(6, heading.getLevel() + 2));
                visitChildren(heading);
            }
        });
        return document;
    }

    /** Sanitised block elements for a Markdown body, ready to append to a jsoup document. */
    public static List<Element> render(String markdown) {
        String html = RENDERER.render(parse(markdown));
        return List.copyOf(Jsoup.parseBodyFragment(ProsePolicy.sanitise(html)).body().children());
    }
}
