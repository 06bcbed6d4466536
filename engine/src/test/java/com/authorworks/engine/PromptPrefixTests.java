package com.authorworks.engine;

import com.authorworks.engine.internal.Json;
import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.OutputFormat;
import com.authorworks.engine.story.Cast;
import com.authorworks.engine.story.Synopsis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What makes prompt caching pay: one stable prefix per kind of call, written once, then read. */
class PromptPrefixTests {

    @TempDir
    Path dir;

    /** Numbers the moments calls start and first stream text, in one order across threads (no clocks). */
    static final class Sequencing extends Books.Counting {
        final AtomicInteger clock = new AtomicInteger();
        final Map<CompletionRequest, Integer> started = new ConcurrentHashMap<>();
        final Map<CompletionRequest, Integer> firstText = new ConcurrentHashMap<>();

        @Override
        Completion answer(CompletionRequest request) {
            started.put(request, clock.incrementAndGet());
            return delegate.complete(new CompletionRequest(request.model(), request.system(), request.messages(), request.temperature(),
                    request.maxTokens(), request.output(), request.cachePrefix(), request.key(), piece -> {
                        firstText.putIfAbsent(request, clock.incrementAndGet());
                        request.onDelta().accept(piece);
                    }));
        }
    }

    @Test
    void everyCallStreamsAndTheFirstCallOfAPrefixAnswersBeforeTheOthersWithItStart() {
        Sequencing model = new Sequencing();
        var engine = new GenerationEngine(model, new FileCheckpointStore(dir), null, Books.options(4));

        engine.start(Books.spec(6, 12_000, 3));

        assertThat(model.requests).allSatisfy(r -> assertThat(r.streaming()).isTrue());
        // only a prefix long enough to be cached is worth the wait (and only such a prefix is marked)
        Map<String, List<CompletionRequest>> byPrefix = model.requests.stream().filter(CompletionRequest::cachePrefix)
                .collect(Collectors.groupingBy(r -> r.model() + "\u0000" + r.system()));
        assertThat(byPrefix.values()).anySatisfy(calls -> assertThat(calls).hasSizeGreaterThan(4));
        byPrefix.values().forEach(calls -> {
            CompletionRequest first = calls.stream().min(java.util.Comparator.comparing(model.started::get)).orElseThrow();
            calls.stream().filter(r -> r != first).forEach(r -> assertThat(model.started.get(r))
                    .as("a call with this prefix starts only after the first one's answer began")
                    .isGreaterThan(model.firstText.get(first)));
        });
    }

    @Test
    void theDraftingPrefixIsTheSameForEveryScene() {
        Books.Counting model = new Books.Counting();
        var engine = new GenerationEngine(model, new FileCheckpointStore(dir), null, Books.options(2));

        engine.start(Books.spec(4, 8_000, 1));

        Synopsis synopsis = Json.read(engine.step(StepKeys.SYNOPSIS).orElseThrow().content(), Synopsis.class);
        List<CompletionRequest> drafts = model.requests.stream().filter(r -> r.output() instanceof OutputFormat.Text
                && r.messages().getFirst().content().contains("Write about")).toList();
        assertThat(drafts).hasSizeGreaterThan(3).extracting(CompletionRequest::system).containsOnly(drafts.getFirst().system());
        assertThat(drafts.getFirst().system()).contains(synopsis.synopsis());
        assertThat(drafts).allSatisfy(r -> assertThat(r.messages().getFirst().content()).doesNotContain(synopsis.synopsis()));
    }

    @Test
    void theKeeperChecksAgainstWhatScenesEstablishedNotTheCastSheet() {
        Books.Counting model = new Books.Counting();
        var engine = new GenerationEngine(model, new FileCheckpointStore(dir), null, Books.options(2));

        engine.start(Books.spec(2, 6_000, 1));

        Cast cast = Json.read(engine.step(StepKeys.CHARACTERS).orElseThrow().content(), Cast.class);
        List<String> memoryPrompts = model.requests.stream().filter(r -> r.output() instanceof OutputFormat.Json j
                && j.name().equals("scene_memory")).map(r -> r.messages().getFirst().content()).toList();
        assertThat(memoryPrompts.getFirst()).contains("(nothing yet)");
        assertThat(memoryPrompts).allSatisfy(p -> assertThat(p).doesNotContain(cast.characters().getFirst().description()));
        assertThat(memoryPrompts.getLast()).containsPattern("\\w+ = ");
    }
}
