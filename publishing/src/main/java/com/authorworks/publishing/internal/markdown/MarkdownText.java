package com.authorworks.publishing.internal.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.markdown.MarkdownRenderer;

/** Writing imported text as Markdown: escaping, emphasis, and recognising scene-break lines. */
public final class MarkdownText {

    private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>])");
    private static final Pattern LINE_START = Pattern.compile("(?m)^(\\s*)(?:([#>+\\-=|])|(\\d+)([.)]))");
    private static final Pattern SCENE_BREAK = Pattern.compile("\\s*(\\*\\s*){3,}|\\s*#\\s*|\\s*(~\\s*){3,}|\\s*(-\\s*){3,}");

    private static final Pattern ESCAPED = Pattern.compile("\\\\([\\\\`*_\\[\\]<>])");
    private static final Parser PARSER = Parser.builder().build();
    private static final MarkdownRenderer RENDERER = MarkdownRenderer.builder().build();

    private MarkdownText() {
    }

    /** One line (a title, a metadata value) shown as typed, wherever it stands. */
    public static String escapeInline(String text) {
        return SPECIAL.matcher(text).replaceAll("\\\\$1");
    }

    /** What {@link #escapeInline} escaped, as typed again (for metadata read back from a file we wrote). */
    public static String unescape(String markdown) {
        return ESCAPED.matcher(markdown).replaceAll("$1");
    }

    /**
     * A Markdown body that any renderer shows without running anything: raw HTML becomes literal text, links and
     * images to anything but http(s), mailto or a relative address lose their target. A body with none of these
     * is returned exactly as written.
     */
    public static String inert(String markdown) {
        Node document = PARSER.parse(markdown);
        List<Node> unsafe = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlInline html) {
                unsafe.add(html);
            }

            @Override
            public void visit(HtmlBlock html) {
                unsafe.add(html);
            }

            @Override
            public void visit(Link link) {
                if (!safeUrl(link.getDestination())) {
                    unsafe.add(link);
                }
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                if (!safeUrl(image.getDestination())) {
                    unsafe.add(image);
                }
                visitChildren(image);
            }
        });
        if (unsafe.isEmpty()) {
            return markdown;
        }
        for (Node node : unsafe) {
            switch (node) {
                case HtmlInline html -> html.insertBefore(new Text(html.getLiteral()));
                case HtmlBlock html -> {
                    Paragraph paragraph = new Paragraph();
                    paragraph.appendChild(new Text(html.getLiteral().strip()));
                    html.insertBefore(paragraph);
                }
                default -> {
                    for (Node child = node.getFirstChild(); child != null; ) {
                        Node next = child.getNext();
                        node.insertBefore(child);
                        child = next;
                    }
                }
            }
            node.unlink();
        }
        return RENDERER.render(document).strip();
    }

    private static boolean safeUrl(String url) {
        String scheme = url.strip().toLowerCase(Locale.ROOT);
        int colon = scheme.indexOf(':');
        int slash = scheme.indexOf('/');
        return colon < 0 || slash >= 0 && slash < colon || scheme.startsWith("http:") || scheme.startsWith("https:")
                || scheme.startsWith("mailto:");
    }

    /** Literal text that Markdown will show as typed. */
    public static String escape(String text) {
        String escaped = escapeInline(text);
        // a marker is escaped where CommonMark reads a backslash: before the symbol, or before an ordered list's
        // delimiter ("1984\." — a backslash before a digit would be shown as typed)
        return LINE_START.matcher(escaped).replaceAll(m -> m.group(2) != null
                ? "$1\\\\$2"
                : "$1$3\\\\$4");
    }

    /** Wraps text in emphasis markers, keeping surrounding spaces outside so the markers still count. */
    public static String emphasise(String markdown, boolean italic, boolean bold) {
        if (!italic && !bold || markdown.isBlank()) {
            return markdown;
        }
        String marker = (bold ? "**" : "") + (italic ? "*" : "");
        String core = markdown.strip();
        int start = markdown.indexOf(core);
        return markdown.substring(0, start) + marker + core + new StringBuilder(marker).reverse()
                + markdown.substring(start + core.length());
    }

    /** Whether a paragraph is a typed scene break such as {@code * * *}, {@code ***} or {@code #}. */
    public static boolean isSceneBreak(String paragraph) {
        return SCENE_BREAK.matcher(paragraph).matches();
    }
}
