package com.authorworks.engine.internal;

import com.authorworks.engine.Format;
import com.authorworks.engine.internal.FountainReader.Element;
import com.authorworks.engine.internal.FountainReader.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a drafted scene is a script in its format: Fountain read as fountain-js reads it
 * ({@link FountainReader}), then checked for what a model does when it answers prose instead —
 * no scene heading, paragraphs of narration, dialogue in quotation marks or as {@code NAME: line}, past
 * tense, Markdown. An empty list of problems means the scene is accepted. The problems are written to be
 * sent back to the model.
 */
public final class ScriptChecks {

    /** Longer action blocks are narration: script action is a few lines of what is seen and heard. */
    static final int MAX_ACTION_WORDS = 60;

    private static final Pattern FENCE = Pattern.compile("(?m)^\\s*(```|~~~)");
    private static final String SPEECH_VERB = "\\b(?:says|said|asks|asked|whispers|whispered|shouts|shouted|replies|replied|tells|told"
            + "|calls|called|murmurs|murmured|mutters|muttered|cries|cried|yells|yelled|answers|answered)\\b";
    /** Words in quotation marks with a speech verb beside them: prose dialogue (a quoted sign or note has none). */
    private static final Pattern QUOTED_SPEECH = Pattern.compile("[\"“][^\"”\\n]{3,}[\"”][^.!?\"“\\n]{0,30}" + SPEECH_VERB + "|"
            + SPEECH_VERB + "[^.!?\"”\\n]{0,30}[\"“][^\"”\\n]{3,}[\"”]", Pattern.CASE_INSENSITIVE);
    /** {@code NAME: words} on a line, except the screenplay's own {@code SUPER:}, {@code INSERT:} and the like. */
    private static final Pattern NAME_COLON_LINE = Pattern.compile("(?m)^\\s*(?!(?:SUPER|TITLE|INSERT|CHYRON|CARD|CAPTION|ON SCREEN"
            + "|LATER|MONTAGE|SERIES OF SHOTS|INTERCUT|FLASHBACK|BACK TO SCENE|TITLE CARD|SUBTITLE)\\s*:)[A-Z][A-Z0-9 .'’-]{0,30}:\\s+\\S");
    private static final Pattern MARKDOWN = Pattern.compile("(?m)^\\s*(?:\\*\\*[^*\\n]+\\*\\*:?\\s*$|[-*+] \\S|\\d+\\. \\S)");
    private static final Pattern WORD = Pattern.compile("[\\p{L}’']+");
    /** Common verbs in the past tense and in the present, pair by pair: the action's tense is read from which kind dominates. */
    private static final Set<String> PAST = Set.of("was", "were", "had", "did", "said", "went", "came", "looked", "walked", "turned",
            "stood", "sat", "felt", "knew", "thought", "saw", "took", "made", "got", "ran", "held", "found", "left", "told", "began", "opened",
            "closed", "moved", "stepped", "smiled", "nodded", "laughed", "stared", "pulled", "pushed", "reached", "waited", "watched",
            "wondered", "remembered", "whispered", "asked", "replied", "shook", "glanced", "paused", "sighed");
    private static final Set<String> PRESENT = Set.of("is", "are", "has", "does", "says", "goes", "comes", "looks", "walks", "turns",
            "stands", "sits", "feels", "knows", "thinks", "sees", "takes", "makes", "gets", "runs", "holds", "finds", "leaves", "tells",
            "begins", "opens", "closes", "moves", "steps", "smiles", "nods", "laughs", "stares", "pulls", "pushes", "reaches", "waits",
            "watches", "wonders", "remembers", "whispers", "asks", "replies", "shakes", "glances", "pauses", "sighs");
    /** What may stand before a scene's first heading: headers, notes, a transition such as FADE IN. */
    private static final Set<Type> BEFORE_HEADING = Set.of(Type.CENTERED, Type.SECTION, Type.SYNOPSIS, Type.NOTE, Type.PAGE_BREAK,
            Type.TRANSITION);

    private ScriptChecks() {
    }


    /**
     * The lines a scene must open and close with where the format has fixed structure the engine knows
     * (a stage play's act and scene headers, a TV episode's cold open, act headers and act breaks), and
     * what the scene's place in that structure asks of it.
     */
    public record Frame(List<String> opening, List<String> closing, String note) {

        /** No fixed lines: a screenplay's, or what holds of any scene whatever its place. */
        public static final Frame NONE = new Frame(List.of(), List.of(), "");

        public Frame {
            opening = List.copyOf(opening);
            closing = List.copyOf(closing);
        }
    }

    /**
     * The frame of scene {@code scene} of chapter {@code chapter}. A stage play's chapters are its acts:
     * every scene opens with its scene header, the first of an act with the act header too. A TV
     * episode's first part is the cold open (its first scene when the episode has one part only) and
     * the others are its acts, each opened by its header and closed by its act break.
     */
    public static Frame frame(Format format, int chapter, int scene, int scenesInChapter, int chapters) {
        return switch (format) {
            case STAGE_PLAY -> {
                List<String> opening = new ArrayList<>();
                if (scene == 1) {
                    opening.add("> ACT " + number(chapter) + " <");
                }
                opening.add(".SCENE " + scene);
                yield new Frame(opening, List.of(), "");
            }
            case TV_EPISODE -> {
                boolean coldOpen = chapters > 1 ? chapter == 1 : scene == 1;
                int act = chapters > 1 ? chapter - 1 : 1;
                boolean first = chapters > 1 ? scene == 1 : scene <= 2;
                boolean last = chapters > 1 ? scene == scenesInChapter : scene == 1 || scene == scenesInChapter;
                String name = coldOpen ? "COLD OPEN" : "ACT " + number(act);
                String note = coldOpen ? "This is the cold open (teaser): a short, gripping hook before the titles."
                        : last ? "This scene ends act " + number(act).toLowerCase(Locale.ROOT)
                        + " on an act-out: a turn or a question that carries the audience over the break." : "";
                yield new Frame(first ? List.of("> " + name + " <") : List.of(), last ? List.of("> END OF " + name + " <") : List.of(), note);
            }
            default -> Frame.NONE;
        };
    }

    /** Removes a code fence wrapped around the whole answer (```fountain … ```), which models add unasked. */
    public static String unfenced(String answer) {
        String text = answer.strip();
        if (!text.startsWith("```") && !text.startsWith("~~~")) {
            return text;
        }
        String fence = text.substring(0, 3);
        int firstLine = text.indexOf('\n');
        if (firstLine < 0 || !text.endsWith(fence)) {
            return text;
        }
        String inside = text.substring(firstLine + 1, text.length() - 3);
        return FENCE.matcher(inside).find() ? text : inside.strip();
    }

    /** What is wrong with {@code text} as a scene of {@code format} in {@code frame}; empty when it is acceptable. */
    public static List<String> problems(Format format, Frame frame, String text) {
        if (!format.script()) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        if (text.isBlank()) {
            return List.of("The answer is empty: write the scene.");
        }
        if (FENCE.matcher(text).find()) {
            problems.add("Remove the Markdown code fences (```): answer with the Fountain text itself.");
        }
        List<String> blocks = FountainReader.blocks(text);
        List<Element> elements = FountainReader.elements(text);
        opening(frame, blocks, problems);
        heading(format, elements, blocks, problems);
        prose(elements, problems);
        if (format == Format.STAGE_PLAY && elements.stream().noneMatch(e -> e.type() == Type.ACTION)) {
            problems.add("There are no stage directions: after the scene header describe the set and who is on stage, and write "
                    + "entrances, exits and business as action lines in the present tense.");
        }
        closing(frame, blocks, problems);
        return List.copyOf(problems);
    }

    private static void opening(Frame frame, List<String> blocks, List<String> problems) {
        for (int i = 0; i < frame.opening().size(); i++) {
            String expected = frame.opening().get(i);
            if (i >= blocks.size() || !same(blocks.get(i), expected)) {
                problems.add("The scene must open with " + String.join(" then ", frame.opening().stream().map(l -> "`" + l + "`").toList())
                        + ", each line on its own with a blank line after it.");
                return;
            }
        }
    }

    private static void closing(Frame frame, List<String> blocks, List<String> problems) {
        int n = frame.closing().size();
        for (int i = 0; i < n; i++) {
            int at = blocks.size() - n + i;
            if (at < 0 || !same(blocks.get(at), frame.closing().get(i))) {
                problems.add("The scene must end with " + String.join(" then ", frame.closing().stream().map(l -> "`" + l + "`").toList())
                        + ", on its own line after a blank line.");
                return;
            }
        }
    }

    private static void heading(Format format, List<Element> elements, List<String> blocks, List<String> problems) {
        for (int i = 0; i < elements.size(); i++) {
            Element e = elements.get(i);
            if (e.type() == Type.SCENE_HEADING) {
                return;
            }
            if (BEFORE_HEADING.contains(e.type()) || e.type() == Type.ACTION && same(e.text(), "FADE IN:")) {
                continue;
            }
            String firstLine = e.text().lines().findFirst().orElse("").strip();
            if (e.type() == Type.CHARACTER && FountainReader.SCENE_HEADING.matcher(firstLine).matches()) {
                problems.add("Put a blank line after the scene heading `" + firstLine + "`: it must stand on its own.");
            } else if (format == Format.STAGE_PLAY) {
                problems.add("Start with the scene header on its own line, as given, before any stage direction or dialogue.");
            } else {
                problems.add("Start the scene with a scene heading on its own line, e.g. `INT. KITCHEN - NIGHT`, before any action or "
                        + "dialogue; no title, no title page.");
            }
            return;
        }
        if (blocks.stream().noneMatch(b -> FountainReader.SCENE_HEADING.matcher(b).matches())) {
            problems.add("There is no scene heading: start the scene with one on its own line, e.g. `INT. KITCHEN - NIGHT`.");
        }
    }

    private static void prose(List<Element> elements, List<String> problems) {
        StringBuilder action = new StringBuilder();
        int longBlocks = 0;
        String longest = null;
        int longestWords = 0;
        boolean quoted = false;
        boolean nameColon = false;
        boolean markdown = false;
        for (Element e : elements) {
            if (e.type() != Type.ACTION) {
                markdown |= e.type() == Type.CHARACTER && e.text().contains("**");
                continue;
            }
            action.append(e.text()).append('\n');
            int words = Words.count(e.text());
            if (words > MAX_ACTION_WORDS) {
                longBlocks++;
                if (words > longestWords) {
                    longestWords = words;
                    longest = e.text();
                }
            }
            quoted |= QUOTED_SPEECH.matcher(e.text()).find();
            nameColon |= NAME_COLON_LINE.matcher(e.text()).find();
            markdown |= MARKDOWN.matcher(e.text()).find();
        }
        if (longBlocks > 0) {
            problems.add(longBlocks + (longBlocks == 1 ? " action paragraph reads" : " action paragraphs read") + " as narration (the longest, "
                    + longestWords + " words, begins \"" + opening(longest) + "\"): action is short blocks, at most four lines, "
                    + "of only what can be seen and heard.");
        }
        if (quoted) {
            problems.add("Dialogue is written inside action in quotation marks: give each speech its character's name in capitals on "
                    + "its own line and the words, without quotation marks, on the next line.");
        }
        if (nameColon) {
            problems.add("Dialogue is written as `NAME: words`: put the name in capitals on its own line and the words on the next line.");
        }
        if (markdown) {
            problems.add("Markdown formatting (bold, bullet or numbered lists) is not Fountain: names are plain capitals, action is plain "
                    + "sentences.");
        }
        int past = 0;
        int present = 0;
        Matcher word = WORD.matcher(action);
        while (word.find()) {
            String w = word.group().toLowerCase(Locale.ROOT);
            past += PAST.contains(w) ? 1 : 0;
            present += PRESENT.contains(w) ? 1 : 0;
        }
        if (past >= 3 && past > present) {
            problems.add("The action is in the past tense: write action and stage directions in the present tense (she opens the door, "
                    + "not she opened the door).");
        }
    }

    private static String opening(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= 60 ? flat : flat.substring(0, 60) + "…";
    }

    /** Whether a block is the expected line, ignoring case and spacing. */
    private static boolean same(String block, String expected) {
        return normal(block).equals(normal(expected));
    }

    private static String normal(String line) {
        return line.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }





    /** ONE, TWO … TWENTY, then digits: how scripts number acts. */
    static String number(int n) {
        List<String> words = List.of("ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN", "ELEVEN", "TWELVE",
                "THIRTEEN", "FOURTEEN", "FIFTEEN", "SIXTEEN", "SEVENTEEN", "EIGHTEEN", "NINETEEN", "TWENTY");
        return n >= 1 && n <= words.size() ? words.get(n - 1) : Integer.toString(n);
    }
}
