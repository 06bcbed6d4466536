package com.authorworks.engine.sample;

import java.util.List;
import java.util.Random;

/**
 * Readable placeholder prose built from the scene's own cast, setting and beats, or a Fountain scene:
 * the opening and closing lines its prompt asks for, a scene heading, present-tense action, character
 * cues with dialogue and parentheticals, so every script format's checks and renderers run for real.
 */
final class SampleProse {

    private static final List<String> SENTENCES = List.of(
            "{who} stood at the edge of {place} and listened to the wind work at the shutters.",
            "Nobody at {place} had spoken of it for years, and {who} knew exactly why.",
            "{who} turned the thought over slowly, the way one turns a stone to see what lives beneath it.",
            "The light over {place} went from grey to a thin, reluctant gold.",
            "{who} said nothing for a long moment, then laughed, not unkindly.",
            "Somewhere below, a door closed, and {who} counted the seconds until the echo died.",
            "It was the kind of evening {who} would remember later, without wanting to.",
            "{who} kept a hand on the rail and the other in a coat pocket, around something small and cold.");

    /** Present-tense action lines for scripts. */
    private static final List<String> ACTION = List.of(
            "{who} stands at the edge of {place} and listens to the wind work at the shutters.",
            "The light over {place} goes from grey to a thin, reluctant gold.",
            "{who} crosses to the window, looks out, and lets the curtain fall back.",
            "Somewhere below, a door closes. {who} counts the seconds until the echo dies.",
            "{who} keeps a hand on the rail and the other in a coat pocket, around something small and cold.",
            "{who} turns, slowly, as if expecting someone else.");
    /** Lines of dialogue for scripts. */
    private static final List<String> LINES = List.of(
            "Nobody here has spoken of it for years. You know exactly why.",
            "Tell me what you saw at {place}. All of it.",
            "Then we wait. We wait and we listen.",
            "I kept it because there was no one else to give it to.",
            "You don't get to decide that for me.",
            "Not tonight. Ask me again in the morning.");
    private static final List<String> PARENTHETICALS = List.of("(quietly)", "(not looking up)", "(beat)", "(half a smile)");

    private final Random random;
    private final PromptFacts prompt;
    private final boolean fountain;

    SampleProse(Random random, PromptFacts prompt, boolean fountain) {
        this.random = random;
        this.prompt = prompt;
        this.fountain = fountain;
    }

    /** About {@code words} words, opened by the sample marker: paragraphs weaving in the beats in order, or a Fountain scene. */
    String labelled(int words) {
        return fountain ? script(words) : SampleLanguageModel.MARKER + "\n\n" + prose(words);
    }

    private String prose(int words) {
        StringBuilder text = new StringBuilder();
        int written = 0;
        int beat = 0;
        while (written < words) {
            String lead = beat < prompt.beats().size() ? sentence(prompt.beats().get(beat++)) + " " : "";
            String paragraph = lead + sentences(3 + random.nextInt(3));
            text.append(paragraph).append("\n\n");
            written += paragraph.split("\\s+").length;
        }
        return text.toString().strip();
    }

    /**
     * A Fountain scene of about {@code words} words: the lines the prompt says to open with, the sample
     * marker as centered text, a scene heading (unless an opening line is the scene's header), action, then
     * dialogue with the odd parenthetical and action line, and the closing lines or a transition.
     */
    private String script(int words) {
        List<String> blocks = new java.util.ArrayList<>(prompt.opening());
        blocks.add("> " + SampleLanguageModel.MARKER + " <");
        if (prompt.opening().stream().noneMatch(line -> line.startsWith("."))) {
            blocks.add("INT. " + place().toUpperCase(java.util.Locale.ROOT) + " - NIGHT");
        }
        blocks.add(action(2));
        int written = blocks.stream().mapToInt(b -> b.split("\\s+").length).sum();
        while (written < words) {
            String block = random.nextInt(4) == 0 ? action(1)
                    : who().toUpperCase(java.util.Locale.ROOT) + "\n" + (random.nextInt(3) == 0 ? pick(PARENTHETICALS) + "\n" : "") + line();
            blocks.add(block);
            written += block.split("\\s+").length;
        }
        blocks.addAll(prompt.closing().isEmpty() && prompt.opening().isEmpty() ? List.of("CUT TO:") : prompt.closing());
        return String.join("\n\n", blocks);
    }

    private String action(int count) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            s.append(i == 0 ? "" : " ").append(pick(ACTION).replace("{who}", who()).replace("{place}", place()));
        }
        String text = s.toString();
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private String line() {
        return pick(LINES).replace("{place}", place());
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    String sentences(int count) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String template = SENTENCES.get(random.nextInt(SENTENCES.size()));
            s.append(i == 0 ? "" : " ").append(template.replace("{who}", who()).replace("{place}", place()));
        }
        return s.toString();
    }

    private String who() {
        if (!prompt.characters().isEmpty()) {
            return prompt.characters().get(random.nextInt(prompt.characters().size()));
        }
        if (prompt.pov() != null) {
            return prompt.pov();
        }
        List<String> authors = prompt.author().names();
        return authors.isEmpty() ? Vocabulary.pick(random, Vocabulary.NAMES) : authors.get(random.nextInt(authors.size()));
    }

    private String place() {
        return prompt.setting() != null ? prompt.setting() : Vocabulary.pick(random, Vocabulary.PLACES);
    }

    private static String sentence(String beat) {
        String b = beat.strip();
        return b.isEmpty() || b.endsWith(".") ? b : b + ".";
    }
}
