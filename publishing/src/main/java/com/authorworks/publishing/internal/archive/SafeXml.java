package com.authorworks.publishing.internal.archive;

import com.authorworks.publishing.ImportException;
import com.authorworks.publishing.ImportException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/** XML parsing for untrusted files: no DOCTYPE at all, so no external entities (XXE) and no entity expansion. */
public final class SafeXml {

    private SafeXml() {
    }

    public static Document parse(byte[] xml, String what) {
        try {
            // the JDK parser, whatever XML library is on the class path: its security attributes are known to work
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // fatal errors throw, nothing printed
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            boolean doctype = e.getMessage() != null && e.getMessage().contains("DOCTYPE");
            throw new ImportException(doctype ? Reason.UNSAFE_CONTENT : Reason.MALFORMED, doctype
                    ? "The " + what + " declares a DOCTYPE (entities are not allowed in uploads); it was refused."
                    : "The " + what + " is not well-formed XML.", e);
        } catch (IOException | ParserConfigurationException e) {
            throw new ImportException(Reason.MALFORMED, "The " + what + " could not be read.", e);
        }
    }
}
