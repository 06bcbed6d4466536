package com.authorworks.content.export;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Scene text between the content service's sanitised HTML and what publishing reads and writes:
 * Markdown for prose, plain Fountain lines for scripts. Only the elements {@code RichText} keeps
 * need handling.
 */
final class SceneText {

    private static final Parser MARKDOWN = Parser.builder().build();
    /** Raw HTML in an imported file is shown as text, never interpreted; unsafe link URLs are dropped. */
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    /** Characters that could start Markdown syntax anywhere in a line. */
    private static final Pattern INLINE_SYNTAX = Pattern.compile("([\\\\`*_\\[\\]<>#&|~!])");
    /** What would start a bullet list or a heading underline at the beginning of a line. */
    private static final Pattern LINE_START_MARK = Pattern.compile("(?m)^(\\s*)([-+=])");
    /** What would start an ordered list ("1." or "1)") at the beginning of a line. */
    private static final Pattern LINE_START_NUMBER = Pattern.compile("(?m)^(\\s*\\d+)([.)])");

    private SceneText() {
    }

    /** Sanitised scene HTML as Markdown: paragraphs, emphasis, headings, quotes, lists, breaks, rules, links. */
    static String markdown(String html) {
        List<String> blocks = new ArrayList<>();
        for (Node node : Jsoup.parseBodyFragment(html).body().childNodes()) {
            block(node, blocks);
        }
        return String.join("\n\n", blocks);
    }

    /** Sanitised scene HTML as plain text, one block per paragraph, for Fountain script scenes. */
    static String plain(String html) {
        List<String> blocks = new ArrayList<>();
        for (Node node : Jsoup.parseBodyFragment(html).body().childNodes()) {
            plainBlock(node, blocks);
        }
        return String.join("\n\n", blocks);
    }

    /** Imported Markdown as HTML, still to go through the content service's sanitiser. */
    static String html(String markdown) {
        return HTML.render(MARKDOWN.parse(markdown == null ? "" : markdown)).strip();
    }

    private static void block(Node node, List<String> blocks) {
        if (!(node instanceof Element element)) {
            String text = inline(List.of(node)).strip();
            if (!text.isEmpty()) {
                blocks.add(text);
            }
            return;
        }
        switch (element.tagName()) {
            case "h2", "h3", "h4" -> {
                String text = inline(element.childNodes()).replace("\\\n", " ").strip();
                if (!text.isEmpty()) {
                    blocks.add("#".repeat(element.tagName().charAt(1) - '0') + " " + text);
                }
            }
            case "hr" -> blocks.add("* * *");
            case "blockquote" -> {
                String inner = children(element);
                if (!inner.isEmpty()) {
                    blocks.add(inner.lines().map(line -> line.isEmpty() ? ">" : "> " + line)
                            .reduce((a, b) -> a + "\n" + b).orElse(""));
                }
            }
            case "ul", "ol" -> {
                List<String> items = new ArrayList<>();
                int n = 1;
                for (Element li : element.children()) {
                    String marker = element.tagName().equals("ol") ? (n++) + ". " : "- ";
                    String indent = " ".repeat(marker.length());
                    String item = children(li).replace("\n", "\n" + indent).replaceAll("(?m)^\\s+$", "");
                    items.add(marker + item);
                }
                if (!items.isEmpty()) {
                    blocks.add(String.join("\n", items));
                }
            }
            case "p", "li" -> {
                String text = inline(element.childNodes()).strip();
                if (!text.isEmpty()) {
                    blocks.add(text);
                }
            }
            default -> {
                String text = inline(List.of(element)).strip();
                if (!text.isEmpty()) {
                    blocks.add(text);
                }
            }
        }
    }

    /** The block children of a container (block quote, list item); loose inline text becomes a paragraph. */
    private static String children(Element container) {
        List<String> blocks = new ArrayList<>();
        List<Node> run = new ArrayList<>();
        for (Node child : container.childNodes()) {
            if (child instanceof Element e && isBlock(e)) {
                flushInline(run, blocks);
                block(e, blocks);
            } else {
                run.add(child);
            }
        }
        flushInline(run, blocks);
        return String.join("\n\n", blocks);
    }

    private static void flushInline(List<Node> run, List<String> blocks) {
        String text = inline(run).strip();
        if (!text.isEmpty()) {
            blocks.add(text);
        }
        run.clear();
    }

    private static boolean isBlock(Element e) {
        return switch (e.tagName()) {
            case "p", "h2", "h3", "h4", "blockquote", "ul", "ol", "li", "hr" -> true;
            default -> false;
        };
    }

    private static String inline(List<Node> nodes) {
        StringBuilder out = new StringBuilder();
        for (Node node : nodes) {
            if (node instanceof TextNode text) {
                out.append(escape(text.text()));
            } else if (node instanceof Element e) {
                switch (e.tagName()) {
                    case "br" -> out.append("\\\n");
                    case "em", "i" -> emphasis(out, inline(e.childNodes()), "*");
                    case "strong", "b" -> emphasis(out, inline(e.childNodes()), "**");
                    case "a" -> {
                        String label = inline(e.childNodes());
                        String href = e.attr("href");
                        if (href.startsWith("http://") || href.startsWith("https://")) {
                            out.append('[').append(label).append("](<")
                                    .append(href.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")).append(">)");
                        } else {
                            out.append(label);
                        }
                    }
                    default -> out.append(inline(e.childNodes()));
                }
            }
        }
        String marked = LINE_START_MARK.matcher(out).replaceAll("$1\\\\$2");
        return LINE_START_NUMBER.matcher(marked).replaceAll("$1\\\\$2");
    }

    /** Emphasis markers must touch the text, so surrounding spaces go outside them. */
    private static void emphasis(StringBuilder out, String text, String marker) {
        String inner = text.strip();
        if (inner.isEmpty()) {
            out.append(text);
            return;
        }
        if (Character.isWhitespace(text.charAt(0))) {
            out.append(' ');
        }
        out.append(marker).append(inner).append(marker);
        if (Character.isWhitespace(text.charAt(text.length() - 1))) {
            out.append(' ');
        }
    }

    private static String escape(String text) {
        return INLINE_SYNTAX.matcher(text).replaceAll("\\\\$1");
    }

    private static void plainBlock(Node node, List<String> blocks) {
        if (node instanceof Element element && isBlock(element) && !element.tagName().equals("hr")) {
            boolean hasBlocks = element.children().stream().anyMatch(SceneText::isBlock);
            if (hasBlocks) {
                for (Node child : element.childNodes()) {
                    plainBlock(child, blocks);
                }
                return;
            }
        }
        if (node instanceof Element element && element.tagName().equals("hr")) {
            return;
        }
        String text = plainInline(node).strip();
        if (!text.isEmpty()) {
            blocks.add(text);
        }
    }

    private static String plainInline(Node node) {
        if (node instanceof TextNode text) {
            return text.text();
        }
        if (node instanceof Element e) {
            if (e.tagName().equals("br")) {
                return "\n";
            }
            StringBuilder out = new StringBuilder();
            e.childNodes().forEach(child -> out.append(plainInline(child)));
            return out.toString().replaceAll(" *\n *", "\n");
        }
        return "";
    }
}
