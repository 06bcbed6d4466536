package com.authorworks.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import com.authorworks.publishing.internal.script.Fountain;
import com.authorworks.publishing.internal.script.ScriptElement;
import com.authorworks.publishing.internal.script.ScriptElement.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

class FountainTests {

    @Test
    void forcedElementsAreRecognised() {
        List<ScriptElement> elements = Fountain.parse("""
                .FLASHBACK

                @McCLANE
                Yippee ki-yay.

                !THE DOOR SLAMS.

                > FADE OUT.

                > THE END <
                """);
        assertThat(elements).containsExactly(
                new ScriptElement(Type.SCENE_HEADING, "FLASHBACK"),
                new ScriptElement(Type.CHARACTER, "McCLANE"),
                new ScriptElement(Type.DIALOGUE, "Yippee ki-yay."),
                new ScriptElement(Type.ACTION, "THE DOOR SLAMS."),
                new ScriptElement(Type.TRANSITION, "FADE OUT."),
                new ScriptElement(Type.CENTERED, "THE END"));
    }

    @Test
    void notesBoneyardAndSynopsesStayPrivate() {
        List<ScriptElement> elements = Fountain.parse("""
                EXT. BEACH - DAY

                = They meet for the first time.

                Waves. [[make this bigger]]

                /* an old idea
                that was cut */
                Gulls.
                """);
        assertThat(elements).extracting(ScriptElement::text)
                .containsExactly("EXT. BEACH - DAY", "Waves.", "Gulls.");
    }

    @Test
    void multiLineDialogueStaysOneElementAndUpperCaseActionIsNotACharacter() {
        List<ScriptElement> elements = Fountain.parse("""
                ANNA
                First line,
                second line.

                BOOM.
                """);
        assertThat(elements).containsExactly(
                new ScriptElement(Type.CHARACTER, "ANNA"),
                new ScriptElement(Type.DIALOGUE, "First line,\nsecond line."),
                new ScriptElement(Type.ACTION, "BOOM."));
    }
}
