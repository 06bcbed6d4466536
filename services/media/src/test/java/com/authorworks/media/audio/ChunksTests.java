package com.authorworks.media.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ChunksTests {

    @Test
    void longTextIsCutAtSentenceEndsWithinTheLimit() {
        String text = "One short sentence. ".repeat(30).strip();

        List<String> chunks = Renderer.chunks(text, 100);

        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.length()).isLessThanOrEqualTo(100));
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk).endsWith("."));
        assertThat(String.join(" ", chunks)).isEqualTo(text);
    }

    @Test
    void textWithoutSpacesIsCutHard() {
        List<String> chunks = Renderer.chunks("x".repeat(250), 100);

        assertThat(chunks).extracting(String::length).containsExactly(100, 100, 50);
    }

    @Test
    void costIsCharactersTimesTheListPrice() {
        assertThat(Renderer.cost(2_000, 15.0)).isEqualByComparingTo("0.03");
        assertThat(Renderer.cost(123_456, 0)).isEqualByComparingTo("0");
    }
}
