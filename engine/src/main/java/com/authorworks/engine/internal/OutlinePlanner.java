package com.authorworks.engine.internal;

import com.authorworks.engine.BookSpec;
import com.authorworks.engine.CallRecord;
import com.authorworks.engine.StepKeys;
import com.authorworks.engine.StepRecord;
import com.authorworks.engine.story.Cast;
import com.authorworks.engine.story.Outline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The outline in two passes: the skeleton (acts, what each chapter does) in one call, then every group of
 * chapters' scenes in parallel. These calls share one system prompt (synopsis, cast, skeleton) that
 * providers cache, and only the skeleton waits for a whole answer before drafting can be planned. Each
 * finished part is checkpointed under a name made of its inputs, so a killed run keeps it.
 */
final class OutlinePlanner {

    /**
     * How many chapters one call of the second pass plans. Fixed (not the concurrency), so the outline
     * depends on the spec alone; small enough that the calls run side by side, large enough that the
     * shared prefix (synopsis, cast, skeleton) is not re-read once per chapter.
     */
    private static final int CHAPTERS_PER_CALL = 5;

    private final BookSpec spec;
    private final StepStore steps;
    private final StructuredAsk asking;

    OutlinePlanner(BookSpec spec, StepStore steps, StructuredAsk asking) {
        this.spec = spec;
        this.steps = steps;
        this.asking = asking;
    }

    Outline plan(String planner, String synopsisJson, String castJson, Cast cast, List<CallRecord> calls) {
        int acts = Math.min(spec.format().acts(), spec.chapters());
        double perChapter = spec.targetWords() / (double) spec.chapters();
        int scenes = (int) Math.max(1, Math.min(6, Math.round(perChapter / 1500)));
        int sceneWords = (int) Math.max(100, perChapter / scenes);
        String skeletonPrompt = Prompts.outlineSkeleton(spec, synopsisJson, castJson, Outline.actEnds(spec.chapters(), acts));
        StepRecord skeletonPart = steps.step(StepKeys.partial(StepKeys.OUTLINE, "skeleton", spec.model() + planner + skeletonPrompt),
                mine -> Json.write(asking.ask(new StructuredAsk.Question<>(StepKeys.OUTLINE, StepKeys.OUTLINE, OutlineSkeleton.class, planner,
                        skeletonPrompt, "outline", Schemas.outlineSkeleton(spec.chapters(), acts), o -> PlanChecks.skeleton(o, spec.chapters(), acts),
                        spec.model(), Math.min(16_000, 1_000 + 200 * spec.chapters())), mine))).record();
        OutlineSkeleton skeleton = Json.read(skeletonPart.content(), OutlineSkeleton.class);
        calls.addAll(skeletonPart.calls());
        String system = Prompts.chapterPlanner(spec, synopsisJson, castJson, skeleton.render(spec.format().unit()));
        List<CompletableFuture<PlannedChapters>> groups = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int first = 1; first <= spec.chapters(); first += CHAPTERS_PER_CALL) {
                int last = Math.min(spec.chapters(), first + CHAPTERS_PER_CALL - 1);
                List<OutlineSkeleton.Chapter> ideas = skeleton.chapters().subList(first - 1, last);
                String name = "c%03d-c%03d".formatted(first, last);
                String user = Prompts.chapterScenes(spec.format(), first, ideas, Math.max(1, scenes - 1), scenes + 1, sceneWords);
                String schema = Schemas.chapterScenes(ideas.size(), cast.names(), Math.max(1, scenes - 1), scenes + 1, sceneWords);
                int from = first;
                String part = StepKeys.partial(StepKeys.OUTLINE, name, spec.model() + system + user);
                groups.add(CompletableFuture.supplyAsync(() -> {
                    StepRecord planned = steps.step(part, mine -> Json.write(asking.ask(new StructuredAsk.Question<>(
                            StepKeys.OUTLINE + "/" + name, StepKeys.OUTLINE, OutlineSkeleton.ChapterScenes.class, system, user, "chapter_scenes",
                            schema, p -> PlanChecks.scenes(p, from, ideas.size(), spec.format().unit().toLowerCase(Locale.ROOT), cast),
                            spec.model(), 1_000 + 500 * (scenes + 1) * ideas.size()), mine))).record();
                    List<Outline.ChapterPlan> plans = new ArrayList<>();
                    var answer = Json.read(planned.content(), OutlineSkeleton.ChapterScenes.class);
                    for (int i = 0; i < ideas.size(); i++) {
                        plans.add(new Outline.ChapterPlan(ideas.get(i).title(), ideas.get(i).summary(), answer.chapters().get(i).scenes(),
                                ideas.get(i).outcomes()));
                    }
                    return new PlannedChapters(plans, planned.calls());
                }, pool));
            }
            CompletableFuture.allOf(groups.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        }
        RuntimeException failure = null;
        List<Outline.ChapterPlan> chapters = new ArrayList<>();
        for (CompletableFuture<PlannedChapters> group : groups) {
            if (group.isCompletedExceptionally()) {
                Throwable cause = group.exceptionNow();
                failure = failure != null ? failure : cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
            } else {
                chapters.addAll(group.resultNow().plans());
                calls.addAll(group.resultNow().calls());
            }
        }
        if (failure != null) {
            throw failure;
        }
        return new Outline(skeleton.acts(), chapters);
    }

    private record PlannedChapters(List<Outline.ChapterPlan> plans, List<CallRecord> calls) {
    }
}
