package com.authorworks.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import com.authorworks.publishing.internal.render.Hyphenation;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The print PDF is typeset: hyphenated justified prose, numbered chapters, no scene-title sub-headings unless asked. */
class PdfTypesettingTests {

    private static final String LONG_WORDS = String.join(" ", java.util.Collections.nCopies(40,
            "Extraordinarily complicated negotiations characterised the unquestionably international relationship."));

    private static Manuscript book() {
        return new Manuscript("Typeset", null, "Ada Writer", "en", Form.NOVEL, null, null, null, List.of(
                new Chapter("The Harbour", List.of(new Scene("Arrival at dusk", LONG_WORDS), new Scene("Second thoughts", "She waited."))),
                new Chapter("Fog", List.of(new Scene("Lost", "The fog came in.")))), false);
    }

    private static String text(ExportOptions options) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(Manuscripts.export(book(), Format.PDF, options))) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    @Test
    void theTexPatternsBreakEnglishWordsWhereADictionaryWould() {
        Hyphenation english = Hyphenation.english();
        String soft = String.valueOf(Hyphenation.SOFT_HYPHEN);
        assertThat(english.word("hyphenation").replace(soft, "-")).isEqualTo("hy-phen-ation");
        assertThat(english.word("negotiations").replace(soft, "-")).isEqualTo("ne-go-ti-a-tions");
        assertThat(english.word("cat")).as("too short to break").isEqualTo("cat");
        assertThat(english.word("naïveté")).as("letters the patterns don't cover stay whole").isEqualTo("naïveté");
    }

    @Test
    void justifiedProseIsHyphenatedAtLineEndsAndOnlyThere() throws IOException {
        String text = text(ExportOptions.defaults().withTrimSize(TrimSize.POCKET));

        Matcher broken = Pattern.compile("(\\p{L}+)-\\r?\\n(\\p{L}+)").matcher(text);
        int breaks = 0;
        while (broken.find()) {
            String whole = broken.group(1) + broken.group(2);
            assertThat(LONG_WORDS).as("a line broken inside a word of the text").containsPattern("\\b" + whole + "\\b");
            breaks++;
        }
        assertThat(breaks).as("long words broken at line ends").isGreaterThan(5);
        assertThat(text).as("no soft hyphen shows where the line does not break").doesNotContain(String.valueOf(Hyphenation.SOFT_HYPHEN));
    }

    @Test
    void chaptersAreNumberedAndSceneTitlesAreLeftOutUnlessAsked() throws IOException {
        String text = text(ExportOptions.defaults());
        assertThat(text).containsPattern("(?i)chapter 1\\s+The Harbour").containsPattern("(?i)chapter 2\\s+Fog");
        assertThat(text).doesNotContain("Arrival at dusk").doesNotContain("Second thoughts").contains("* * *");

        assertThat(text(ExportOptions.defaults().withSceneTitles(true))).contains("Arrival at dusk").contains("Second thoughts");
    }
}
