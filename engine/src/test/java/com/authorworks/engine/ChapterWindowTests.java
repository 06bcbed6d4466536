package com.authorworks.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.OutputFormat;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChapterWindowTests {

    @Test
    void theDefaultWindowGrowsWithTheStreamsBeyondFour() {
        assertThat(ChapterWindow.forConcurrency(1)).isEqualTo(4);
        assertThat(ChapterWindow.forConcurrency(4)).isEqualTo(4);
        assertThat(ChapterWindow.forConcurrency(5)).isEqualTo(6);
        assertThat(ChapterWindow.forConcurrency(8)).isEqualTo(12);
        for (int streams = 1; streams <= 32; streams++) {
            assertThat(ChapterWindow.forConcurrency(streams)).as("never narrower than the streams").isGreaterThanOrEqualTo(streams);
        }
    }

    @Test
    void aWindowOrABookNarrowerThanTheStreamsIsNamedAsTheReason() {
        assertThat(ChapterWindow.idleStreams(12, 24, 8)).isEmpty();
        assertThat(ChapterWindow.idleStreams(4, 24, 4)).isEmpty();
        assertThat(ChapterWindow.idleStreams(2, 24, 8)).hasValue(
                "only 2 of 8 streams can be used while drafting: each chapter is drafted one call at a time and the chapter window is 2");
        assertThat(ChapterWindow.idleStreams(12, 3, 8)).hasValueSatisfying(
                reason -> assertThat(reason).startsWith("only 3 of 8 streams").endsWith("the book has 3 chapters"));
    }

    @TempDir
    Path dir;

    @Test
    void theDefaultWindowDraftsOnTheStreamsANarrowerOneLeavesIdle() {
        int streams = 8;
        var widened = new Drafting();
        new GenerationEngine(widened, new FileCheckpointStore(dir.resolve("default")), null, Books.options(streams))
                .start(Books.spec(12, 12_000, ChapterWindow.forConcurrency(streams)));
        var narrow = new Drafting();
        new GenerationEngine(narrow, new FileCheckpointStore(dir.resolve("four")), null, Books.options(streams))
                .start(Books.spec(12, 12_000, 4));

        // how many calls overlap depends on timing; what the window allows does not
        assertThat(widened.most.get()).isGreaterThan(4).isLessThanOrEqualTo(streams);
        assertThat(narrow.most.get()).isLessThanOrEqualTo(4);
        assertThat(ChapterWindow.idleStreams(4, 12, streams)).isPresent();
    }

    /** The sample writer, with drafting calls that take a while, counting how many are in flight at once. */
    static final class Drafting implements LanguageModel {
        final LanguageModel sample = new Books.Counting();
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();

        @Override
        public String provider() {
            return "sample";
        }

        @Override
        public Completion complete(CompletionRequest request) {
            if (!(request.output() instanceof OutputFormat.Text)) {
                return sample.complete(request);
            }
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                Thread.sleep(60);
                return sample.complete(request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                now.decrementAndGet();
            }
        }
    }
}
