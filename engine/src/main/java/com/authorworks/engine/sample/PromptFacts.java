package com.authorworks.engine.sample;

import com.authorworks.engine.internal.Prompts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the sample writer picks up from a prompt so its answers fit it: who is there, where, what happens,
 * and for a script the lines it must open and end with.
 */
record PromptFacts(String pov, List<String> characters, String setting, List<String> beats, List<String> opening, List<String> closing) {

    private static final Pattern POV = Pattern.compile("(?m)^POV: (.+)$");
    private static final Pattern PRESENT = Pattern.compile("(?m)^Characters present: (.+)$");
    private static final Pattern SETTING = Pattern.compile("(?m)^Setting: (.+)$");
    private static final Pattern BEAT = Pattern.compile("(?m)^- (.+)$");
    private static final Pattern CAST_NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");

    static PromptFacts of(String prompt) {
        List<String> characters = find(PRESENT, prompt).map(s -> Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList())
                .orElseGet(() -> castNames(prompt));
        String pov = find(POV, prompt).orElse(characters.isEmpty() ? null : characters.getFirst());
        List<String> beats = new ArrayList<>();
        int start = prompt.lastIndexOf("Beats:");
        if (start >= 0) {
            Matcher m = BEAT.matcher(prompt.substring(start));
            while (m.find()) {
                beats.add(m.group(1).replace(SampleLanguageModel.SHORT_MARKER, "").strip());
            }
        }
        return new PromptFacts(pov, characters, find(SETTING, prompt).orElse(null), beats, linesAfter(Prompts.OPEN_WITH, prompt),
                linesAfter(Prompts.END_WITH, prompt));
    }

    /** The lines after the last {@code header}, up to a blank line. */
    private static List<String> linesAfter(String header, String prompt) {
        int at = prompt.lastIndexOf(header);
        if (at < 0) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (String line : prompt.substring(at + header.length()).strip().split("\n", -1)) {
            if (line.isBlank()) {
                break;
            }
            lines.add(line.strip());
        }
        return List.copyOf(lines);
    }

    /** Names from a cast given as JSON (plan prompts), so plans written by the sample writer use the sample cast. */
    private static List<String> castNames(String prompt) {
        List<String> names = new ArrayList<>();
        Matcher m = CAST_NAME.matcher(prompt);
        while (m.find()) {
            if (!names.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return List.copyOf(names);
    }

    private static java.util.Optional<String> find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        String found = null;
        while (m.find()) {
            found = m.group(1).strip();
        }
        return java.util.Optional.ofNullable(found);
    }
}
