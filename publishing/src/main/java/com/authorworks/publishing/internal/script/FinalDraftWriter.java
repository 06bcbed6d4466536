package com.authorworks.publishing.internal.script;

import com.authorworks.publishing.Chapter;
import com.authorworks.publishing.ExportOptions;
import com.authorworks.publishing.Format;
import com.authorworks.publishing.Manuscript;
import com.authorworks.publishing.ManuscriptWriter;
import com.authorworks.publishing.Scene;
import com.authorworks.publishing.UnsupportedExportException;
import com.authorworks.publishing.internal.render.BookHtml;
import com.authorworks.publishing.internal.render.SampleNotice;
import java.io.IOException;
import java.io.OutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Final Draft (FDX, version 5 XML): the Fountain elements as typed paragraphs, plus a title page. */
public final class FinalDraftWriter implements ManuscriptWriter {

    @Override
    public Format format() {
        return Format.FDX;
    }

    @Override
    public void write(Manuscript manuscript, ExportOptions options, OutputStream out) throws IOException {
        if (!manuscript.form().isScript()) {
            throw new UnsupportedExportException(Format.FDX, manuscript.form());
        }
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("FinalDraft");
            xml.writeAttribute("DocumentType", "Script");
            xml.writeAttribute("Template", "No");
            xml.writeAttribute("Version", "5");
            xml.writeStartElement("Content");
            if (manuscript.sampleText()) {
                paragraph(xml, "General", "Center", SampleNotice.TEXT);
            }
            for (int c = 0; c < manuscript.chapters().size(); c++) {
                Chapter chapter = manuscript.chapters().get(c);
                if (manuscript.chapters().size() > 1 || !chapter.title().isEmpty()) {
                    paragraph(xml, "General", "Center", BookHtml.chapterTitle(chapter, c).toUpperCase());
                }
                for (Scene scene : chapter.scenes()) {
                    for (ScriptElement element : Fountain.parse(scene.body())) {
                        switch (element.type()) {
                            case PAGE_BREAK -> { }
                            case CENTERED -> paragraph(xml, "Action", "Center", element.text());
                            default -> paragraph(xml, element.type().finalDraftType(), null, element.text());
                        }
                    }
                }
            }
            xml.writeEndElement();
            xml.writeStartElement("TitlePage");
            xml.writeStartElement("Content");
            paragraph(xml, null, "Center", manuscript.title().toUpperCase());
            paragraph(xml, null, "Center", "Written by");
            paragraph(xml, null, "Center", manuscript.author());
            paragraph(xml, null, "Left", manuscript.rightsLine());
            if (manuscript.sampleText()) {
                paragraph(xml, null, "Center", SampleNotice.TEXT);
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write Final Draft XML", e);
        }
    }

    private static void paragraph(XMLStreamWriter xml, String type, String alignment, String text)
            throws XMLStreamException {
        xml.writeStartElement("Paragraph");
        if (type != null) {
            xml.writeAttribute("Type", type);
        }
        if (alignment != null) {
            xml.writeAttribute("Alignment", alignment);
        }
        xml.writeStartElement("Text");
        xml.writeCharacters(text);
        xml.writeEndElement();
        xml.writeEndElement();
    }
}
