package com.authorworks.engine.sample;

import java.util.List;
import java.util.Random;

/** Readable placeholder prose (or Fountain) built from the scene's own cast, setting and beats. */
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

    private final Random random;
    private final PromptFacts prompt;
    private final boolean fountain;

    SampleProse(Random random, PromptFacts prompt, boolean fountain) {
        this.random = random;
        this.prompt = prompt;
        this.fountain = fountain;
    }

    /** About {@code words} words in paragraphs, weaving in the beats in order. */
    String write(int words) {
        StringBuilder text = new StringBuilder();
        int written = 0;
        int beat = 0;
        while (written < words) {
            String paragraph;
            if (fountain) {
                paragraph = written == 0 ? "INT. " + place().toUpperCase() + " - NIGHT\n\n" + sentences(2)
                        : who().toUpperCase() + "\n" + sentences(1);
            } else {
                String lead = beat < prompt.beats().size() ? sentence(prompt.beats().get(beat++)) + " " : "";
                paragraph = lead + sentences(3 + random.nextInt(3));
            }
            text.append(paragraph).append("\n\n");
            written += paragraph.split("\\s+").length;
        }
        return text.toString().strip();
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
        return prompt.pov() != null ? prompt.pov() : Vocabulary.pick(random, Vocabulary.NAMES);
    }

    private String place() {
        return prompt.setting() != null ? prompt.setting() : Vocabulary.pick(random, Vocabulary.PLACES);
    }

    private static String sentence(String beat) {
        String b = beat.strip();
        return b.isEmpty() || b.endsWith(".") ? b : b + ".";
    }
}
