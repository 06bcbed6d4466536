package com.authorworks.engine.internal;

import com.authorworks.engine.Format;

/** Scenes as models write them: scripts in each format, and the prose models answer instead. */
final class ScriptSamples {

    private ScriptSamples() {
    }

    static final ScriptChecks.Frame NO_FRAME = ScriptChecks.frame(Format.SCREENPLAY, 1, 1, 1, 8);

    static final String SCREENPLAY = """
            INT. LAMP ROOM - NIGHT

            Wind hammers the glass. EDDA LANTERN (40s, oilskin coat) kneels by the lamp and pries up a floorboard.

            EDDA
            (under her breath)
            Where did you put them, Bram?

            She lifts out a bundle of letters tied with fishing line.

            BRAM (V.O.)
            If you are reading this, the light went out.
            And I was not the one who put it out.

            Edda freezes. Below, the door bangs open.

            CUT TO:
            """;

    static final String STAGE_PLAY_ACT_TWO = """
            > ACT TWO <

            .SCENE 1

            The keeper's kitchen, before dawn. A table, two chairs, a kettle that never quite boils. EDDA sits alone, the letters in front of her.

            BRAM enters, soaked.

            EDDA
            (not turning round)
            You took your time.

            BRAM
            The boat would not start.

            She pushes a letter across the table. He does not pick it up.
            """;

    static final String TV_COLD_OPEN = """
            > COLD OPEN <

            EXT. HARBOUR WALL - NIGHT

            Fog. A lantern swings on a post. KIT ORMOND (20s) runs along the wall, looking back.

            KIT
            Is anyone there?

            The lantern goes out.

            > END OF COLD OPEN <
            """;

    static final ScriptChecks.Frame TV_COLD_OPEN_FRAME = ScriptChecks.frame(Format.TV_EPISODE, 1, 1, 1, 5);
    static final ScriptChecks.Frame STAGE_ACT_TWO_FRAME = ScriptChecks.frame(Format.STAGE_PLAY, 2, 1, 3, 2);

    /** The answer the issue found accepted as a screenplay: prose, in a code fence. */
    static final String FENCED_PROSE = """
            ```fountain
            Edda had not been up to the lamp room since the winter her brother vanished. She climbed the stairs slowly, counting them the way he used to, and when she reached the top she stood for a long time with her hand on the rail, listening to the wind. The floorboard by the lamp was loose. She knelt and pried it up.

            "Where did you put them, Bram?" she whispered to the empty room. Nobody answered, of course, and she laughed at herself, not unkindly.
            ```
            """;

    static final String PROSE_UNDER_A_HEADING = """
            INT. LAMP ROOM - NIGHT

            Edda climbed the stairs slowly and stood for a long time at the top. She knelt by the lamp, pried up the loose board and found the letters. "You kept them all this time," she said to the dark.
            """;

    static final String NAME_COLON_DIALOGUE = """
            > ACT TWO <

            .SCENE 1

            The keeper's kitchen, before dawn.

            EDDA: You took your time.
            BRAM: The boat would not start.
            """;

    static final String HEADING_GLUED_TO_ACTION = """
            INT. LAMP ROOM - NIGHT
            Edda kneels by the lamp.

            EDDA
            Where did you put them?
            """;

    /** A cold open that forgets its act break. */
    static final String COLD_OPEN_WITHOUT_ITS_BREAK = TV_COLD_OPEN.replace("> END OF COLD OPEN <", "");
}
