package com.authorworks.discovery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java tokenizer gives the model the ids Hugging Face's tokenizer gives it for all-MiniLM-L6-v2 (the
 * expected ids were recorded from the native tokenizer langchain4j used before: DJL 0.36.0, tokenizers 0.21).
 */
class BertTokenizerTests {

    static BertTokenizer tokenizer;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream json = BertTokenizerTests.class.getClassLoader().getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json")) {
            tokenizer = BertTokenizer.load(json);
        }
    }

    @Test
    void wordsAndPunctuationAreLowerCasedAndSplit() {
        assertThat(tokenizer.encode("The Lighthouse Keeper's Daughter."))
                .containsExactly(101, 1996, 10171, 10684, 1005, 1055, 2684, 1012, 102);
    }

    @Test
    void accentsAreStrippedAndUnknownWordsSplitIntoPieces() {
        // [CLS] cafe cr ##eme br ##ule ##e — naive facade ! [SEP]
        assertThat(tokenizer.encode("Café crème brûlée — naïve façade!"))
                .containsExactly(101, 7668, 13675, 21382, 7987, 9307, 2063, 1517, 15743, 8508, 999, 102);
        // super ##cal ##if ##rag ##ilis ##tic
        assertThat(tokenizer.encode("supercalifragilistic")).containsExactly(101, 3565, 9289, 10128, 29181, 24411, 4588, 102);
    }

    @Test
    void chineseCharactersStandAloneAndSpecialTokensAreKeptAsWritten() {
        assertThat(tokenizer.encode("日本語 mixed [MASK] text")).containsExactly(101, 1864, 1876, 1950, 3816, 103, 3793, 102);
    }

    @Test
    void controlCharactersAreDroppedAndAnyWhiteSpaceSeparates() {
        // [CLS] tab here ab n ##bs ##p [SEP]
        assertThat(tokenizer.encode("tab\there a\u0007b\u00a0nbsp")).containsExactly(101, 21628, 2182, 11113, 1050, 5910, 2361, 102);
    }

    @Test
    void aLongTextIsTruncatedToTheTokenizersLength() {
        long[] ids = tokenizer.encode("lighthouse ".repeat(500));
        assertThat(ids).hasSize(128);
        assertThat(ids[0]).isEqualTo(101);
        assertThat(ids[127]).isEqualTo(102);
        assertThat(ids[126]).isEqualTo(10171);
    }
}
