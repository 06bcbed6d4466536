package com.authorworks.editor.internal.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import tools.jackson.databind.JsonNode;

/**
 * A scene's text in Plate's value (elements {@code p}, {@code h2}–{@code h6}, {@code blockquote},
 * {@code ul}/{@code ol} of {@code li}, {@code hr}, {@code code_block}, inline {@code a}; marks
 * {@code bold}, {@code italic}, {@code code}) and back to the HTML content keeps (publishing's prose
 * allow-list) and to Markdown. Content sanitises whatever is written back; this only maps shapes.
 */
public final class PlateText {

    private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "hr", "pre");

    private PlateText() {
    }

    /** Plate's value for content's HTML: a list of block elements (one empty paragraph for no text). */
    public static List<Map<String, Object>> fromHtml(String html) {
        Element body = Jsoup.parseBodyFragment(html == null ? "" : html).body();
        List<Map<String, Object>> blocks = new ArrayList<>();
        List<Node> loose = new ArrayList<>();
        for (Node node : body.childNodes()) {
            if (node instanceof Element element && BLOCKS.contains(element.tagName())) {
                flushLoose(loose, blocks);
                blocks.add(block(element));
            } else {
                loose.add(node);
            }
        }
        flushLoose(loose, blocks);
        if (blocks.isEmpty()) {
            blocks.add(element("p", List.of(text("", Map.of()))));
        }
        return blocks;
    }

    private static void flushLoose(List<Node> loose, List<Map<String, Object>> blocks) {
        if (loose.isEmpty()) {
            return;
        }
        List<Map<String, Object>> children = new ArrayList<>();
        for (Node node : loose) {
            inline(node, Map.of(), children);
        }
        loose.clear();
        if (children.stream().anyMatch(child -> !"".equals(String.valueOf(child.get("text")).strip()) || child.containsKey("type"))) {
            blocks.add(element("p", children));
        }
    }

    private static Map<String, Object> block(Element element) {
        String tag = element.tagName();
        return switch (tag) {
            case "ul", "ol" -> {
                List<Map<String, Object>> items = new ArrayList<>();
                for (Element child : element.children()) {
                    items.add(element("li", inlines(child)));
                }
                if (items.isEmpty()) {
                    items.add(element("li", List.of(text("", Map.of()))));
                }
                yield element(tag, items);
            }
            case "hr" -> element("hr", List.of(text("", Map.of())));
            case "pre" -> element("code_block", List.of(text(element.wholeText(), Map.of())));
            case "li" -> element("li", inlines(element));
            default -> element(tag, inlines(element));
        };
    }

    private static List<Map<String, Object>> inlines(Element element) {
        List<Map<String, Object>> children = new ArrayList<>();
        for (Node node : element.childNodes()) {
            inline(node, Map.of(), children);
        }
        if (children.isEmpty()) {
            children.add(text("", Map.of()));
        }
        return children;
    }

    private static void inline(Node node, Map<String, Object> marks, List<Map<String, Object>> out) {
        if (node instanceof TextNode text) {
            if (!text.getWholeText().isEmpty()) {
                out.add(text(text.getWholeText(), marks));
            }
            return;
        }
        if (!(node instanceof Element element)) {
            return;
        }
        Map<String, Object> inner = new LinkedHashMap<>(marks);
        switch (element.tagName()) {
            case "strong", "b" -> inner.put("bold", true);
            case "em", "i" -> inner.put("italic", true);
            case "code" -> inner.put("code", true);
            case "br" -> {
                out.add(text("\n", marks));
                return;
            }
            case "a" -> {
                List<Map<String, Object>> children = new ArrayList<>();
                for (Node child : element.childNodes()) {
                    inline(child, marks, children);
                }
                Map<String, Object> link = element("a", children.isEmpty() ? List.of(text("", marks)) : children);
                link.put("url", element.attr("href"));
                out.add(link);
                return;
            }
            default -> {
                // any other element: its text, as content would keep it
            }
        }
        for (Node child : element.childNodes()) {
            inline(child, inner, out);
        }
    }

    private static Map<String, Object> element(String type, List<Map<String, Object>> children) {
        Map<String, Object> element = new LinkedHashMap<>();
        element.put("type", type);
        element.put("children", children);
        return element;
    }

    private static Map<String, Object> text(String text, Map<String, Object> marks) {
        Map<String, Object> leaf = new LinkedHashMap<>(marks);
        leaf.put("text", text);
        return leaf;
    }

    /** HTML of a Plate value (a JSON array of nodes). */
    public static String toHtml(JsonNode value) {
        StringBuilder html = new StringBuilder();
        for (JsonNode node : value) {
            blockHtml(node, html);
        }
        return html.toString();
    }

    private static void blockHtml(JsonNode node, StringBuilder html) {
        if (node.has("text")) {
            html.append("<p>");
            leafHtml(node, html);
            html.append("</p>");
            return;
        }
        String type = node.path("type").asString("p");
        switch (type) {
            case "hr" -> html.append("<hr>");
            case "code_block" -> html.append("<pre>").append(Entities.escape(plain(node))).append("</pre>");
            case "ul", "ol" -> {
                html.append('<').append(type).append('>');
                for (JsonNode item : node.path("children")) {
                    html.append("<li>");
                    childrenHtml(item.has("text") ? List.of(item) : item.path("children"), html);
                    html.append("</li>");
                }
                html.append("</").append(type).append('>');
            }
            default -> {
                String tag = switch (type) {
                    case "h1", "h2" -> "h2";
                    case "h3", "h4", "h5", "h6", "blockquote" -> type;
                    default -> "p";
                };
                html.append('<').append(tag).append('>');
                childrenHtml(node.path("children"), html);
                html.append("</").append(tag).append('>');
            }
        }
    }

    private static void childrenHtml(Iterable<JsonNode> children, StringBuilder html) {
        for (JsonNode child : children) {
            if (child.has("text")) {
                leafHtml(child, html);
            } else if ("a".equals(child.path("type").asString()) && safeUrl(child.path("url").asString(""))) {
                html.append("<a href=\"").append(Entities.escape(child.path("url").asString(""))).append("\">");
                childrenHtml(child.path("children"), html);
                html.append("</a>");
            } else {
                childrenHtml(child.path("children"), html);
            }
        }
    }

    private static void leafHtml(JsonNode leaf, StringBuilder html) {
        String text = Entities.escape(leaf.path("text").asString("")).replace("\n", "<br>");
        if (leaf.path("code").asBoolean(false)) {
            text = "<code>" + text + "</code>";
        }
        if (leaf.path("italic").asBoolean(false)) {
            text = "<em>" + text + "</em>";
        }
        if (leaf.path("bold").asBoolean(false)) {
            text = "<strong>" + text + "</strong>";
        }
        html.append(text);
    }

    /** Markdown of a Plate value. */
    public static String toMarkdown(JsonNode value) {
        List<String> blocks = new ArrayList<>();
        for (JsonNode node : value) {
            String type = node.has("text") ? "p" : node.path("type").asString("p");
            blocks.add(switch (type) {
                case "h1", "h2", "h3", "h4", "h5", "h6" -> "#".repeat(type.charAt(1) - '0') + " " + inlineMarkdown(node.path("children"));
                case "blockquote" -> "> " + inlineMarkdown(node.path("children")).replace("\n", "\n> ");
                case "hr" -> "---";
                case "code_block" -> "```\n" + plain(node) + "\n```";
                case "ul", "ol" -> {
                    StringBuilder list = new StringBuilder();
                    int n = 1;
                    for (JsonNode item : node.path("children")) {
                        if (!list.isEmpty()) {
                            list.append('\n');
                        }
                        list.append(type.equals("ul") ? "- " : n++ + ". ")
                                .append(inlineMarkdown(item.has("text") ? List.of(item) : item.path("children")));
                    }
                    yield list.toString();
                }
                default -> node.has("text") ? inlineMarkdown(List.of(node)) : inlineMarkdown(node.path("children"));
            });
        }
        return String.join("\n\n", blocks) + (blocks.isEmpty() ? "" : "\n");
    }

    private static String inlineMarkdown(Iterable<JsonNode> children) {
        StringBuilder md = new StringBuilder();
        for (JsonNode child : children) {
            if (child.has("text")) {
                String text = child.path("text").asString("");
                if (child.path("code").asBoolean(false)) {
                    text = "`" + text + "`";
                } else {
                    text = text.replaceAll("([\\\\`*_\\[\\]#])", "\\\\$1")
                            .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
                }
                if (child.path("italic").asBoolean(false) && !text.isBlank()) {
                    text = "*" + text + "*";
                }
                if (child.path("bold").asBoolean(false) && !text.isBlank()) {
                    text = "**" + text + "**";
                }
                md.append(text);
            } else if ("a".equals(child.path("type").asString()) && safeUrl(child.path("url").asString(""))) {
                md.append('[').append(inlineMarkdown(child.path("children"))).append("](").append(child.path("url").asString("")).append(')');
            } else {
                md.append(inlineMarkdown(child.path("children")));
            }
        }
        return md.toString();
    }

    /** A link's address as content's allow-list keeps it: http(s) or mailto, never {@code javascript:} and the like. */
    private static boolean safeUrl(String url) {
        String lower = url.strip().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:");
    }

    private static String plain(JsonNode node) {
        if (node.has("text")) {
            return node.path("text").asString("");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode child : node.path("children")) {
            text.append(plain(child));
        }
        return text.toString();
    }
}
