package com.authorworks.engine;

import com.authorworks.engine.llm.providers.FakeAnthropicServer;
import com.authorworks.engine.sample.SampleLanguageModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real {@code kill -9} (SIGKILL) of a process generating a book, twice, in the middle of its drafting
 * calls: every call the model server served is on the account, each once, and the book is finished.
 */
@Timeout(600)
class KillNineIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void twoKillsMidCallLoseNoServedCallFromTheAccountAndBookNoneTwice() throws Exception {
        // about 400 tokens a second per stream: a scene (1,500 words) streams for about five seconds
        try (FakeAnthropicServer server = new FakeAnthropicServer(new SampleLanguageModel(7), 400, Duration.ofMillis(200))) {
            Path book = dir.resolve("book");
            for (String command : List.of("start", "resume")) {
                Path log = dir.resolve(command + ".log");
                Process run = launch(command, server, book, log);
                long before = server.requests();
                // past the plan (6 calls) into the drafting calls, with every stream busy
                waitFor(() -> server.requests() >= Math.max(8, before + 3) && server.inFlight() >= KillableRun.CONCURRENCY, run, log);
                Thread.sleep(700);
                run.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
                assertThat(run.waitFor()).isEqualTo(137);
            }
            long inFlightAtKills = 0;
            CostReport afterKills = com.authorworks.engine.internal.Accounts.report(new FileCheckpointStore(book));
            inFlightAtKills = afterKills.estimatedCalls();

            GenerationEngine resumed = KillableRun.engine(server.baseUrl(), book);
            RunResult result = resumed.resume();
            long served = server.requests();

            GenerationEngine clean = KillableRun.engine(server.baseUrl(), dir.resolve("clean"));
            clean.start(KillableRun.spec());
            long uninterrupted = server.requests() - served;

            assertThat(result.status()).isEqualTo(RunResult.Status.COMPLETED);
            // (the text itself may differ from the uninterrupted run's: a chapter drafted beside others sees the facts of
            // the scenes that had finished before its prompt was built, and a kill changes which had)
            assertThat(resumed.finishedSteps()).containsAll(clean.finishedSteps());
            CostReport cost = result.cost();
            System.out.printf("kill -9 twice: %d requests served (%d uninterrupted), %d calls on the account, %d of them estimated "
                    + "(in flight at the kills), cost %s (uninterrupted %s)%n", served, uninterrupted, cost.calls(), cost.estimatedCalls(),
                    cost.costUsd(), clean.cost().costUsd());
            assertThat(cost.calls()).as("every served call on the account, once").isEqualTo(served);
            assertThat(cost.estimatedCalls()).isEqualTo(inFlightAtKills).isBetween(2L, 2L * KillableRun.CONCURRENCY);
            assertThat(served - uninterrupted).as("at most one wasted call per stream per kill").isBetween(1L, 2L * KillableRun.CONCURRENCY);
            assertThat(cost.costUsd()).isGreaterThan(clean.cost().costUsd());
        }
    }

    private static Process launch(String command, FakeAnthropicServer server, Path book, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KillableRun.class.getName(), command,
                server.baseUrl().toString(), book.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Process run, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!condition.getAsBoolean()) {
            if (!run.isAlive()) {
                throw new AssertionError("the run ended before it could be killed:\n" + java.nio.file.Files.readString(log));
            }
            assertThat(System.nanoTime()).as("the run reached its drafting calls in time").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
