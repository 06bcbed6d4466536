package com.authorworks.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfExportTests {

    @Test
    void pagesHaveTheDefaultSixByNineTrimSize() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(Manuscripts.export(Manuscripts.novel(), Format.PDF))) {
            for (PDPage page : pdf.getPages()) {
                PDRectangle box = page.getMediaBox();
                assertThat(box.getWidth()).isCloseTo(6 * 72f, org.assertj.core.data.Offset.offset(0.5f));
                assertThat(box.getHeight()).isCloseTo(9 * 72f, org.assertj.core.data.Offset.offset(0.5f));
            }
        }
    }

    @Test
    void trimSizeIsConfigurable() throws IOException {
        ExportOptions a5 = ExportOptions.defaults().withTrimSize(TrimSize.A5);
        try (PDDocument pdf = Loader.loadPDF(Manuscripts.export(Manuscripts.novel(), Format.PDF, a5))) {
            PDRectangle box = pdf.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isCloseTo(148 * 72 / 25.4f, org.assertj.core.data.Offset.offset(0.5f));
            assertThat(box.getHeight()).isCloseTo(210 * 72 / 25.4f, org.assertj.core.data.Offset.offset(0.5f));
        }
    }

    @Test
    void everyFontOnEveryPageIsEmbedded() throws IOException {
        for (Manuscript manuscript : List.of(Manuscripts.novel(), Manuscripts.screenplay())) {
            try (PDDocument pdf = Loader.loadPDF(Manuscripts.export(manuscript, Format.PDF))) {
                int fonts = 0;
                for (PDPage page : pdf.getPages()) {
                    PDResources resources = page.getResources();
                    for (COSName name : resources.getFontNames()) {
                        PDFont font = resources.getFont(name);
                        assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                        fonts++;
                    }
                }
                assertThat(fonts).isPositive();
            }
        }
    }

    @Test
    void hasCoverTitleCopyrightContentsAndChaptersOnRightHandPages() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(Manuscripts.export(Manuscripts.novel(), Format.PDF))) {
            List<String> pages = pageTexts(pdf);
            // cover, blank verso, title, copyright, contents (recto), blank, then 3 chapters each on a recto
            assertThat(pages.size()).isBetween(9, 20);
            var firstPage = pdf.getPage(0).getResources();
            assertThat(firstPage.getXObjectNames()).as("cover image on the first page")
                    .anyMatch(name -> isImage(firstPage, name));
            int title = indexOf(pages, "A Novel of the Coast");
            assertThat(title % 2).as("title page on a recto (odd page number)").isEqualTo(0);
            assertThat(pages.get(title + 1)).contains("© 2026 Ada Writer");
            int contents = indexOf(pages, "Contents");
            for (String chapter : List.of("The Harbour", "Fog", "The Crossing")) {
                int page = indexOfAfter(pages, chapter, contents);
                assertThat(page % 2).as(chapter + " starts on a recto").isEqualTo(0);
                assertThat(pages.get(contents)).containsPattern(chapter + "[ .]*" + (page + 1));
            }
            assertThat(pages.get(indexOfAfter(pages, "Fog", contents))).contains("<script>alert('x')<");
        }
    }

    @Test
    void pageNumbersAreInTheFooterOfBodyPages() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(Manuscripts.export(Manuscripts.novel(), Format.PDF))) {
            List<String> pages = pageTexts(pdf);
            int chapter = indexOfAfter(pages, "The Harbour", indexOf(pages, "Contents"));
            assertThat(pages.get(chapter).strip()).endsWith(String.valueOf(chapter + 1));
        }
    }

    @Test
    void marginsAreMirroredWithTheWiderMarginOnTheBindingSide() throws IOException {
        String paragraphs = "Paragraph of a long chapter that runs over several pages. ".repeat(12) + "\n\n";
        Manuscript longChapter = new Manuscript("Long", null, "A", "en", Form.NOVEL, null, null, null,
                List.of(new Chapter("Endless", List.of(Scene.of(paragraphs.repeat(30))))), false);
        try (PDDocument pdf = Loader.loadPDF(Manuscripts.export(longChapter, Format.PDF))) {
            List<String> pages = pageTexts(pdf);
            int recto = indexOfAfter(pages, "Endless", indexOf(pages, "Contents"));
            int verso = recto + 1;
            assertThat(pages.get(verso)).contains("Paragraph of a long chapter");
            float pageWidth = pdf.getPage(recto).getMediaBox().getWidth();
            float rectoLeft = leftmostText(pdf, recto);
            float versoLeft = leftmostText(pdf, verso);
            // on a right-hand page the binding is on the left, so its text starts further from the left edge
            assertThat(rectoLeft).isGreaterThan(versoLeft + 10);
            assertThat(rectoLeft).isLessThan(pageWidth / 4);
        }
    }

    private static boolean isImage(PDResources resources, COSName name) {
        try {
            return resources.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static float leftmostText(PDDocument pdf, int pageIndex) throws IOException {
        float[] left = {Float.MAX_VALUE};
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) {
                positions.forEach(p -> left[0] = Math.min(left[0], p.getXDirAdj()));
            }
        };
        stripper.setStartPage(pageIndex + 1);
        stripper.setEndPage(pageIndex + 1);
        stripper.getText(pdf);
        return left[0];
    }

    private static List<String> pageTexts(PDDocument pdf) throws IOException {
        List<String> pages = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        for (int i = 1; i <= pdf.getNumberOfPages(); i++) {
            stripper.setStartPage(i);
            stripper.setEndPage(i);
            pages.add(stripper.getText(pdf));
        }
        return pages;
    }

    private static int indexOf(List<String> pages, String text) {
        return indexOfAfter(pages, text, -1);
    }

    private static int indexOfAfter(List<String> pages, String text, int after) {
        for (int i = after + 1; i < pages.size(); i++) {
            if (pages.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError(text + " not found after page " + (after + 1) + " in " + pages);
    }
}
