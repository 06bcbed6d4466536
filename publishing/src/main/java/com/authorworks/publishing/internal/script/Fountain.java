package com.authorworks.publishing.internal.script;

import com.authorworks.publishing.internal.script.ScriptElement.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A parser for the Fountain screenplay syntax (fountain.io): scene headings, action, character cues, dialogue,
 * parentheticals, transitions, centered text, lyrics, sections and page breaks. Notes, boneyard and synopses are
 * the writer's private annotations and are left out. Inline emphasis is kept as typed.
 */
public final class Fountain {

    private static final Pattern SCENE_HEADING =
            Pattern.compile("^(INT|EXT|EST|INT\\./EXT|INT/EXT|I/E)[. ].*", Pattern.CASE_INSENSITIVE);
    private static final Pattern BONEYARD = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern NOTE = Pattern.compile("\\[\\[.*?]]", Pattern.DOTALL);

    private Fountain() {
    }

    public static List<ScriptElement> parse(String text) {
        String source = NOTE.matcher(BONEYARD.matcher(text.replace("\r\n", "\n").replace('\r', '\n'))
                .replaceAll("")).replaceAll("");
        String[] lines = source.split("\n", -1);
        List<ScriptElement> elements = new ArrayList<>();
        StringBuilder action = new StringBuilder();
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            String trimmed = line.strip();
            boolean blankBefore = i == 0 || lines[i - 1].isBlank();
            boolean blankAfter = i + 1 >= lines.length || lines[i + 1].isBlank();
            if (trimmed.isEmpty()) {
                flush(action, elements);
                i++;
                continue;
            }
            if (trimmed.startsWith("=") && trimmed.matches("={3,}")) {
                flush(action, elements);
                elements.add(new ScriptElement(Type.PAGE_BREAK, ""));
            } else if (trimmed.startsWith("=")) {
                flush(action, elements); // synopsis: the writer's own note
            } else if (trimmed.startsWith("#")) {
                flush(action, elements);
                elements.add(new ScriptElement(Type.SECTION, trimmed.replaceFirst("^#+\\s*", "")));
            } else if (trimmed.startsWith("!")) {
                appendAction(action, trimmed.substring(1));
            } else if (trimmed.startsWith(">") && trimmed.endsWith("<") && trimmed.length() > 1) {
                flush(action, elements);
                elements.add(new ScriptElement(Type.CENTERED, trimmed.substring(1, trimmed.length() - 1).strip()));
            } else if (trimmed.startsWith(">")) {
                flush(action, elements);
                elements.add(new ScriptElement(Type.TRANSITION, trimmed.substring(1).strip()));
            } else if (trimmed.startsWith("~")) {
                flush(action, elements);
                elements.add(new ScriptElement(Type.LYRIC, trimmed.substring(1).strip()));
            } else if (blankBefore && blankAfter && (trimmed.startsWith(".") && !trimmed.startsWith("..")
                    || SCENE_HEADING.matcher(trimmed).matches())) {
                flush(action, elements);
                String heading = trimmed.startsWith(".") ? trimmed.substring(1) : trimmed;
                elements.add(new ScriptElement(Type.SCENE_HEADING, heading.strip()));
            } else if (blankBefore && blankAfter && isUpper(trimmed) && trimmed.endsWith("TO:")) {
                flush(action, elements);
                elements.add(new ScriptElement(Type.TRANSITION, trimmed));
            } else if (blankBefore && !blankAfter && (trimmed.startsWith("@") || isUpper(trimmed))) {
                flush(action, elements);
                String cue = trimmed.startsWith("@") ? trimmed.substring(1) : trimmed;
                elements.add(new ScriptElement(Type.CHARACTER, cue.strip()));
                i++;
                while (i < lines.length && !lines[i].isBlank()) {
                    String spoken = lines[i].strip();
                    boolean parenthetical = spoken.startsWith("(") && spoken.endsWith(")");
                    Type type = parenthetical ? Type.PARENTHETICAL : Type.DIALOGUE;
                    ScriptElement last = elements.getLast();
                    if (type == Type.DIALOGUE && last.type() == Type.DIALOGUE) {
                        elements.set(elements.size() - 1, new ScriptElement(type, last.text() + "\n" + spoken));
                    } else {
                        elements.add(new ScriptElement(type, spoken));
                    }
                    i++;
                }
                continue;
            } else {
                appendAction(action, line.stripTrailing());
            }
            i++;
        }
        flush(action, elements);
        return elements;
    }

    private static void appendAction(StringBuilder action, String line) {
        if (!action.isEmpty()) {
            action.append('\n');
        }
        action.append(line);
    }

    private static void flush(StringBuilder action, List<ScriptElement> elements) {
        if (!action.isEmpty()) {
            elements.add(new ScriptElement(Type.ACTION, action.toString()));
            action.setLength(0);
        }
    }

    /** A character cue: upper-case letters, ignoring an extension like (V.O.) which may be mixed case. */
    private static boolean isUpper(String line) {
        String name = line.replaceAll("\\(.*?\\)", "").replace("^", "").strip();
        return name.chars().anyMatch(Character::isLetter) && name.equals(name.toUpperCase(java.util.Locale.ROOT));
    }
}
