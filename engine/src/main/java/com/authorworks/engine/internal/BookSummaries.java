package com.authorworks.engine.internal;

import com.authorworks.engine.BookSpec;
import com.authorworks.engine.StepKeys;
import com.authorworks.engine.story.ChapterSummary;
import com.authorworks.engine.story.Outline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The top of the summary hierarchy (scene → chapter → act → book), each level bounded: an act is summarised
 * from its chapters' summaries and the book from its acts', and no call reads more than {@link #GROUP}
 * summaries: a longer list is first summarised in groups, so no call grows with the book. Groups, and the halves
 * of a list whose summary was cut, are summarised side by side.
 */
final class BookSummaries {

    static final int GROUP = 8;
    static final int ACT_WORDS = 250;
    static final int BOOK_WORDS = 300;

    private final BookSpec spec;
    private final Outline outline;
    private final StepStore steps;
    private final StructuredAsk asking;
    private final Compressor compressor;
    private final Consumer<String> written;

    BookSummaries(BookSpec spec, Outline outline, StepStore steps, StructuredAsk asking, Compressor compressor, Consumer<String> written) {
        this.spec = spec;
        this.outline = outline;
        this.steps = steps;
        this.asking = asking;
        this.compressor = compressor;
        this.written = written;
    }

    void write() {
        List<String> acts = new ArrayList<>();
        for (int a = 1; a <= outline.acts().size(); a++) {
            acts.add(act(a));
        }
        book(acts);
    }

    /** The chapters of each act, first to last: act {@code a} is chapters {@code [from(a), to(a)]}. */
    int[] actEnds() {
        return Outline.actEnds(outline.chapters().size(), outline.acts().size());
    }

    /** Act {@code a}'s summary, from its chapters' summaries (which must be written), as the book summary reads it. */
    String act(int a) {
        String unit = spec.format().unit();
        int[] ends = actEnds();
        int from = a == 1 ? 1 : ends[a - 2] + 1;
        int last = ends[a - 1];
        // the chapters' summaries are read only when the act's summary is to be written
        Supplier<List<String>> chapters = () -> IntStream.rangeClosed(from, last)
                .mapToObj(c -> unit + " " + c + ": " + Words.capped(steps.chapterSummary(c), ChapterWriter.CHAPTER_SUMMARY_WORDS)).toList();
        return "Act " + a + ": " + summary(StepKeys.actSummary(a), chapters, ACT_WORDS,
                "act " + a + " (" + unit.toLowerCase() + "s " + from + "-" + last + ")");
    }

    /** The book's summary, from its acts'. */
    void book(List<String> acts) {
        summary(StepKeys.BOOK_SUMMARY, () -> acts, BOOK_WORDS, "the whole work as written");
    }

    private String summary(String key, Supplier<List<String>> items, int words, String what) {
        StepStore.Done done = steps.step(key, calls -> {
            List<String> level = items.get();
            while (level.size() > GROUP) {
                List<Supplier<String>> groups = new ArrayList<>();
                for (int i = 0; i < level.size(); i += GROUP) {
                    List<String> group = level.subList(i, Math.min(level.size(), i + GROUP));
                    groups.add(() -> ask(key, group, words, "part of " + what, calls));
                }
                level = together(groups);
            }
            return Json.write(new ChapterSummary(ask(key, level, words, what, calls)));
        });
        if (done.fresh()) {
            written.accept(key);
        }
        return Json.read(done.record().content(), ChapterSummary.class).summary();
    }

    /**
     * The summary of {@code items}. An answer cut at the length limit (a model that retells every item in full)
     * is not asked again as it was: the items are summarised in two halves and the halves' summaries together,
     * so each call reads less; a single item is already a bounded summary and is only shortened, and two whose
     * summary is cut are shortened together.
     */
    private String ask(String key, List<String> items, int words, String what, StepStore.PaidCalls calls) {
        if (items.size() == 1) {
            return compressor.bounded(items.getFirst(), words, calls);
        }
        StructuredAsk.Question<ChapterSummary> question = new StructuredAsk.Question<>(StepKeys.kind(key), key, ChapterSummary.class,
                Prompts.keeper(spec), Prompts.summaryOf(what, String.join("\n\n", items), words), "summary", Schemas.summary(words),
                PlanChecks::summary, spec.summaryModelOrDefault(), words * 3 + 500);
        try {
            return compressor.bounded(asking.askWhole(question, calls).summary(), words, calls);
        } catch (StructuredAsk.Cut cut) {
            if (items.size() == 2) {
                // two bounded summaries: shortened together, by the model and then by the engine
                return compressor.bounded(String.join(" ", items), words, calls);
            }
            int half = items.size() / 2;
            // the halves side by side: each is a call of its own, and the whole waits for the slower one only
            List<String> halves = together(List.of(() -> ask(key, items.subList(0, half), words, "part of " + what, calls),
                    () -> ask(key, items.subList(half, items.size()), words, "part of " + what, calls)));
            return ask(key, halves, words, what, calls);
        }
    }

    /** Runs {@code tasks} side by side (each on a virtual thread) and answers their results in order; the first failure is thrown. */
    static List<String> together(List<Supplier<String>> tasks) {
        if (tasks.size() == 1) {
            return List.of(tasks.getFirst().get());
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> running = tasks.stream().map(task -> pool.submit(task::get)).toList();
            List<String> results = new ArrayList<>();
            for (Future<String> future : running) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    running.forEach(f -> f.cancel(true));
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunStopped(RunStopped.Reason.CANCELLED);
        }
    }
}
