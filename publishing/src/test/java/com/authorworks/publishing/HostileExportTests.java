package com.authorworks.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every export format against the same hostile book: whatever the author typed into titles, author, description
 * or text stays text in the output, and a reader that renders the file (a browser, pandoc, a Fountain or e-book
 * app) runs none of it.
 */
class HostileExportTests {

    static final String TITLE = "<img src=x onerror=alert(4)>";
    static final String SUBTITLE = "<script>alert(5)</script>";
    static final String AUTHOR = "</title><svg onload=alert(6)> & ]]>";
    static final String DESCRIPTION = "[x](javascript:alert(7)) <b onclick=alert(8)>b</b>\n# heading\nINT. INJECTED - NIGHT";
    static final String CHAPTER = "<iframe src=javascript:alert(9)></iframe>";
    static final String SCENE = "<a href=\"javascript:alert(10)\">go</a>";
    static final String PROSE = """
            <img src=x onerror=alert(11)>

            [click](javascript:alert(12)) and ![pic](javascript:alert(13))

            <script>alert(14)</script>

            Plain words at the end.""";
    static final String SCRIPT = """
            INT. KITCHEN - NIGHT

            A note reads <img src=x onerror=alert(11)> and <script>alert(14)</script>.

            MARA
            Plain words at the end.""";

    static Manuscript book(Format format) {
        boolean script = format == Format.FOUNTAIN || format == Format.FDX;
        return new Manuscript(TITLE, SUBTITLE, AUTHOR, "en", script ? Form.SCREENPLAY : Form.NOVEL, null, DESCRIPTION,
                null, List.of(new Chapter(CHAPTER, List.of(new Scene(SCENE, script ? SCRIPT : PROSE)))), false);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void whatTheAuthorTypedStaysText(Format format) throws Exception {
        byte[] export = Manuscripts.export(book(format), format);
        List<String> renderedHtml = new ArrayList<>();
        String text;
        switch (format) {
            case MARKDOWN -> {
                String markdown = new String(export, StandardCharsets.UTF_8);
                assertThat(markdown).doesNotContain(TITLE).doesNotContain(CHAPTER).doesNotContain("<script>");
                // as a renderer that passes raw HTML through (pandoc, most Markdown viewers) shows it
                Parser parser = Parser.builder().extensions(List.of(YamlFrontMatterExtension.create())).build();
                HtmlRenderer permissive = HtmlRenderer.builder().build();
                var document = parser.parse(markdown);
                renderedHtml.add(permissive.render(document));
                YamlFrontMatterVisitor metadata = new YamlFrontMatterVisitor();
                document.accept(metadata);
                metadata.getData().values().forEach(v -> renderedHtml.add(permissive.render(parser.parse(String.join(" ", v)))));
                text = Jsoup.parse(String.join("", renderedHtml)).text();
            }
            case HTML -> {
                renderedHtml.add(new String(export, StandardCharsets.UTF_8));
                text = Jsoup.parse(renderedHtml.getFirst()).text() + Jsoup.parse(renderedHtml.getFirst()).title();
            }
            case EPUB -> {
                StringBuilder all = new StringBuilder();
                unzip(export).forEach((name, content) -> {
                    if (name.endsWith(".xhtml") || name.endsWith(".opf") || name.endsWith(".ncx")) {
                        String xml = new String(content, StandardCharsets.UTF_8);
                        assertThat(parsesAsXml(content)).as(name).isTrue();
                        renderedHtml.add(xml);
                        all.append(Jsoup.parse(xml, "", org.jsoup.parser.Parser.xmlParser()).text()).append(' ');
                    }
                });
                text = all.toString();
            }
            case PDF -> {
                try (PDDocument pdf = Loader.loadPDF(export)) {
                    text = new PDFTextStripper().getText(pdf) + " " + pdf.getDocumentInformation().getTitle() + " "
                            + pdf.getDocumentInformation().getAuthor();
                }
            }
            case DOCX -> {
                unzip(export).forEach((name, content) -> {
                    if (name.endsWith(".xml")) {
                        assertThat(parsesAsXml(content)).as(name).isTrue();
                    }
                });
                try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(export));
                        XWPFWordExtractor extractor = new XWPFWordExtractor(docx)) {
                    text = extractor.getText() + " " + docx.getProperties().getCoreProperties().getTitle() + " "
                            + docx.getProperties().getCoreProperties().getCreator();
                }
            }
            case FOUNTAIN -> {
                String fountain = new String(export, StandardCharsets.UTF_8);
                // the title page is one key per line: nothing the author typed starts a key or a scene of its own
                String titlePage = fountain.substring(0, fountain.indexOf("\n\n"));
                assertThat(titlePage.lines()).allMatch(line -> line.matches("(Title|Credit|Author|Copyright|Notes): .*"));
                assertThat(fountain).doesNotContain("\nINT. INJECTED");
                // Fountain escapes with a backslash (fountain-js, afterwriting): no tag reaches an HTML view
                assertThat(fountain).doesNotContainPattern("(?<!\\\\)<[a-zA-Z/!]");
                assertThat(fountain).contains("Title: \\<img src=x onerror=alert(4)\\>");
                text = fountain;
            }
            case FDX -> {
                assertThat(parsesAsXml(export)).isTrue();
                var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new ByteArrayInputStream(export));
                text = document.getDocumentElement().getTextContent();
            }
            default -> throw new IllegalStateException(format.name());
        }
        for (String html : renderedHtml) {
            Document document = Jsoup.parse(html);
            assertThat(document.select("script, img:not([src^=images/]), svg, iframe, b, object, embed")).as(format + ": elements").isEmpty();
            assertThat(document.select("[onerror], [onload], [onclick]")).as(format + ": handlers").isEmpty();
            assertThat(document.select("[href^=javascript], [src^=javascript]")).as(format + ": links").isEmpty();
        }
        if (format != Format.FOUNTAIN) {
            // ...and still says what the author wrote, as text
            assertThat(text).as(format + ": title").containsIgnoringCase(TITLE);
            assertThat(text).as(format + ": body").contains("Plain words at the end.");
        }
        if (format != Format.FOUNTAIN && format != Format.FDX && format != Format.PDF) {
            assertThat(text).as(format + ": chapter title").contains(CHAPTER);
        }
    }

    private static boolean parsesAsXml(byte[] content) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static Map<String, byte[]> unzip(byte[] zip) {
        return Manuscripts.unzip(zip);
    }
}
