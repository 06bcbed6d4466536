package com.authorworks.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads Fountain (fountain.io) the way the fountain-js 1.2.4 parser does: block by block (runs of
 * non-blank lines), each block a scene heading, centered text, transition, dialogue block (character
 * cue, parentheticals, dialogue), section, synopsis, note, lyrics, page break or action. The title page
 * is left out: scenes have none. {@code ScriptChecksFountainTests} hold it to the real parser.
 */
public final class FountainReader {

    /** A scene heading: INT., EXT., EST., INT./EXT., I/E, or forced with a leading dot. */
    static final Pattern SCENE_HEADING = Pattern.compile("^\\s*(?:\\*{0,3}_?)?(?:(?:int|i)\\.?/(?:ext|e)|int|ext|est)[. ].+$"
            + "|^\\s*\\.(?!\\.+)\\S.*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRANSITION = Pattern.compile("^\\s*(?:(?:FADE (?:TO BLACK|OUT)|CUT TO BLACK)\\.|.+ TO:)\\s*$|^\\s*> *.+$");
    private static final Pattern CENTERED = Pattern.compile("^\\s*>.+<\\s*$");
    private static final Pattern PARENTHETICAL = Pattern.compile("^\\s*[*_]*\\(.+?\\)[*_]*\\s*$");
    private static final Pattern EXTENSION = Pattern.compile("\\(.*\\)[ *_]*\\^?\\s*$");
    private static final Pattern BONEYARD = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);

    private FountainReader() {
    }

    /** Fountain element types, as fountain-js names them (minus its dialogue-begin/end markers). */
    public enum Type {
        SCENE_HEADING, ACTION, CHARACTER, PARENTHETICAL, DIALOGUE, TRANSITION, CENTERED, SECTION, SYNOPSIS, NOTE, LYRICS, PAGE_BREAK
    }

    /** One element of a script: its type and its text as fountain-js gives it (markers such as a forcing dot removed). */
    public record Element(Type type, String text) {
    }

    /** The script's elements, classified as fountain-js 1.2.4 classifies them (the title page aside: scenes have none). */
    public static List<Element> elements(String text) {
        List<Element> elements = new ArrayList<>();
        for (String block : blocks(text)) {
            boolean oneLine = block.indexOf('\n') < 0;
            String trimmed = block.strip();
            if (oneLine && SCENE_HEADING.matcher(block).matches()) {
                elements.add(new Element(Type.SCENE_HEADING, trimmed.startsWith(".") ? trimmed.substring(1).strip() : trimmed));
            } else if (block.lines().allMatch(l -> CENTERED.matcher(l).matches())) {
                elements.add(new Element(Type.CENTERED, block.replaceAll("[^\\S\\n]*[><][^\\S\\n]*", "")));
            } else if (oneLine && TRANSITION.matcher(block).matches()) {
                elements.add(new Element(Type.TRANSITION, trimmed.startsWith(">") ? trimmed.substring(1).strip() : trimmed));
            } else if (!oneLine && cue(block.substring(0, block.indexOf('\n')))) {
                dialogue(block, elements);
            } else if (oneLine && trimmed.startsWith("#")) {
                elements.add(new Element(Type.SECTION, trimmed.replaceFirst("^#+\\s*", "")));
            } else if (oneLine && trimmed.startsWith("=") && !trimmed.startsWith("==")) {
                elements.add(new Element(Type.SYNOPSIS, trimmed.substring(1).strip()));
            } else if (oneLine && trimmed.matches("^\\[\\[(?!\\[).+]]$")) {
                elements.add(new Element(Type.NOTE, trimmed.substring(2, trimmed.length() - 2)));
            } else if (block.lines().allMatch(l -> l.strip().matches("~(?! ).+"))) {
                elements.add(new Element(Type.LYRICS, block.lines().map(l -> l.strip().substring(1)).collect(Collectors.joining("\n"))));
            } else if (oneLine && trimmed.matches("={3,}")) {
                elements.add(new Element(Type.PAGE_BREAK, ""));
            } else {
                elements.add(new Element(Type.ACTION, block));
            }
        }
        return elements;
    }

    /** The text's blocks: runs of non-blank lines, the unit fountain-js classifies. */
    public static List<String> blocks(String text) {
        String source = BONEYARD.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
        List<String> blocks = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        for (String line : source.split("\n", -1)) {
            if (line.isBlank()) {
                if (!block.isEmpty()) {
                    blocks.add(block.toString());
                    block.setLength(0);
                }
            } else {
                block.append(block.isEmpty() ? "" : "\n").append(line);
            }
        }
        if (!block.isEmpty()) {
            blocks.add(block.toString());
        }
        return blocks;
    }

    /** A character cue: a line in capitals (an extension in parentheses may be mixed case), or forced with {@code @}. */
    private static boolean cue(String line) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("\\@") || "!.>~=#".indexOf(l.charAt(0)) >= 0) {
            return false;
        }
        String name = EXTENSION.matcher(l).replaceFirst("").replaceAll("[ *_^]+$", "");
        if (l.startsWith("@")) {
            return !name.substring(1).isBlank() && name.chars().noneMatch(ch -> ch == '^' || ch == '(' || ch == ')');
        }
        if (name.isEmpty() || name.matches("[0-9 _*]+")) {
            return false;
        }
        return name.chars().noneMatch(ch -> ch >= 'a' && ch <= 'z' || ch == '^' || ch == '(' || ch == ')')
                && !name.endsWith("BLACK.") && !name.endsWith("OUT.") && !name.endsWith("TO:");
    }

    private static void dialogue(String block, List<Element> elements) {
        String[] lines = block.split("\n");
        String cue = lines[0].strip().replaceAll("\\^$", "").strip();
        elements.add(new Element(Type.CHARACTER, cue.startsWith("@") ? cue.substring(1).strip() : cue));
        for (int i = 1; i < lines.length; i++) {
            String spoken = lines[i].strip();
            if (spoken.isEmpty()) {
                continue;
            }
            Element last = elements.getLast();
            if (PARENTHETICAL.matcher(spoken).matches()) {
                elements.add(new Element(Type.PARENTHETICAL, spoken));
            } else if (spoken.matches("~(?! ).+")) {
                if (last.type() == Type.LYRICS) {
                    elements.set(elements.size() - 1, new Element(Type.LYRICS, last.text() + "\n" + spoken.substring(1)));
                } else {
                    elements.add(new Element(Type.LYRICS, spoken.substring(1)));
                }
            } else if (last.type() == Type.DIALOGUE) {
                elements.set(elements.size() - 1, new Element(Type.DIALOGUE, last.text() + "\n" + spoken));
            } else {
                elements.add(new Element(Type.DIALOGUE, spoken));
            }
        }
    }
}
