package com.authorworks.publishing.internal.epub;

import com.authorworks.publishing.Chapter;
import com.authorworks.publishing.Form;
import com.authorworks.publishing.Format;
import com.authorworks.publishing.ImportException;
import com.authorworks.publishing.ImportException.Reason;
import com.authorworks.publishing.ImportLimits;
import com.authorworks.publishing.Manuscript;
import com.authorworks.publishing.ManuscriptImporter;
import com.authorworks.publishing.Scene;
import com.authorworks.publishing.internal.archive.SafeXml;
import com.authorworks.publishing.internal.archive.SafeZip;
import com.authorworks.publishing.internal.markdown.MarkdownText;
import com.authorworks.publishing.internal.render.SampleNotice;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.w3c.dom.NodeList;

/**
 * EPUB (2 or 3) to a manuscript: title, author, language, rights and description from the OPF metadata; every
 * XHTML document of the spine, in order, becomes a chapter titled by its first heading. Cover, title page,
 * copyright page and navigation are recognised by their {@code epub:type} and skipped.
 */
public final class EpubImporter implements ManuscriptImporter {

    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final Set<String> FRONT_MATTER = Set.of("cover", "titlepage", "halftitlepage", "copyright-page",
            "toc", "landmarks", "imprint", "frontmatter");

    private record Item(String path, String mediaType, String properties) {
    }

    @Override
    public Format format() {
        return Format.EPUB;
    }

    @Override
    public Manuscript read(InputStream in, ImportLimits limits) {
        Map<String, byte[]> entries = SafeZip.entries(in, limits, "EPUB", EpubImporter::isMarkup);
        byte[] container = entries.get("META-INF/container.xml");
        if (container == null) {
            throw new ImportException(Reason.MALFORMED, "The file is not an EPUB (META-INF/container.xml is missing).");
        }
        NodeList rootfiles = SafeXml.parse(container, "EPUB container").getElementsByTagNameNS("*", "rootfile");
        String opfPath = rootfiles.getLength() == 0 ? null
                : ((org.w3c.dom.Element) rootfiles.item(0)).getAttribute("full-path");
        byte[] opf = opfPath == null ? null : entries.get(opfPath);
        if (opf == null) {
            throw new ImportException(Reason.MALFORMED, "The EPUB has no package document.");
        }
        org.w3c.dom.Document pkg = SafeXml.parse(opf, "EPUB package document");
        Map<String, Item> manifest = new HashMap<>();
        NodeList items = pkg.getElementsByTagNameNS("*", "item");
        for (int i = 0; i < items.getLength(); i++) {
            var item = (org.w3c.dom.Element) items.item(i);
            manifest.put(item.getAttribute("id"), new Item(resolve(opfPath, item.getAttribute("href")),
                    item.getAttribute("media-type"), item.getAttribute("properties")));
        }
        boolean sample = false;
        List<Chapter> chapters = new ArrayList<>();
        NodeList spine = pkg.getElementsByTagNameNS("*", "itemref");
        for (int i = 0; i < spine.getLength(); i++) {
            Item item = manifest.get(((org.w3c.dom.Element) spine.item(i)).getAttribute("idref"));
            if (item == null || item.properties().contains("nav") || !item.mediaType().contains("html")) {
                continue;
            }
            byte[] content = entries.get(item.path());
            if (content == null) {
                throw new ImportException(Reason.MALFORMED, "The EPUB lists " + item.path() + " but lacks it.");
            }
            Document page = Jsoup.parse(new String(content, StandardCharsets.UTF_8), "", Parser.xmlParser());
            Element body = page.selectFirst("body");
            if (body == null) {
                continue;
            }
            for (Element notice : body.select(".sample-notice")) {
                sample = true;
                notice.remove();
            }
            if (body.text().contains(SampleNotice.TEXT)) {
                sample = true;
            }
            body.select("nav").remove();
            for (Element element : body.select("[epub:type]")) {
                if (FRONT_MATTER.stream().anyMatch(element.attr("epub:type").split("\\s+")[0]::equals)
                        || element.attr("epub:type").contains("frontmatter")) {
                    element.remove();
                }
            }
            if (body.text().isBlank()) {
                continue;
            }
            chapters.add(chapter(body));
        }
        if (chapters.isEmpty()) {
            throw new ImportException(Reason.MALFORMED, "The EPUB contains no readable text.");
        }
        return new Manuscript(dc(pkg, "title"), null, dc(pkg, "creator"), dc(pkg, "language"), Form.NOVEL,
                dc(pkg, "rights"), dc(pkg, "description"), null, chapters, sample);
    }

    /** The parts worth reading; images, fonts, styles and anything else are only counted. */
    private static boolean isMarkup(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".xml") || lower.endsWith(".opf") || lower.endsWith(".xhtml") || lower.endsWith(".html")
                || lower.endsWith(".htm") || lower.endsWith(".ncx");
    }

    private static String dc(org.w3c.dom.Document pkg, String name) {
        NodeList nodes = pkg.getElementsByTagNameNS(DC, name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }

    /** An href relative to the package document, as a path inside the archive. */
    private static String resolve(String opfPath, String href) {
        try {
            String base = opfPath.contains("/") ? opfPath.substring(0, opfPath.lastIndexOf('/') + 1) : "";
            URI resolved = new URI(null, null, "/" + base, null).resolve(new URI(href.split("#")[0]));
            return resolved.getPath().substring(1);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new ImportException(Reason.MALFORMED, "The EPUB has a broken file reference: " + href, e);
        }
    }

    private static Chapter chapter(Element body) {
        Element heading = body.selectFirst("h1, h2, h3");
        String title = "";
        if (heading != null) {
            title = heading.text();
            heading.remove();
        }
        Scenes scenes = new Scenes();
        blocks(body, scenes, "");
        return new Chapter(title, scenes.finish());
    }

    /** Block elements to Markdown paragraphs, splitting scenes at breaks and scene titles. */
    private static void blocks(Element parent, Scenes scenes, String prefix) {
        for (Element element : parent.children()) {
            String tag = element.normalName();
            String text = element.text().strip();
            if (tag.equals("hr") || element.hasClass("scene-break")
                    || tag.equals("p") && !text.isEmpty() && MarkdownText.isSceneBreak(text)) {
                scenes.sceneBreak();
            } else if (tag.matches("h[1-6]") && (element.hasClass("scene-title") || tag.equals("h2"))) {
                scenes.title(text);
            } else if (tag.matches("h[1-6]")) {
                scenes.paragraph(prefix + "### " + inline(element));
            } else if (tag.equals("p")) {
                String markdown = inline(element);
                if (!markdown.isBlank()) {
                    scenes.paragraph(prefix + markdown);
                }
            } else if (tag.equals("blockquote")) {
                blocks(element, scenes, prefix + "> ");
            } else if (tag.equals("ul") || tag.equals("ol")) {
                int number = 1;
                for (Element item : element.children()) {
                    scenes.paragraph(prefix + (tag.equals("ul") ? "- " : number++ + ". ") + inline(item));
                }
            } else if (tag.equals("pre")) {
                scenes.paragraph(prefix + "```\n" + element.wholeText().strip() + "\n```");
            } else if (element.children().isEmpty() && !text.isEmpty()) {
                scenes.paragraph(prefix + inline(element));
            } else {
                blocks(element, scenes, prefix);
            }
        }
    }

    private static String inline(Element element) {
        StringBuilder markdown = new StringBuilder();
        for (Node node : element.childNodes()) {
            if (node instanceof TextNode text) {
                markdown.append(MarkdownText.escape(text.text().replaceAll("\\s+", " ")));
            } else if (node instanceof Element child) {
                String inner = inline(child);
                markdown.append(switch (child.normalName()) {
                    case "em", "i", "cite" -> MarkdownText.emphasise(inner, true, false);
                    case "strong", "b" -> MarkdownText.emphasise(inner, false, true);
                    case "br" -> "  \n";
                    default -> inner;
                });
            }
        }
        return markdown.toString().strip();
    }

    /** Scene bookkeeping while walking a chapter. */
    private static final class Scenes {
        private final List<Scene> scenes = new ArrayList<>();
        private final List<String> paragraphs = new ArrayList<>();
        private String title;

        void paragraph(String markdown) {
            paragraphs.add(markdown);
        }

        void title(String text) {
            if (title != null || !paragraphs.isEmpty()) {
                sceneBreak();
            }
            title = text;
        }

        void sceneBreak() {
            if (title != null || !paragraphs.isEmpty()) {
                scenes.add(new Scene(title, String.join("\n\n", paragraphs)));
            }
            title = null;
            paragraphs.clear();
        }

        List<Scene> finish() {
            sceneBreak();
            return scenes;
        }
    }
}
