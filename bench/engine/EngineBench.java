import com.authorworks.engine.BookSpec;
import com.authorworks.engine.CostReport;
import com.authorworks.engine.EngineOptions;
import com.authorworks.engine.FileCheckpointStore;
import com.authorworks.engine.Format;
import com.authorworks.engine.GenerationEngine;
import com.authorworks.engine.PriceTable;
import com.authorworks.engine.StepKeys;
import com.authorworks.engine.StepRecord;
import com.authorworks.engine.internal.Json;
import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.CompletionRequest;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.OutputFormat;
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
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmarks the engine on a long novel against a fake model that answers like a remote one: the
 * sample writer's text, released at a fixed output-token rate per stream. Not a test: run with
 * bench/engine/run.sh and record the numbers in bench/README.md.
 */
public class EngineBench {

    private static final Pattern SCENE = Pattern.compile("(?m)^Chapter (\\d+), scene (\\d+):");

    /** The sample writer behind a stream that produces {@code rate} output tokens per second. */
    static final class TimedModel implements LanguageModel {
        final LanguageModel sample = new SampleLanguageModel(42);
        final double rate;
        final Map<String, String> scenePrompts = new ConcurrentHashMap<>();

        TimedModel(double rate) {
            this.rate = rate;
        }

        @Override
        public String provider() {
            return "fake";
        }

        @Override
        public Completion complete(CompletionRequest request) {
            Completion c = sample.complete(request);
            String user = request.messages().getFirst().content();
            Matcher m = SCENE.matcher(user);
            if (request.output() instanceof OutputFormat.Text && m.find() && !user.startsWith("This passage")) {
                scenePrompts.put(m.group(1) + "." + m.group(2), request.system() + "\n" + user);
            }
            try {
                Thread.sleep(Duration.ofNanos((long) (c.usage().outputTokens() / rate * 1e9)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Completion(c.text(), c.usage(), request.model(), "fake", c.finishReason());
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>(Map.of("--words", "100000", "--chapters", "30", "--rate", "60", "--streams", "8",
                "--window", "4", "--budget-tokens", "6000"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i], args[i + 1]);
        }
        int words = Integer.parseInt(a.get("--words"));
        int chapters = Integer.parseInt(a.get("--chapters"));
        double rate = Double.parseDouble(a.get("--rate"));
        int streams = Integer.parseInt(a.get("--streams"));
        int window = Integer.parseInt(a.get("--window"));
        int budget = Integer.parseInt(a.get("--budget-tokens"));

        Path dir = Files.createTempDirectory("engine-bench");
        PriceTable prices = PriceTable.of("bench", LocalDate.now(), Set.of(),
                List.of(PriceTable.ModelPrice.of("bench-model", "3", "15", "0.30", "3.75")));
        TimedModel model = new TimedModel(rate);
        var engine = new GenerationEngine(model, new FileCheckpointStore(dir), null,
                EngineOptions.defaults().withConcurrency(streams).withPrices(prices).withSceneContextTokens(budget));
        BookSpec spec = new BookSpec("Benchmark Novel", "A long novel for measuring the engine.", Format.NOVEL, words, chapters,
                "fake", "bench-model", null, null, window);
        long start = System.nanoTime();
        var result = engine.start(spec);
        double wall = (System.nanoTime() - start) / 1e9;

        CostReport cost = result.cost();
        Outline outline = Json.read(engine.step(StepKeys.OUTLINE).orElseThrow().content(), Outline.class);
        long planOut = 0;
        for (String key : StepKeys.PLAN) {
            planOut += out(engine.step(key).orElseThrow());
        }
        long draftOut = 0;
        long longestChapter = 0;
        long[] chapterIn = new long[chapters + 1];
        long[] chapterOut = new long[chapters + 1];
        for (int c = 1; c <= chapters; c++) {
            long chain = 0;
            for (int s = 1; s <= outline.chapter(c).scenes().size(); s++) {
                for (String key : List.of(StepKeys.draft(c, s), StepKeys.memory(c, s), StepKeys.revision(c, s))) {
                    var record = engine.step(key);
                    if (record.isPresent()) {
                        chapterIn[c] += in(record.get());
                        chapterOut[c] += out(record.get());
                        chain += out(record.get());
                        if (key.startsWith("draft/")) {
                            draftOut += out(record.get());
                        }
                    }
                }
            }
            chain += out(engine.step(StepKeys.chapterSummary(c)).orElseThrow());
            longestChapter = Math.max(longestChapter, chain);
        }
        long totalOut = cost.usage().outputTokens();
        double floorWall = Math.max(totalOut / (rate * streams), (planOut + longestChapter) / rate);
        BigDecimal floorCost = BigDecimal.valueOf(totalOut).multiply(BigDecimal.valueOf(15)).divide(BigDecimal.valueOf(1_000_000));

        // recall: facts in force before each scene about its characters (ground truth: every earlier scene) found in its prompt
        StoryLedger truth = new StoryLedger();
        Cast cast = Json.read(engine.step(StepKeys.CHARACTERS).orElseThrow().content(), Cast.class);
        for (Cast.Character ch : cast.characters()) {
            ch.aliases().forEach(alias -> truth.alias(alias, ch.name()));
            truth.record(new Fact(ch.name(), Fact.Kind.CHARACTER, "role", ch.role(), ScenePosition.PLAN));
            truth.record(new Fact(ch.name(), Fact.Kind.CHARACTER, "description", ch.description(), ScenePosition.PLAN));
            truth.record(new Fact(ch.name(), Fact.Kind.CHARACTER, "goal", ch.goal(), ScenePosition.PLAN));
        }
        for (int c = 1; c <= chapters; c++) {
            for (int s = 1; s <= outline.chapter(c).scenes().size(); s++) {
                SceneMemory memory = Json.read(engine.step(StepKeys.memory(c, s)).orElseThrow().content(), SceneMemory.class);
                for (SceneMemory.NewFact f : memory.facts()) {
                    truth.record(new Fact(f.subject(), f.kind(), f.attribute(), f.value(), new ScenePosition(c, s)));
                }
            }
        }
        long facts = 0;
        long found = 0;
        for (int c = 1; c <= chapters; c++) {
            for (int s = 1; s <= outline.chapter(c).scenes().size(); s++) {
                String prompt = model.scenePrompts.getOrDefault(c + "." + s, "");
                for (List<Fact> about : truth.asOf(new ScenePosition(c, s), outline.chapter(c).scenes().get(s - 1).characters()).values()) {
                    for (Fact f : about) {
                        facts++;
                        if (prompt.contains(f.value())) {
                            found++;
                        }
                    }
                }
            }
        }

        System.out.printf("book: %,d words target, %d chapters, %d scenes, status %s%n", words, chapters, outline.sceneCount(), result.status());
        System.out.printf("settings: %.0f output tok/s per stream, %d streams, chapter window %d, scene budget %,d tokens%n", rate, streams,
                window, budget);
        System.out.printf("tokens: %,d in, %,d out, in/out %.2f%n", cost.usage().inputTokens(), totalOut,
                cost.usage().inputTokens() / (double) totalOut);
        System.out.print("in/out by chapter position (quarters of the book):");
        for (int q = 0; q < 4; q++) {
            long qi = 0;
            long qo = 0;
            for (int c = q * chapters / 4 + 1; c <= (q + 1) * chapters / 4; c++) {
                qi += chapterIn[c];
                qo += chapterOut[c];
            }
            System.out.printf(" Q%d=%.2f", q + 1, qi / (double) qo);
        }
        System.out.printf(" (first chapter %.2f, last %.2f)%n", chapterIn[1] / (double) chapterOut[1], chapterIn[chapters] / (double) chapterOut[chapters]);
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
        System.out.printf("cost at $3/$15 per M: $%.4f; output-only floor (every output token at $15/M, input free): $%.4f; ratio %.2f%n",
                cost.costUsd(), floorCost, cost.costUsd().doubleValue() / floorCost.doubleValue());
        System.out.printf("drafted text is %.0f%% of output tokens%n", 100.0 * draftOut / totalOut);
        System.out.printf("wall: %.1f s; critical-path floor: %.1f s; ratio %.2f%n", wall, floorWall, wall / floorWall);
        System.out.printf("context recall: %,d of %,d facts = %.3f%n", found, facts, found / (double) facts);
    }

    private static long in(StepRecord r) {
        return r.calls().stream().mapToLong(c -> c.usage().inputTokens()).sum();
    }

    private static long out(StepRecord r) {
        return r.calls().stream().mapToLong(c -> c.usage().outputTokens()).sum();
    }
}
