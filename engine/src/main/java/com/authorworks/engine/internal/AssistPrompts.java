package com.authorworks.engine.internal;

import com.authorworks.engine.Format;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.story.Instructions;
import com.authorworks.engine.story.StyleGuide;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words the assistant says to models, and (for the offline sample writer, which has no model to
 * understand them) how to read them back.
 */
public final class AssistPrompts {

    /** Opens every assist system prompt. */
    public static final String OPENING = "You are an editing assistant working inside an author's manuscript.";
    /** How much of the scene goes in as context: its ending, which matters most for continuing. */
    static final int SCENE_WORDS = 1500;

    private static final Pattern TASK = Pattern.compile("^Task: (\\S+)$", Pattern.MULTILINE);

    private AssistPrompts() {
    }

    /** What an assist prompt asked, as read back from it. */
    public record Asked(String action, String sceneText, String selection) {
    }

    public static String system(Format format, StyleGuide style, String standing) {
        Format f = format == null ? Format.NOVEL : format;
        return OPENING + " The work is a " + f.label() + ". " + f.draftingRules()
                + "\nMatch the author's voice and the text around the passage. Answer with the new text only: no preface, no quotation marks, "
                + (f.script() ? "no notes, no code fences; a scene heading only where the text moves to a new place." : "no notes, no headings.")
                + (style == null ? "" : "\n\nStyle guide:\n" + Prompts.styleFor(f, style).render())
                + Instructions.of(standing).map(text -> "\n\nThe author's standing instructions (they override the rest):\n" + text).orElse("");
    }

    public static String user(Format format, String action, String sceneText, String selection, String instruction) {
        boolean script = format != null && format.script();
        String task = switch (action) {
            case "continue" -> "Continue the scene from where its text ends with the next " + (script ? "few exchanges" : "two or three paragraphs")
                    + ". Do not repeat what is "
                    + "written; do not end the scene unless it is clearly ending.";
            case "rewrite" -> "Rewrite the selected passage: the same events and meaning, told better. Keep about its length.";
            case "expand" -> "Expand the selected passage to about twice its length with concrete detail, action and "
                    + (script ? "dialogue. " : "interiority. ")
                    + "Keep what it says; add, do not replace.";
            case "shorten" -> "Shorten the selected passage to about half its length, keeping what matters and the voice.";
            case "fix-grammar" -> "Correct the grammar, spelling and punctuation of the selected passage. Change nothing else: keep its words, "
                    + "voice and paragraphs.";
            default -> throw new IllegalArgumentException("Unknown assist action " + action);
        };
        StringBuilder prompt = new StringBuilder("Task: ").append(action).append('\n').append(task).append('\n');
        if (instruction != null && !instruction.isBlank()) {
            prompt.append("The author adds: ").append(instruction.strip()).append('\n');
        }
        prompt.append("\n<scene>\n").append(tail(sceneText)).append("\n</scene>\n");
        if (selection != null && !selection.isBlank()) {
            prompt.append("\n<selection>\n").append(selection.strip()).append("\n</selection>\n");
        }
        return prompt.toString();
    }

    public static double temperature(String action) {
        return action.equals("fix-grammar") ? 0.0 : 0.8;
    }

    public static int maxTokens(String action, String selection) {
        int selected = selection == null ? 0 : TokenCounter.count(selection);
        int tokens = switch (action) {
            case "continue" -> 900;
            case "shorten" -> selected + 64;
            case "expand" -> selected * 3 + 400;
            default -> selected * 3 / 2 + 200;
        };
        return Math.min(8_192, tokens);
    }

    /** The assist task a request carries, if it is one. */
    public static Optional<Asked> read(CompletionRequest request) {
        if (request.system() == null || !request.system().startsWith(OPENING) || request.messages().isEmpty()) {
            return Optional.empty();
        }
        String prompt = request.messages().getLast().content();
        Matcher task = TASK.matcher(prompt);
        if (!task.find()) {
            return Optional.empty();
        }
        return Optional.of(new Asked(task.group(1), between(prompt, "<scene>\n", "\n</scene>"), between(prompt, "<selection>\n", "\n</selection>")));
    }

    private static String between(String text, String open, String close) {
        int start = text.indexOf(open);
        int end = text.lastIndexOf(close);
        return start < 0 || end < start + open.length() ? "" : text.substring(start + open.length(), end);
    }

    private static String tail(String text) {
        String[] words = text.strip().split("(?<=\\s)(?=\\S)");
        if (words.length <= SCENE_WORDS) {
            return text.strip();
        }
        return "…" + String.join("", java.util.Arrays.copyOfRange(words, words.length - SCENE_WORDS, words.length));
    }
}
