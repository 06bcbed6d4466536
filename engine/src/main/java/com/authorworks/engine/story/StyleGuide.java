package com.authorworks.engine.story;

import java.util.List;

/** How the prose reads; part of every drafting prompt's stable prefix. */
public record StyleGuide(String voice, String tense, String person, List<String> proseRules, List<String> dialogueRules,
                         List<String> avoid) {

    public String render() {
        return "Voice: " + voice + "\nTense: " + tense + "\nPerson: " + person
                + "\nProse rules:\n" + bullets(proseRules) + "\nDialogue rules:\n" + bullets(dialogueRules)
                + "\nAvoid:\n" + bullets(avoid);
    }

    private static String bullets(List<String> items) {
        return String.join("\n", items.stream().map(i -> "- " + i).toList());
    }
}
