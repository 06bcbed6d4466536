import com.authorworks.engine.BookSpec;
import com.authorworks.engine.CallRecord;
import com.authorworks.engine.CostReport;
import com.authorworks.engine.EngineOptions;
import com.authorworks.engine.FileCheckpointStore;
import com.authorworks.engine.Format;
import com.authorworks.engine.GenerationEngine;
import com.authorworks.engine.PriceTable;
import com.authorworks.engine.StepKeys;
import com.authorworks.engine.StepRecord;
import com.authorworks.engine.internal.Json;
import com.authorworks.engine.llm.ApiKey;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.LanguageModels;
import com.authorworks.engine.llm.OutputFormat;
import com.authorworks.engine.llm.ProviderSettings;
import com.authorworks.engine.llm.Usage;
import com.authorworks.engine.llm.providers.FakeAnthropicServer;
import com.authorworks.engine.sample.SampleLanguageModel;
import com.authorworks.engine.story.Cast;
import com.authorworks.engine.story.Fact;
import com.authorworks.engine.story.Outline;
import com.authorworks.engine.story.SceneMemory;
import com.authorworks.engine.story.ScenePosition;
import com.authorworks.engine.story.StoryLedger;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmarks the engine on a long novel against a local model server over real HTTP: the engine's
 * own Anthropic adapter talks to {@link FakeAnthropicServer} (Messages API, server-sent events,
 * prompt caching, usage as Anthropic reports it), which writes with the offline sample writer and
 * releases output at a fixed token rate per stream. Not a test: run with bench/engine/run.sh and
 * record the numbers in bench/README.md. (The sample-writer mode of bench/engine/run.sh: --server sample.)
 */
public class SampleServerBench {

    private static final Pattern SCENE = Pattern.compile("(?m)^Chapter (\\d+), scene (\\d+):");

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>(Map.of("--words", "100000", "--chapters", "30", "--rate", "60", "--streams", "8",
                "--window", "12", "--budget-tokens", "6000", "--ttft", "0", "--model", "claude-sonnet-4-5",
                "--summary-model", "claude-haiku-4-5"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!a.containsKey(args[i])) {
                throw new IllegalArgumentException("Unknown option " + args[i] + "; options: " + a.keySet());
            }
            a.put(args[i], args[i + 1]);
        }
        int words = Integer.parseInt(a.get("--words"));
        int chapters = Integer.parseInt(a.get("--chapters"));
        double rate = Double.parseDouble(a.get("--rate"));
        int streams = Integer.parseInt(a.get("--streams"));
        int window = Integer.parseInt(a.get("--window"));
        int budget = Integer.parseInt(a.get("--budget-tokens"));
        Duration ttft = Duration.ofMillis(Math.round(Double.parseDouble(a.get("--ttft")) * 1000));
        String modelName = a.get("--model");
        String summaryModel = a.get("--summary-model").equals("same") ? null : a.get("--summary-model");

        Path dir = Files.createTempDirectory("engine-bench");
        PriceTable prices = PriceTable.current();
        Map<String, String> scenePrompts = new ConcurrentHashMap<>();
        try (FakeAnthropicServer server = new FakeAnthropicServer(new SampleLanguageModel(42), rate, ttft)) {
            String dump = System.getenv("BENCH_DUMP");
            server.observe(seen -> {
                if (dump != null) {
                    try {
                        Files.writeString(Path.of(dump, "request-" + System.nanoTime() + ".txt"), "SYSTEM:\n" + seen.request().system()
                                + "\n\nMESSAGES:\n" + seen.request().messages() + "\n\nUSAGE in=" + seen.inputTokens() + " read="
                                + seen.cacheReadTokens() + " write=" + seen.cacheWriteTokens() + " out=" + seen.outputTokens());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                String user = seen.request().messages().getFirst().content();
                Matcher m = SCENE.matcher(user);
                if (seen.request().output() instanceof OutputFormat.Text && m.find() && !user.startsWith("This passage")) {
                    scenePrompts.put(m.group(1) + "." + m.group(2), seen.request().system() + "\n" + user);
                }
            });
            LanguageModel model = LanguageModels.create(new ProviderSettings("anthropic", server.baseUrl(), Duration.ofMinutes(10)));
            var engine = new GenerationEngine(model, new FileCheckpointStore(dir), null, EngineOptions.defaults()
                    .withKey(new ApiKey("sk-ant-local-fake-server")).withConcurrency(streams).withPrices(prices).withSceneContextTokens(budget));
            BookSpec spec = new BookSpec("Benchmark Novel", "A long novel for measuring the engine.", Format.NOVEL, words, chapters,
                    "anthropic", modelName, summaryModel, null, window);
            long start = System.nanoTime();
            var result = engine.start(spec);
            double wall = (System.nanoTime() - start) / 1e9;
            report(engine, result, spec, prices, wall, rate, streams, budget, ttft, scenePrompts, server.requests());
        }
    }

    private static void report(GenerationEngine engine, com.authorworks.engine.RunResult result, BookSpec spec, PriceTable prices,
                               double wall, double rate, int streams, int budget, Duration ttft, Map<String, String> scenePrompts,
                               long requests) {
        int chapters = spec.chapters();
        CostReport cost = result.cost();
        Outline outline = Json.read(engine.step(StepKeys.OUTLINE).orElseThrow().content(), Outline.class);

        // critical path: the plan steps that run one after another, then the slowest chapter (its own
        // outline call, if any, and its chain of draft, memory, revision and summary calls)
        long sequentialPlanOut = 0;
        Map<Integer, Long> chapterPlanOut = new HashMap<>();
        for (String key : StepKeys.PLAN) {
            for (CallRecord call : engine.step(key).orElseThrow().calls()) {
                // a call of the outline's second pass plans a range of chapters: each waits for it
                Matcher m = Pattern.compile("/c(\\d+)-c(\\d+)").matcher(call.purpose());
                if (key.equals(StepKeys.OUTLINE) && m.find()) {
                    for (int c = Integer.parseInt(m.group(1)); c <= Integer.parseInt(m.group(2)); c++) {
                        chapterPlanOut.merge(c, call.usage().outputTokens(), Long::sum);
                    }
                } else {
                    sequentialPlanOut += call.usage().outputTokens();
                }
            }
        }
        long longestChapter = 0;
        long[] chapterIn = new long[chapters + 1];
        long[] chapterOut = new long[chapters + 1];
        Map<String, Usage> byKind = new TreeMap<>();
        BigDecimal strictFloor = BigDecimal.ZERO;
        for (String key : engine.finishedSteps()) {
            for (CallRecord call : engine.step(key).orElseThrow().calls()) {
                byKind.merge(StepKeys.kind(key).startsWith("plan/") ? "plan" : StepKeys.kind(key), call.usage(), Usage::plus);
                strictFloor = strictFloor.add(prices.priceOf(call.model()).orElseThrow().output()
                        .multiply(BigDecimal.valueOf(call.usage().outputTokens())).divide(BigDecimal.valueOf(1_000_000)));
            }
        }
        for (int c = 1; c <= chapters; c++) {
            long chain = chapterPlanOut.getOrDefault(c, 0L);
            for (int s = 1; s <= outline.chapter(c).scenes().size(); s++) {
                for (String key : List.of(StepKeys.draft(c, s), StepKeys.memory(c, s), StepKeys.revision(c, s))) {
                    var record = engine.step(key);
                    if (record.isPresent()) {
                        chapterIn[c] += in(record.get());
                        chapterOut[c] += out(record.get());
                        chain += out(record.get());
                    }
                }
            }
            StepRecord summary = engine.step(StepKeys.chapterSummary(c)).orElseThrow();
            chapterIn[c] += in(summary);
            chapterOut[c] += out(summary);
            chain += out(summary);
            longestChapter = Math.max(longestChapter, chain);
        }
        long totalOut = cost.usage().outputTokens();
        long totalIn = cost.usage().inputTokens();
        double floorWall = Math.max(totalOut / (rate * streams), (sequentialPlanOut + longestChapter) / rate);
        BigDecimal floorCost = BigDecimal.valueOf(totalOut).multiply(BigDecimal.valueOf(15)).divide(BigDecimal.valueOf(1_000_000));
        BigDecimal uncachedOnePrice = BigDecimal.valueOf(totalIn * 3L + totalOut * 15L).divide(BigDecimal.valueOf(1_000_000));

        System.out.printf("book: %,d words target, %d chapters, %d scenes, status %s, %,d HTTP requests%n", spec.targetWords(), chapters,
                outline.sceneCount(), result.status(), requests);
        System.out.printf("settings: %s (summaries %s), %.0f output tok/s per stream, first token after %d ms, %d streams, chapter window %d, "
                + "scene budget %,d tokens%n", spec.model(), spec.summaryModelOrDefault(), rate, ttft.toMillis(), streams,
                spec.chapterWindow(), budget);
        System.out.printf("tokens: %,d in (%,d cache reads, %,d cache writes), %,d out, in/out %.2f%n", totalIn,
                cost.usage().cacheReadTokens(), cost.usage().cacheWriteTokens(), totalOut, totalIn / (double) totalOut);
        System.out.print("in/out by step kind:");
        byKind.forEach((kind, u) -> System.out.printf(" %s %,d/%,d", kind, u.inputTokens(), u.outputTokens()));
        System.out.println();
        System.out.print("in/out by chapter position (quarters of the book, chapter steps only):");
        for (int q = 0; q < 4; q++) {
            long qi = 0;
            long qo = 0;
            for (int c = q * chapters / 4 + 1; c <= (q + 1) * chapters / 4; c++) {
                qi += chapterIn[c];
                qo += chapterOut[c];
            }
            System.out.printf(" Q%d=%.2f", q + 1, qi / (double) qo);
        }
        System.out.println();
        System.out.print("in/out by chapter:");
        double[] ratio = new double[chapters + 1];
        for (int c = 1; c <= chapters; c++) {
            ratio[c] = chapterIn[c] / (double) chapterOut[c];
            System.out.printf(" %.2f", ratio[c]);
        }
        // least-squares trend over chapter position: flat means close to zero
        double meanX = (chapters + 1) / 2.0;
        double meanY = java.util.stream.IntStream.rangeClosed(1, chapters).mapToDouble(c -> ratio[c]).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (int c = 1; c <= chapters; c++) {
            sxy += (c - meanX) * (ratio[c] - meanY);
            sxx += (c - meanX) * (c - meanX);
        }
        System.out.printf("%ntrend of in/out over the book: %+.3f per 10 chapters (mean %.2f)%n", 10 * sxy / sxx, meanY);
        System.out.print("mean drafting prompt tokens by quarter:");
        for (int q = 0; q < 4; q++) {
            long sum = 0;
            int n = 0;
            for (int c = q * chapters / 4 + 1; c <= (q + 1) * chapters / 4; c++) {
                for (int s = 1; s <= outline.chapter(c).scenes().size(); s++) {
                    sum += engine.manifest(c, s).orElseThrow().usedTokens();
                    n++;
                }
            }
            System.out.printf(" Q%d=%,d", q + 1, sum / Math.max(1, n));
        }
        System.out.printf("; mean drafted tokens per scene by quarter:");
        for (int q = 0; q < 4; q++) {
            long sum = 0;
            int n = 0;
            for (int c = q * chapters / 4 + 1; c <= (q + 1) * chapters / 4; c++) {
                for (int s = 1; s <= outline.chapter(c).scenes().size(); s++) {
                    sum += out(engine.step(StepKeys.draft(c, s)).orElseThrow());
                    n++;
                }
            }
            System.out.printf(" Q%d=%,d", q + 1, sum / Math.max(1, n));
        }
        System.out.println();
        System.out.printf("cost (price table %s, cached tokens at their prices): $%.4f%n", prices.version(), cost.costUsd());
        System.out.printf("  vs output-only floor (every output token at Sonnet's $15/M, input free): $%.4f, ratio %.2f%n", floorCost,
                cost.costUsd().doubleValue() / floorCost.doubleValue());
        System.out.printf("  vs strict floor (every output token at its own model's output price, input free): $%.4f, ratio %.2f%n",
                strictFloor, cost.costUsd().doubleValue() / strictFloor.doubleValue());
        System.out.printf("  the same tokens at $3/$15 with no caching and no summary model would cost $%.4f (%.2f x floor)%n",
                uncachedOnePrice, uncachedOnePrice.doubleValue() / floorCost.doubleValue());
        System.out.printf("wall: %.1f s; critical-path floor: %.1f s (throughput %.1f s, chain %.1f s); ratio %.2f%n", wall, floorWall,
                totalOut / (rate * streams), (sequentialPlanOut + longestChapter) / rate, wall / floorWall);
        recall(engine, outline, spec, scenePrompts);
    }

    /**
     * Context recall: for each scene, the facts in force before it (latest per attribute) about the
     * characters present, ground truth being the cast and every earlier scene's extracted facts; the
     * share whose value appears in the scene's drafting prompt. Reported over all facts earlier in story
     * order, and over the facts the scene could have known when it was drafted (established in the plan,
     * in chapters finished before its chapter started, or earlier in its own chapter).
     */
    private static void recall(GenerationEngine engine, Outline outline, BookSpec spec, Map<String, String> scenePrompts) {
        StoryLedger truth = new StoryLedger();
        Cast cast = Json.read(engine.step(StepKeys.CHARACTERS).orElseThrow().content(), Cast.class);
        for (Cast.Character ch : cast.characters()) {
            ch.aliases().forEach(alias -> truth.alias(alias, ch.name()));
            truth.record(new Fact(ch.name(), Fact.Kind.CHARACTER, "role", ch.role(), ScenePosition.PLAN));
            truth.record(new Fact(ch.name(), Fact.Kind.CHARACTER, "description", ch.description(), ScenePosition.PLAN));
            truth.record(new Fact(ch.name(), Fact.Kind.CHARACTER, "goal", ch.goal(), ScenePosition.PLAN));
        }
        int chapters = spec.chapters();
        for (int c = 1; c <= chapters; c++) {
            for (int s = 1; s <= outline.chapter(c).scenes().size(); s++) {
                SceneMemory memory = Json.read(engine.step(StepKeys.memory(c, s)).orElseThrow().content(), SceneMemory.class);
                for (SceneMemory.NewFact f : memory.facts()) {
                    truth.record(new Fact(f.subject(), f.kind(), f.attribute(), f.value(), new ScenePosition(c, s)));
                }
            }
        }
        long[] all = new long[2];
        long[] knowable = new long[2];
        for (int c = 1; c <= chapters; c++) {
            for (int s = 1; s <= outline.chapter(c).scenes().size(); s++) {
                String prompt = scenePrompts.getOrDefault(c + "." + s, "");
                ScenePosition here = new ScenePosition(c, s);
                List<String> present = outline.chapter(c).scenes().get(s - 1).characters();
                int chapter = c;
                Predicate<ScenePosition> visible = p -> p.equals(ScenePosition.PLAN) || p.chapter() <= chapter - spec.chapterWindow()
                        || (p.chapter() == chapter && p.scene() < here.scene());
                count(truth.asOf(here, present), prompt, all);
                count(truth.asOf(here, present, visible), prompt, knowable);
            }
        }
        System.out.printf("context recall, facts the scene could have known (plan, chapters finished before its chapter started, "
                + "its chapter so far): %,d of %,d = %.3f%n", knowable[1], knowable[0], knowable[1] / (double) knowable[0]);
        System.out.printf("context recall, every fact earlier in story order (incl. chapters drafted alongside, chapter window %d): "
                + "%,d of %,d = %.3f%n", spec.chapterWindow(), all[1], all[0], all[1] / (double) all[0]);
    }

    private static void count(Map<String, List<Fact>> facts, String prompt, long[] tally) {
        for (List<Fact> about : facts.values()) {
            for (Fact f : about) {
                tally[0]++;
                if (prompt.contains(f.value())) {
                    tally[1]++;
                }
            }
        }
    }

    private static long in(StepRecord r) {
        return r.calls().stream().mapToLong(c -> c.usage().inputTokens()).sum();
    }

    private static long out(StepRecord r) {
        return r.calls().stream().mapToLong(c -> c.usage().outputTokens()).sum();
    }
}
