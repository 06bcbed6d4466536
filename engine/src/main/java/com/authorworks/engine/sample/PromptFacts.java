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
record PromptFacts(String pov, List<String> characters, String setting, List<String> beats, List<String> opening, List<String> closing,
                   AuthorWishes author) {

    /** No author's idea in the prompt (drafting and assist prompts carry the plan instead). */
    static final AuthorWishes NO_WISHES = new AuthorWishes(null, List.of(), null);

    /**
     * What the author asked for in a plan prompt: the idea (as written), the names it gives people, and
     * the genre (a structured wish, or a {@code Genre:} line in the idea).
     */
    record AuthorWishes(String idea, List<String> names, String genre) {

        boolean any() {
            return idea != null;
        }

        /** The idea's first sentence or two, on one line, at most {@code max} characters. */
        String ideaInBrief(int max) {
            if (idea == null) {
                return null;
            }
            String text = idea.lines().filter(l -> !LABELLED.matcher(l).lookingAt()).reduce("", (a, b) -> a + " " + b)
                    .replaceAll("\\s+", " ").strip();
            if (text.isEmpty()) {
                return null;
            }
            Matcher sentence = Pattern.compile("^.{20,}?[.!?](?=\\s|$)").matcher(text);
            String brief = sentence.find() ? sentence.group() : text;
            return brief.length() <= max ? brief : brief.substring(0, max - 1).strip() + "…";
        }
    }

    private static final Pattern LABELLED = Pattern.compile("(?i)\\s*(genre|style|characters|cast|setting)\\s*:");
    private static final Pattern GENRE_LINE = Pattern.compile("(?im)^\\s*genre\\s*:\\s*(.+)$");
    private static final Pattern CAST_LINE = Pattern.compile("(?im)^\\s*(?:characters|cast)\\s*:\\s*(.+)$");
    private static final Pattern CAPITALISED = Pattern.compile("\\b\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+)?");
    /** Words before a place's name (and place-like openers): what follows them is not a person. */
    private static final java.util.Set<String> PLACE_WORDS = java.util.Set.of("in", "on", "at", "near", "into", "across",
            "towards", "toward", "through", "under", "over", "beyond", "via");
    /** Capitalised words that are not names. */
    private static final java.util.Set<String> NOT_NAMES = java.util.Set.of("I", "A", "An", "The", "He", "She", "They", "It", "We", "You",
            "His", "Her", "Their", "Its", "Our", "My", "When", "Then", "But", "And", "Or", "If", "In", "On", "At", "Of", "To", "For",
            "After", "Before", "While", "As", "With", "Without", "One", "Two", "Three", "This", "That", "These", "Those", "There", "Here",
            "What", "Who", "Why", "How", "Where", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
            "Genre", "Style", "Characters", "Cast", "Setting", "Chapter", "Book", "Part", "Act", "Scene", "Mr", "Mrs", "Ms", "Dr",
            "God", "English", "French", "German", "Spanish", "Italian", "American", "British", "Sample");

    private static final Pattern POV = Pattern.compile("(?m)^POV: (.+)$");
    private static final Pattern PRESENT = Pattern.compile("(?m)^Characters present: (.+)$");
    private static final Pattern SETTING = Pattern.compile("(?m)^Setting: (.+)$");
    private static final Pattern BEAT = Pattern.compile("(?m)^- (.+)$");
    private static final Pattern CAST_NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");

    static PromptFacts of(String prompt) {
        return of(prompt, null);
    }

    /** The facts of a prompt whose system part ({@code system}) may be the planner's, carrying the author's idea. */
    static PromptFacts of(String prompt, String system) {
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
                linesAfter(Prompts.END_WITH, prompt), wishes(system));
    }

    /** The author's idea, names and genre from the planner's system prompt; none for any other prompt. */
    static AuthorWishes wishes(String system) {
        if (system == null) {
            return NO_WISHES;
        }
        int at = system.lastIndexOf(Prompts.AUTHOR_IDEA);
        if (at < 0) {
            return NO_WISHES;
        }
        String idea = system.substring(at + Prompts.AUTHOR_IDEA.length()).strip();
        String genre = find(Pattern.compile("(?m)^" + Pattern.quote(Prompts.AUTHOR_GENRE) + " (.+)$"), system.substring(0, at))
                .or(() -> find(GENRE_LINE, idea)).orElse(null);
        return new AuthorWishes(idea.isEmpty() ? null : idea, names(idea), genre);
    }

    /**
     * The people an idea names: a {@code Characters:} line's entries if there is one, else capitalised words
     * (one or two together) that are not at the start of a sentence, or are but recur elsewhere.
     */
    static List<String> names(String idea) {
        List<String> names = new ArrayList<>();
        Matcher cast = CAST_LINE.matcher(idea);
        while (cast.find()) {
            for (String entry : cast.group(1).split("[,;]|\\band\\b")) {
                String name = entry.split("[(:–—]| - ")[0].strip();
                if (!name.isEmpty() && name.length() <= 60 && !names.contains(name)) {
                    names.add(name);
                }
            }
        }
        if (!names.isEmpty()) {
            return List.copyOf(names);
        }
        String text = idea.lines().filter(l -> !LABELLED.matcher(l).lookingAt()).reduce("", (a, b) -> a + "\n" + b);
        Matcher m = CAPITALISED.matcher(text);
        while (m.find()) {
            String[] words = m.group().split("\\s+");
            String before = text.substring(0, m.start()).stripTrailing();
            String previous = before.isEmpty() ? "" : before.substring(Math.max(before.lastIndexOf(' '), before.lastIndexOf('\n')) + 1)
                    .toLowerCase(java.util.Locale.ROOT);
            if (PLACE_WORDS.contains(previous) || PLACE_WORDS.contains(words[0].toLowerCase(java.util.Locale.ROOT))) {
                continue; // "on Skellig Rock", "In Paris": a place, not a person
            }
            boolean startsSentence = before.isEmpty() || before.endsWith(".") || before.endsWith("!") || before.endsWith("?")
                    || before.endsWith("\n") || before.endsWith(":") || before.endsWith("\"");
            List<String> kept = java.util.Arrays.stream(words).filter(w -> !NOT_NAMES.contains(w)).toList();
            if (kept.isEmpty() || kept.size() < words.length && !NOT_NAMES.contains(words[0])) {
                continue;
            }
            if (kept.size() < words.length) {
                startsSentence = false; // "The old Jules": the article started the sentence
            }
            String name = String.join(" ", kept);
            String first = kept.getFirst();
            // a capitalised word opening a sentence is a name only if the idea uses it again
            if (startsSentence && countWord(text, first) < 2) {
                continue;
            }
            if (names.stream().noneMatch(n -> n.equals(name) || n.startsWith(name + " "))) {
                names.removeIf(n -> name.startsWith(n + " "));
                names.add(name);
            }
        }
        return List.copyOf(names.stream().distinct().limit(12).toList());
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

    private static int countWord(String text, String word) {
        Matcher m = Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
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
