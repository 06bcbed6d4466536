package com.authorworks.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.authorworks.engine.story.Outline;

import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class PlanOnlyTests {

    @TempDir
    Path dir;

    @Test
    void planWritesThePlanStopsAndResumeDraftsTheBookWithoutPayingForThePlanAgain() {
        List<GenerationEvent> events = new CopyOnWriteArrayList<>();
        Books.Counting model = new Books.Counting();
        var engine = new GenerationEngine(model, new FileCheckpointStore(dir), events::add, Books.options(2));

        RunResult planned = engine.plan(Books.spec(3, 6_000, 1));

        assertThat(planned.status()).isEqualTo(RunResult.Status.PLANNED);
        assertThat(engine.finishedSteps()).containsExactlyInAnyOrderElementsOf(StepKeys.PLAN);
        assertThat(events).filteredOn(e -> e instanceof GenerationEvent.StepCompleted)
                .extracting(e -> ((GenerationEvent.StepCompleted) e).key()).containsExactlyElementsOf(StepKeys.PLAN);
        assertThat(events).noneMatch(e -> e instanceof GenerationEvent.RunCompleted || e instanceof GenerationEvent.SceneDrafted);
        assertThat(events.getLast().progress().step()).isEqualTo(StepKeys.OUTLINE);
        Outline outline = JsonMapper.builder().build().readValue(engine.step(StepKeys.OUTLINE).orElseThrow().content(), Outline.class);
        assertThat(outline.sceneCount()).isPositive();
        assertThat(events.getLast().progress().scenesTotal()).as("the outline's event counts its scenes").isEqualTo(outline.sceneCount());
        int planCalls = model.calls.get();
        // one call per plan step, but the outline takes two passes: a skeleton, then the scenes of up to five chapters per call
        assertThat(planCalls).isEqualTo(StepKeys.PLAN.size() + 1);

        RunResult drafted = engine.resume();

        assertThat(drafted.status()).isEqualTo(RunResult.Status.COMPLETED);
        assertThat(engine.markdown()).doesNotContain("Not drafted yet");
        assertThat(model.requests.subList(planCalls, model.requests.size()))
                .noneMatch(r -> r.output() instanceof com.authorworks.engine.llm.OutputFormat.Json json
                        && List.of("genre", "style_guide", "characters", "synopsis", "outline", "chapter_scenes").contains(json.name()));
        assertThat(engine.plan(Books.spec(3, 6_000, 1)).status()).as("a planned book is not planned again").isEqualTo(RunResult.Status.PLANNED);
        assertThat(engine.cost().calls()).isEqualTo(model.calls.get());
    }
}
