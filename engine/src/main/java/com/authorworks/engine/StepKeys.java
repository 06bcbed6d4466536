package com.authorworks.engine;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of a run's checkpoints and what each depends on. Regenerating or editing a step
 * invalidates exactly the steps that (transitively) depend on it.
 */
public final class StepKeys {

    public static final String SPEC = "spec";
    public static final String GENRE = "plan/genre";
    public static final String STYLE = "plan/style";
    public static final String CHARACTERS = "plan/characters";
    public static final String SYNOPSIS = "plan/synopsis";
    public static final String OUTLINE = "plan/outline";
    public static final String BOOK_SUMMARY = "summary/book";
    public static final List<String> PLAN = List.of(GENRE, STYLE, CHARACTERS, SYNOPSIS, OUTLINE);
    /** Not a step: what calls made to help the author edit (AI assist) are booked under. */
    public static final String ASSIST = "assist";
    /**
     * Not a step: the author's codex ({@link com.authorworks.engine.story.Codex} as JSON), when the host keeps one. Read
     * afresh for every drafting prompt, whose ledger part it then is; the host may answer it from its own tables.
     */
    public static final String CODEX = "codex";
    /**
     * Not a step: the author's standing instructions for the book (plain text, {@link com.authorworks.engine.story.Instructions}),
     * when the host keeps them; every drafting prompt ends with them.
     */
    public static final String INSTRUCTIONS = "instructions";
    /** Prefix of the records of calls paid for by steps that have not finished. */
    public static final String UNFINISHED = "unfinished/";
    /** Prefix of the finished parts of steps that have not finished. */
    public static final String PARTIAL = "partial/";

    private static final Pattern SCENE = Pattern.compile("(draft|memory|revision|manifest)/c(\\d+)/s(\\d+)");
    private static final Pattern CHAPTER = Pattern.compile("summary/c(\\d+)");
    private static final Pattern ACT = Pattern.compile("summary/a(\\d+)");

    private StepKeys() {
    }

    public static String draft(int chapter, int scene) {
        return scene("draft", chapter, scene);
    }

    /** The scene's summary, new ledger facts and contradictions. */
    public static String memory(int chapter, int scene) {
        return scene("memory", chapter, scene);
    }

    /** The scene's text after a contradiction was corrected; exists only when one was found. */
    public static String revision(int chapter, int scene) {
        return scene("revision", chapter, scene);
    }

    /** The context manifest of the scene's drafting call (not a step: it goes with the draft). */
    public static String manifest(int chapter, int scene) {
        return scene("manifest", chapter, scene);
    }

    /**
     * Where the calls of a step still running (or that never finished) are kept until it is checkpointed;
     * one record per run, so calls paid in a run that died stay accounted.
     */
    public static String unfinished(String step, String run) {
        return UNFINISHED + step + "/" + run;
    }

    /**
     * A finished part of a step made of several calls (the outline's skeleton, one chapter's scenes), so
     * a run that dies in the middle of the step does not pay for its finished parts again. Named after
     * its inputs: a part whose inputs changed is never reused. Deleted when the step is checkpointed.
     */
    public static String partial(String step, String part, String inputs) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : inputs.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            hash ^= b;
            hash *= 0x100000001b3L;
        }
        return partial(step) + part + "-" + Long.toHexString(hash);
    }

    /** The prefix of a step's parts. */
    public static String partial(String step) {
        return PARTIAL + step + "/";
    }

    /** The step a part ({@link #partial}) or an unfinished record ({@link #unfinished}) belongs to. */
    public static String stepOf(String record) {
        String rest = record.substring(record.indexOf('/') + 1);
        return rest.substring(0, rest.lastIndexOf('/'));
    }

    /**
     * The step whose paid calls a record holds: a step's own record, its parts, and the unfinished
     * records of either; null for the records that hold no calls (the spec, manifests).
     */
    public static String paidFor(String record) {
        if (isStep(record)) {
            return record;
        }
        if (record.startsWith(UNFINISHED)) {
            return paidFor(stepOf(record));
        }
        return record.startsWith(PARTIAL) ? stepOf(record) : null;
    }

    public static String chapterSummary(int chapter) {
        return "summary/c%03d".formatted(chapter);
    }

    /** An act's summary, written from its chapters' summaries; the book's summary is written from the acts'. */
    public static String actSummary(int act) {
        return "summary/a%02d".formatted(act);
    }

    private static String scene(String kind, int chapter, int scene) {
        return "%s/c%03d/s%02d".formatted(kind, chapter, scene);
    }

    /**
     * A key read back: its {@link #kind}, the phase of the work it belongs to ({@code plan}, {@code draft},
     * {@code revision}, {@code summary} — scene memories included, being the scene's summary and facts —,
     * {@code assist} or {@code other}) and the chapter and scene it is about, null when none.
     */
    public record Step(String key, String kind, String phase, Integer chapter, Integer scene) {
    }

    public static Step parse(String key) {
        if (PLAN.contains(key)) {
            return new Step(key, key, "plan", null, null);
        }
        if (key.equals(BOOK_SUMMARY) || ACT.matcher(key).matches()) {
            return new Step(key, "summary", "summary", null, null);
        }
        if (key.equals(ASSIST)) {
            return new Step(key, ASSIST, "assist", null, null);
        }
        Matcher chapter = CHAPTER.matcher(key);
        if (chapter.matches()) {
            return new Step(key, "summary", "summary", Integer.parseInt(chapter.group(1)), null);
        }
        Matcher scene = SCENE.matcher(key);
        if (scene.matches()) {
            String kind = scene.group(1);
            String phase = switch (kind) {
                case "draft", "manifest" -> "draft";
                case "memory" -> "summary";
                default -> kind;
            };
            return new Step(key, kind, phase, Integer.parseInt(scene.group(2)), Integer.parseInt(scene.group(3)));
        }
        return new Step(key, "other", "other", null, null);
    }

    /** Whether the key names a step (as opposed to the spec or a manifest). */
    public static boolean isStep(String key) {
        return PLAN.contains(key) || key.equals(BOOK_SUMMARY) || CHAPTER.matcher(key).matches() || ACT.matcher(key).matches()
                || (SCENE.matcher(key).matches() && !key.startsWith("manifest/"));
    }

    /** The kind of step, for cost breakdowns: {@code plan/outline}, {@code draft}, {@code summary}... */
    public static String kind(String key) {
        return parse(key).kind();
    }

    /**
     * Whether {@code key} directly depends on {@code other}. {@code window} is the book's chapter window:
     * a scene of chapter N reads chapters up to N - window.
     * <p>
     * This is the static graph: what a step reads whatever the timing. With a window above 1 a draft may also
     * have read what scenes of the chapters drafted alongside had finished when its prompt was made (their
     * ledger facts, summary or ending, all earlier in story order; its manifest lists them), which depends on
     * how fast each call came back and is not followed here: regenerating such a scene leaves the later
     * scenes that read it as they were written (regenerate those too to have them read the new text).
     */
    public static boolean dependsOn(String key, String other, int window) {
        switch (key) {
            case GENRE -> {
                return false;
            }
            case STYLE -> {
                return other.equals(GENRE);
            }
            case CHARACTERS -> {
                return other.equals(GENRE) || other.equals(STYLE);
            }
            case SYNOPSIS -> {
                return other.equals(CHARACTERS);
            }
            case OUTLINE -> {
                return other.equals(SYNOPSIS) || other.equals(CHARACTERS);
            }
            case BOOK_SUMMARY -> {
                return ACT.matcher(other).matches();
            }
            default -> {
            }
        }
        if (ACT.matcher(key).matches()) {
            // which chapters an act holds is the outline's; every chapter summary is counted, which at worst rewrites an act's summary too many
            return CHAPTER.matcher(other).matches() || other.equals(OUTLINE);
        }
        Matcher chapter = CHAPTER.matcher(key);
        if (chapter.matches()) {
            Optional<int[]> scene = sceneOf(other);
            return scene.isPresent() && scene.get()[0] == Integer.parseInt(chapter.group(1))
                    && (other.startsWith("memory/") || other.startsWith("revision/"));
        }
        Matcher m = SCENE.matcher(key);
        if (!m.matches()) {
            return false;
        }
        int c = Integer.parseInt(m.group(2));
        int s = Integer.parseInt(m.group(3));
        return switch (m.group(1)) {
            case "draft", "manifest" -> other.equals(OUTLINE) || other.equals(STYLE) || other.equals(CHARACTERS) || other.equals(SYNOPSIS)
                    || (s > 1 && (other.equals(memory(c, s - 1)) || other.equals(revision(c, s - 1))))
                    || chapterOf(other).filter(v -> other.startsWith("summary/") && v <= c - window).isPresent();
            case "memory" -> other.equals(draft(c, s));
            case "revision" -> other.equals(draft(c, s)) || other.equals(memory(c, s));
            default -> false;
        };
    }

    private static Optional<int[]> sceneOf(String key) {
        Matcher m = SCENE.matcher(key);
        return m.matches() ? Optional.of(new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))}) : Optional.empty();
    }

    private static Optional<Integer> chapterOf(String key) {
        Matcher m = CHAPTER.matcher(key);
        return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }
}
