package com.authorworks.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

class DocxExportTests {

    @Test
    void chaptersAreHeading1ParagraphsWithTheStyleDefined() throws IOException {
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(
                Manuscripts.export(Manuscripts.novel(), Format.DOCX)))) {
            assertThat(docx.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
            assertThat(docx.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyleID()))
                    .map(XWPFParagraph::getText)).containsExactly("The Harbour", "Fog", "The Crossing");
            assertThat(docx.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyleID()))
                    .allMatch(XWPFParagraph::isPageBreak)).isTrue();
            assertThat(docx.getParagraphs().stream().filter(p -> "Heading2".equals(p.getStyleID()))
                    .map(XWPFParagraph::getText)).containsExactly("Below the Tower");
            assertThat(docx.getProperties().getCoreProperties().getCreator()).isEqualTo("Ada Writer");
        }
    }

    @Test
    void emphasisBecomesItalicAndBoldRuns() throws IOException {
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(
                Manuscripts.export(Manuscripts.novel(), Format.DOCX)))) {
            XWPFParagraph first = docx.getParagraphs().stream()
                    .filter(p -> p.getText().startsWith("The boats came in")).findFirst().orElseThrow();
            assertThat(first.getRuns()).anyMatch(r -> r.isItalic() && r.text().equals("late"));
            assertThat(first.getRuns()).anyMatch(r -> r.isBold() && r.text().equals("salt"));
        }
    }
}
