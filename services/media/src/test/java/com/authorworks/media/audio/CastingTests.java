package com.authorworks.media.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.authorworks.content.BookText;
import com.authorworks.media.audio.speech.ElevenLabsSpeech;
import com.authorworks.media.audio.speech.SpeechEngine;
import com.authorworks.media.audio.speech.SpeechEngine.Age;
import com.authorworks.media.audio.speech.SpeechEngine.Gender;

class CastingTests {

    private final SpeechEngine engine = new ElevenLabsSpeech(java.net.URI.create("http://localhost:1"), null, java.time.Duration.ofSeconds(1));

    @Test
    void genderAndAgeAreReadFromTheDescriptionAndPickAMatchingVoice() {
        List<Casting.Cast> cast = Casting.cast(List.of(
                new BookText.Person("Mara", List.of(), "protagonist", "A young smuggler; she knows every channel of the marsh."),
                new BookText.Person("Tobias", List.of(), "antagonist", "An old customs officer, retired once; his dog follows him."),
                new BookText.Person("Pip", List.of(), null, "A 9-year-old girl who sells eels.")), engine);

        assertThat(cast).hasSize(4);
        assertThat(cast.get(0).character()).as("the narrator comes first").isNull();
        Casting.Cast mara = cast.get(1);
        assertThat(mara.gender()).isEqualTo(Gender.FEMALE);
        assertThat(mara.age()).isEqualTo(Age.YOUNG);
        assertThat(voice(mara).gender()).isEqualTo(Gender.FEMALE);
        Casting.Cast tobias = cast.get(2);
        assertThat(tobias.gender()).isEqualTo(Gender.MALE);
        assertThat(tobias.age()).isEqualTo(Age.OLD);
        assertThat(voice(tobias).gender()).isEqualTo(Gender.MALE);
        assertThat(tobias.pitch()).isLessThan(mara.pitch());
        Casting.Cast pip = cast.get(3);
        assertThat(pip.age()).isEqualTo(Age.CHILD);
        assertThat(pip.pitch()).isGreaterThan(mara.pitch());
        assertThat(cast.stream().map(Casting.Cast::voice)).as("everyone their own voice").doesNotHaveDuplicates();
    }

    @Test
    void aCharacterNamedTwiceIsCastOnceAndADescriptionWithoutCluesIsNeutral() {
        List<Casting.Cast> cast = Casting.cast(List.of(new BookText.Person("Ash", List.of(), null, "A courier."),
                new BookText.Person("ash", List.of(), null, "The same courier.")), engine);

        assertThat(cast).hasSize(2);
        assertThat(cast.get(1).gender()).isEqualTo(Gender.NEUTRAL);
        assertThat(cast.get(1).age()).isEqualTo(Age.ADULT);
    }

    @Test
    void voicesRepeatOnlyWhenTheCastOutnumbersThem() {
        List<BookText.Person> crowd = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> new BookText.Person("Person " + i, List.of(), null, "")).toList();

        List<Casting.Cast> cast = Casting.cast(crowd, engine);

        assertThat(cast.subList(0, engine.voices().size()).stream().map(Casting.Cast::voice)).doesNotHaveDuplicates();
        assertThat(cast).hasSize(21);
    }

    private SpeechEngine.Voice voice(Casting.Cast cast) {
        return engine.voices().stream().filter(v -> v.id().equals(cast.voice())).findFirst().orElseThrow();
    }
}
