package com.authorworks.publishing.internal.epub;

import com.authorworks.publishing.Cover;
import com.authorworks.publishing.ExportOptions;
import com.authorworks.publishing.Format;
import com.authorworks.publishing.Manuscript;
import com.authorworks.publishing.ManuscriptWriter;
import com.authorworks.publishing.internal.cover.GeneratedCover;
import com.authorworks.publishing.internal.render.BookHtml;
import com.authorworks.publishing.internal.render.Resources;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * EPUB 3: cover, title page, copyright page, navigation document and one XHTML file per chapter, with an
 * embedded style sheet, a unique identifier and {@code dcterms:modified}.
 */
public final class EpubWriter implements ManuscriptWriter {

    private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    private static final String OPS_NS = "http://www.idpf.org/2007/ops";
    private static final String OPF_NS = "http://www.idpf.org/2007/opf";
    private static final String DC_NS = "http://purl.org/dc/elements/1.1/";

    /** A content document in the package: file name, manifest id, properties, bytes. */
    private record Item(String href, String id, String mediaType, String properties, byte[] content) {
    }

    @Override
    public Format format() {
        return Format.EPUB;
    }

    @Override
    public void write(Manuscript manuscript, ExportOptions options, OutputStream out) throws IOException {
        Cover cover = GeneratedCover.of(manuscript);
        String coverHref = "images/cover." + cover.extension();
        List<Item> spine = new ArrayList<>();
        spine.add(page(manuscript, "cover.xhtml", "cover", "Cover", body -> {
            Element section = body.appendElement("section").addClass("cover").attr("epub:type", "cover");
            section.appendElement("img").attr("src", coverHref).attr("alt", "Cover of " + manuscript.title());
        }));
        spine.add(page(manuscript, "title.xhtml", "title-page", manuscript.title(),
                body -> BookHtml.titlePage(manuscript, body)));
        spine.add(page(manuscript, "copyright.xhtml", "copyright", "Copyright",
                body -> BookHtml.copyrightPage(manuscript, body)));
        Item nav = page(manuscript, "nav.xhtml", "nav", "Contents", body -> navigation(manuscript, body));
        spine.add(new Item(nav.href(), nav.id(), nav.mediaType(), "nav", nav.content()));
        for (int i = 0; i < manuscript.chapters().size(); i++) {
            int index = i;
            spine.add(page(manuscript, BookHtml.chapterId(i) + ".xhtml", BookHtml.chapterId(i),
                    BookHtml.chapterTitle(manuscript.chapters().get(i), i),
                    body -> BookHtml.chapter(manuscript, index, body)));
        }
        List<Item> resources = List.of(
                new Item("style.css", "style", "text/css", null,
                        Resources.bookCss().getBytes(StandardCharsets.UTF_8)),
                new Item(coverHref, "cover-image", cover.mediaType(), "cover-image", cover.image()));

        ZipOutputStream zip = new ZipOutputStream(out);
        storedMimetype(zip);
        entry(zip, "META-INF/container.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
                  <rootfiles>
                    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
                  </rootfiles>
                </container>
                """.getBytes(StandardCharsets.UTF_8));
        entry(zip, "EPUB/package.opf", packageDocument(manuscript, options, spine, resources));
        for (Item item : resources) {
            entry(zip, "EPUB/" + item.href(), item.content());
        }
        for (Item item : spine) {
            entry(zip, "EPUB/" + item.href(), item.content());
        }
        zip.finish();
    }

    private static void navigation(Manuscript manuscript, Element body) {
        Element toc = body.appendElement("nav").attr("epub:type", "toc").attr("id", "toc");
        toc.appendElement("h1").text("Contents");
        Element list = toc.appendElement("ol");
        list.appendElement("li").appendElement("a").attr("href", "title.xhtml").text("Title Page");
        for (int i = 0; i < manuscript.chapters().size(); i++) {
            list.appendElement("li").appendElement("a").attr("href", BookHtml.chapterId(i) + ".xhtml")
                    .text(BookHtml.chapterTitle(manuscript.chapters().get(i), i));
        }
        Element landmarks = body.appendElement("nav").attr("epub:type", "landmarks").attr("id", "landmarks")
                .attr("hidden", "hidden");
        Element marks = landmarks.appendElement("ol");
        marks.appendElement("li").appendElement("a").attr("epub:type", "cover").attr("href", "cover.xhtml")
                .text("Cover");
        marks.appendElement("li").appendElement("a").attr("epub:type", "toc").attr("href", "nav.xhtml#toc")
                .text("Contents");
        String start = manuscript.chapters().isEmpty() ? "title.xhtml" : BookHtml.chapterId(0) + ".xhtml";
        marks.appendElement("li").appendElement("a").attr("epub:type", "bodymatter").attr("href", start)
                .text("Start");
    }

    private static Item page(Manuscript manuscript, String href, String id, String title, Consumer<Element> body) {
        Document document = BookHtml.shell(manuscript, title, null);
        document.outputSettings().syntax(Document.OutputSettings.Syntax.xml)
                .escapeMode(Entities.EscapeMode.xhtml).prettyPrint(false);
        document.selectFirst("html").attr("xmlns", XHTML_NS).attr("xmlns:epub", OPS_NS)
                .attr("xml:lang", manuscript.language());
        document.head().appendElement("link").attr("rel", "stylesheet").attr("type", "text/css")
                .attr("href", "style.css");
        body.accept(document.body());
        String xhtml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
                + document.selectFirst("html").outerHtml();
        return new Item(href, id, "application/xhtml+xml", null, xhtml.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] packageDocument(Manuscript manuscript, ExportOptions options, List<Item> spine,
            List<Item> resources) {
        String identifier = options.identifier() != null ? options.identifier() : "urn:uuid:" + UUID
                .nameUUIDFromBytes((manuscript.title() + "\n" + manuscript.author()).getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(buffer, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("package");
            xml.writeDefaultNamespace(OPF_NS);
            xml.writeAttribute("version", "3.0");
            xml.writeAttribute("unique-identifier", "book-id");
            xml.writeAttribute("xml:lang", manuscript.language());
            xml.writeStartElement("metadata");
            xml.writeNamespace("dc", DC_NS);
            dc(xml, "identifier", identifier, "book-id");
            dc(xml, "title", manuscript.title(), null);
            dc(xml, "creator", manuscript.author(), null);
            dc(xml, "language", manuscript.language(), null);
            dc(xml, "rights", manuscript.rightsLine(), null);
            if (manuscript.description() != null) {
                dc(xml, "description", manuscript.description(), null);
            }
            xml.writeStartElement("meta");
            xml.writeAttribute("property", "dcterms:modified");
            xml.writeCharacters(DateTimeFormatter.ISO_INSTANT.format(options.modified()));
            xml.writeEndElement();
            xml.writeEmptyElement("meta");
            xml.writeAttribute("name", "cover");
            xml.writeAttribute("content", "cover-image");
            xml.writeEndElement();
            xml.writeStartElement("manifest");
            for (Item item : resources) {
                manifestItem(xml, item);
            }
            for (Item item : spine) {
                manifestItem(xml, item);
            }
            xml.writeEndElement();
            xml.writeStartElement("spine");
            for (Item item : spine) {
                xml.writeEmptyElement("itemref");
                xml.writeAttribute("idref", item.id());
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the EPUB package document", e);
        }
        return buffer.toByteArray();
    }

    private static void dc(XMLStreamWriter xml, String name, String value, String id) throws XMLStreamException {
        xml.writeStartElement("dc", name, DC_NS);
        if (id != null) {
            xml.writeAttribute("id", id);
        }
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void manifestItem(XMLStreamWriter xml, Item item) throws XMLStreamException {
        xml.writeEmptyElement("item");
        xml.writeAttribute("id", item.id());
        xml.writeAttribute("href", item.href());
        xml.writeAttribute("media-type", item.mediaType());
        if (item.properties() != null) {
            xml.writeAttribute("properties", item.properties());
        }
    }

    /** The OCF rule: "mimetype" first, stored uncompressed, so readers can sniff the type. */
    private static void storedMimetype(ZipOutputStream zip) throws IOException {
        byte[] content = "application/epub+zip".getBytes(StandardCharsets.US_ASCII);
        ZipEntry entry = new ZipEntry("mimetype");
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
