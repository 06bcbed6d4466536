package com.authorworks.engine.sample;

import com.authorworks.engine.internal.AssistPrompts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sample writer's answers to assist prompts: no model, but each answer does what was asked so the
 * editor's paths run for real — continue adds new paragraphs, shorten is shorter, expand longer, rewrite
 * about as long, fix-grammar the same text with mechanical fixes. Every answer says it is sample text.
 */
final class SampleAssist {

    private static final Pattern SENTENCE = Pattern.compile("[^.!?]+(?:[.!?]+[\"”’']?|$)");

    private SampleAssist() {
    }

    static String answer(AssistPrompts.Asked asked, Random random, boolean fountain) {
        String selection = asked.selection().strip();
        PromptFacts facts = PromptFacts.of(asked.sceneText() + "\n" + selection);
        SampleProse prose = new SampleProse(random, facts, fountain);
        return switch (asked.action()) {
            case "continue" -> prose.labelled(120);
            case "rewrite" -> SampleLanguageModel.SHORT_MARKER + " " + prose.sentences(Math.max(1, sentences(selection).size()));
            case "expand" -> SampleLanguageModel.SHORT_MARKER + " " + selection + " " + prose.sentences(2 + sentences(selection).size());
            case "shorten" -> SampleLanguageModel.SHORT_MARKER + " " + shorten(selection);
            case "fix-grammar" -> SampleLanguageModel.SHORT_MARKER + " " + fix(selection);
            default -> prose.labelled(60);
        };
    }

    /** The first half of the sentences; of a single sentence, the first half of its words. */
    static String shorten(String text) {
        List<String> sentences = sentences(text);
        if (sentences.size() > 1) {
            return String.join(" ", sentences.subList(0, (sentences.size() + 1) / 2));
        }
        String[] words = text.split("\\s+");
        return String.join(" ", Arrays.copyOf(words, Math.max(1, words.length / 2))).replaceAll("[,;:]$", "") + "…";
    }

    /** Mechanical corrections: spacing, doubled words, a lone "i", capitals after a full stop, a closing full stop. */
    static String fix(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            String p = paragraph.strip().replaceAll("\\s+", " ")
                    .replaceAll("\\s+([,.;:!?])", "$1")
                    .replaceAll("([,;:!?]|\\.(?!\\.))(?=[\\p{L}])", "$1 ")
                    .replaceAll("(?i)\\b(\\p{L}+) \\1\\b", "$1")
                    .replaceAll("(?<=^|\\s)i(?=\\s|'|’|$)", "I");
            Matcher start = Pattern.compile("(^|[.!?][\"”’']?\\s+)(\\p{Ll})").matcher(p);
            StringBuilder fixed = new StringBuilder();
            while (start.find()) {
                start.appendReplacement(fixed, Matcher.quoteReplacement(start.group(1) + start.group(2).toUpperCase()));
            }
            start.appendTail(fixed);
            if (!fixed.isEmpty() && Character.isLetterOrDigit(fixed.charAt(fixed.length() - 1))) {
                fixed.append('.');
            }
            if (!fixed.isEmpty()) {
                paragraphs.add(fixed.toString());
            }
        }
        return String.join("\n\n", paragraphs);
    }

    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        Matcher m = SENTENCE.matcher(text);
        while (m.find()) {
            if (!m.group().isBlank()) {
                sentences.add(m.group().strip());
            }
        }
        return sentences;
    }
}
