import com.authorworks.engine.BookSpec;
import com.authorworks.engine.CallRecord;
import com.authorworks.engine.CostReport;
import com.authorworks.engine.EngineOptions;
import com.authorworks.engine.Estimate;
import com.authorworks.engine.llm.ModelStack;
import com.authorworks.engine.FileCheckpointStore;
import com.authorworks.engine.Format;
import com.authorworks.engine.GenerationEngine;
import com.authorworks.engine.PriceTable;
import com.authorworks.engine.RunResult;
import com.authorworks.engine.StepKeys;
import com.authorworks.engine.StepRecord;
import com.authorworks.engine.internal.Json;
import com.authorworks.engine.llm.ApiKey;
import com.authorworks.engine.llm.LanguageModel;
import com.authorworks.engine.llm.LanguageModels;
import com.authorworks.engine.llm.ProviderSettings;
import com.authorworks.engine.standin.Faults;
import com.authorworks.engine.standin.PlantedFact;
import com.authorworks.engine.standin.RealisticModelServer;
import com.authorworks.engine.standin.ServedRequest;
import com.authorworks.engine.story.Cast;
import com.authorworks.engine.story.Outline;
import com.authorworks.engine.story.SceneMemory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Benchmarks the engine on a long book against {@link RealisticModelServer}, a stand-in provider that
 * writes a new checkable fact in every paragraph, rambles in extraction answers up to max_tokens,
 * refuses prompts over the context window and injects faults. The engine runs with its real adapter
 * (OpenAI-compatible or Anthropic) over HTTP, wrapped in the retries the server's model stack uses.
 * The report reads the server's log (what was really sent) and the book's checkpoints (which step paid
 * for which call): largest call per step kind, tokens by quarter of the book, recall of earlier facts
 * and of the cast's traits in every drafting prompt, the previous scene's ending, cache reads, faults.
 * Not a test: run with bench/engine/run.sh and record the numbers in bench/README.md.
 */
public class RealisticServerBench {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+");

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("--provider", "openai-compatible");
        a.put("--words", "100000");
        a.put("--chapters", "24");
        a.put("--window", "4");
        a.put("--format", "novel");
        a.put("--streams", "8");
        a.put("--rate", "0");
        a.put("--ttft", "0");
        a.put("--faults", "0");
        a.put("--seed", "42");
        a.put("--budget-tokens", String.valueOf(EngineOptions.defaults().sceneContextTokens()));
        a.put("--model", "");
        a.put("--summary-model", "");
        a.put("--retries", "on");
        a.put("--port", "0");
        a.put("--log", "");
        a.put("--dir", "");
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!a.containsKey(args[i])) {
                throw new IllegalArgumentException("Unknown option " + args[i] + "; options: " + a.keySet());
            }
            a.put(args[i], args[i + 1]);
        }
        String provider = a.get("--provider");
        boolean anthropic = provider.equals("anthropic");
        if (!anthropic && !provider.equals("openai-compatible")) {
            throw new IllegalArgumentException("--provider is openai-compatible or anthropic");
        }
        String model = !a.get("--model").isEmpty() ? a.get("--model") : anthropic ? "claude-sonnet-4-5" : "gpt-4o-mini";
        String summaryModel = !a.get("--summary-model").isEmpty() ? a.get("--summary-model") : anthropic ? "claude-haiku-4-5" : "same";
        int words = Integer.parseInt(a.get("--words"));
        int chapters = Integer.parseInt(a.get("--chapters"));
        int window = Integer.parseInt(a.get("--window"));
        int streams = Integer.parseInt(a.get("--streams"));
        double rate = Double.parseDouble(a.get("--rate"));
        double faultRate = Double.parseDouble(a.get("--faults"));
        Duration ttft = Duration.ofMillis(Math.round(Double.parseDouble(a.get("--ttft")) * 1000));
        Path dir = a.get("--dir").isEmpty() ? Files.createTempDirectory("engine-bench") : Files.createDirectories(Path.of(a.get("--dir")));

        PriceTable prices = PriceTable.current();
        try (RealisticModelServer server = RealisticModelServer.builder().seed(Long.parseLong(a.get("--seed")))
                .port(Integer.parseInt(a.get("--port"))).tokensPerSecond(rate).firstToken(ttft).faults(Faults.transientAt(faultRate))
                .start()) {
            java.net.URI base = anthropic ? server.baseUrl() : server.openAiBaseUrl();
            // the model stack every entry point uses (timeouts, retries honouring retry-after); --retries off: the bare adapter
            LanguageModel stack = a.get("--retries").equals("on") ? ModelStack.create(provider, base, ModelStack.Limits.GENERATION)
                    : LanguageModels.create(new ProviderSettings(provider, base, Duration.ofMinutes(10)));
            // when each answer reached the engine and when its request left it (the engine's clock: what it could know)
            EngineSide engineSide = new EngineSide(stack);
            stack = engineSide;
            FileCheckpointStore store = new FileCheckpointStore(dir);
            EngineOptions options = EngineOptions.defaults().withKey(new ApiKey("sk-standin-bench"))
                    .withConcurrency(streams).withPrices(prices).withSceneContextTokens(Integer.parseInt(a.get("--budget-tokens")));
            var engine = new GenerationEngine(stack, store, null, options);
            BookSpec spec = new BookSpec("Benchmark Novel", "A long novel for measuring the engine: a harbour town, a missing ledger, "
                    + "a family that owes everyone.", Format.parse(a.get("--format")), words, chapters, provider, model,
                    summaryModel.equals("same") ? null : summaryModel, null, window);
            long start = System.nanoTime();
            String outcome;
            try {
                RunResult result = engine.start(spec);
                outcome = result.status().toString();
            } catch (RuntimeException e) {
                outcome = "FAILED: " + e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            double wall = (System.nanoTime() - start) / 1e9;
            if (!a.get("--log").isEmpty()) {
                server.writeLog(Path.of(a.get("--log")));
            }
            new Report(engine, store, server, spec, outcome, wall, rate, streams, faultRate, dir, engineSide).print();
            Estimate estimate = GenerationEngine.estimate(spec, options);
            CostReport actual = engine.cost();
            System.out.printf(Locale.ROOT, "estimate against the account: calls %,d / %,d = %.2f, input %,d / %,d = %.2f, output %,d / %,d = %.2f, "
                    + "cost $%.4f / $%.4f = %.2f%n", estimate.calls(), actual.calls(), estimate.calls() / (double) actual.calls(),
                    estimate.inputTokens(), actual.usage().inputTokens(), estimate.inputTokens() / (double) actual.usage().inputTokens(),
                    estimate.outputTokens(), actual.usage().outputTokens(), estimate.outputTokens() / (double) actual.usage().outputTokens(),
                    estimate.costUsd(), actual.costUsd(), estimate.costUsd().doubleValue() / Math.max(1e-9, actual.costUsd().doubleValue()));
        }
    }

    /** The report over one run: the server's log matched to the book's checkpoints. */
    /**
     * The model as the engine sees it: for each answer, when the engine sent its request and when the answer had
     * reached it (read to its end), keyed by the answer's text. At {@code --rate 0} the server sends an answer in a
     * burst that the engine reads for a while after the server's last byte, so a scene the server finished a
     * moment before another prompt arrived may not have reached the engine when that prompt was built.
     */
    static final class EngineSide implements LanguageModel {
        record Times(Instant sent, Instant received) {
        }

        private final LanguageModel model;
        private final Map<String, Times> byAnswer = new java.util.concurrent.ConcurrentHashMap<>();

        EngineSide(LanguageModel model) {
            this.model = model;
        }

        @Override
        public String provider() {
            return model.provider();
        }

        @Override
        public com.authorworks.engine.llm.Completion complete(com.authorworks.engine.llm.CompletionRequest request) {
            Instant sent = Instant.now();
            var completion = model.complete(request);
            byAnswer.put(completion.text().strip(), new Times(sent, Instant.now()));
            return completion;
        }

        Times of(String answer) {
            return byAnswer.get(answer.strip());
        }
    }

    static final class Report {
        private final GenerationEngine engine;
        private final FileCheckpointStore store;
        private final RealisticModelServer server;
        private final BookSpec spec;
        private final String outcome;
        private final double wall;
        private final double rate;
        private final int streams;
        private final double faultRate;
        private final Path dir;
        private final List<ServedRequest> served;
        private final EngineSide engineSide;
        /** The step each served request was paid for by, or a label for what never reached the account. */
        private final Map<String, String> stepOf = new HashMap<>();
        /** The served request of each paid call (by call id). */
        private final Map<String, ServedRequest> requestOfCall = new HashMap<>();
        private long accountCalls;

        Report(GenerationEngine engine, FileCheckpointStore store, RealisticModelServer server, BookSpec spec, String outcome, double wall,
               double rate, int streams, double faultRate, Path dir, EngineSide engineSide) {
            this.engineSide = engineSide;
            this.engine = engine;
            this.store = store;
            this.server = server;
            this.spec = spec;
            this.outcome = outcome;
            this.wall = wall;
            this.rate = rate;
            this.streams = streams;
            this.faultRate = faultRate;
            this.dir = dir;
            this.served = server.requests();
            classify();
        }

        /** Matches each paid call (step records, unfinished records) to the served request with its model and usage. */
        private void classify() {
            Map<String, Deque<ServedRequest>> byUsage = new HashMap<>();
            served.stream().filter(ServedRequest::answered).sorted((x, y) -> x.finished().compareTo(y.finished()))
                    .forEach(r -> byUsage.computeIfAbsent(usageKey(r.model(), r.inputTokens(), r.outputTokens()), k -> new ArrayDeque<>()).add(r));
            Set<String> seenCalls = new HashSet<>();
            for (String key : store.keys("")) {
                String step = StepKeys.paidFor(key);
                if (step == null || key.startsWith("manifest/") || key.equals("spec")) {
                    continue;
                }
                StepRecord record = Json.read(store.get(key).orElseThrow(), StepRecord.class);
                for (CallRecord call : record.calls()) {
                    if (call.id() != null && !seenCalls.add(call.id())) {
                        continue;
                    }
                    accountCalls++;
                    Deque<ServedRequest> candidates = byUsage.get(usageKey(call.model(), call.usage().inputTokens(), call.usage().outputTokens()));
                    if (candidates != null && !candidates.isEmpty()) {
                        ServedRequest r = candidates.poll();
                        stepOf.put(r.id(), step);
                        requestOfCall.put(call.id(), r);
                    }
                }
            }
        }

        private static String usageKey(String model, long in, long out) {
            return model + "|" + in + "|" + out;
        }

        /** A served request's step kind: from the account when it is there, else guessed from what it asked for (marked *). */
        private String kindOf(ServedRequest r) {
            String step = stepOf.get(r.id());
            if (step != null) {
                return StepKeys.kind(step);
            }
            String guess = r.schemaName() == null ? (r.requestText().contains("Rewrite only the passage") ? "revision" : "draft")
                    : r.schemaName().contains("memory") ? "memory" : r.schemaName().contains("summary") ? "summary" : "plan:" + r.schemaName();
            return guess + "*";
        }

        private Integer chapterOf(ServedRequest r) {
            String step = stepOf.get(r.id());
            return step == null ? null : StepKeys.parse(step).chapter();
        }

        void print() {
            CostReport cost = engine.cost();
            Outline outline = engine.step(StepKeys.OUTLINE).map(o -> Json.read(o.content(), Outline.class)).orElse(null);
            int scenes = outline == null ? 0 : outline.sceneCount();
            int drafted = store.keys("draft/").size();
            int summarised = (int) store.keys("summary/c").stream().count();
            long answered = served.stream().filter(ServedRequest::answered).count();
            System.out.printf(Locale.ROOT, "book: %,d words target, %d chapters, %d scenes planned, chapter window %d, %s via %s (summaries %s)%n",
                    spec.targetWords(), spec.chapters(), scenes, spec.chapterWindow(), spec.model(), spec.provider(), spec.summaryModelOrDefault());
            System.out.printf(Locale.ROOT, "outcome: %s; %d of %d scenes drafted, %d of %d chapters summarised; checkpoints in %s%n", outcome,
                    drafted, scenes, summarised, spec.chapters(), dir);
            System.out.printf(Locale.ROOT, "server: %,d requests, %,d answered in full, %,d refused or failed; %,d facts planted%n", served.size(),
                    answered, served.size() - answered, server.facts().size());
            System.out.printf(Locale.ROOT, "account: %,d calls, %,d in (%,d cache reads, %,d cache writes), %,d out, in/out %.2f, cost $%.4f%n",
                    cost.calls(), cost.usage().inputTokens(), cost.usage().cacheReadTokens(), cost.usage().cacheWriteTokens(),
                    cost.usage().outputTokens(), cost.usage().inputTokens() / (double) Math.max(1, cost.usage().outputTokens()), cost.costUsd());

            largest();
            quarters();
            recall(outline);
            caching();
            faults(answered);
            wallTime(outline);
        }

        private void largest() {
            ServedRequest top = served.stream().max((x, y) -> Long.compare(x.inputTokens(), y.inputTokens())).orElse(null);
            if (top == null) {
                return;
            }
            System.out.printf(Locale.ROOT, "largest call: %,d input tokens (%s, %s, HTTP %d)%n", top.inputTokens(), kindOf(top),
                    stepOf.getOrDefault(top.id(), "not on the account"), top.status());
            Map<String, long[]> byKind = new TreeMap<>();
            for (ServedRequest r : served) {
                long[] k = byKind.computeIfAbsent(kindOf(r), x -> new long[4]);
                k[0] = Math.max(k[0], r.inputTokens());
                k[1]++;
                k[2] += r.inputTokens();
                k[3] += r.outputTokens();
            }
            System.out.print("by step kind (largest input / requests / input / output; * = not on the account, kind from the request):");
            byKind.forEach((kind, k) -> System.out.printf(Locale.ROOT, "%n  %-24s %,9d  %,5d  %,12d  %,10d", kind, k[0], k[1], k[2], k[3]));
            System.out.println();
            List<ServedRequest> refused = served.stream().filter(r -> r.status() == 400).toList();
            if (!refused.isEmpty()) {
                ServedRequest first = refused.getFirst();
                System.out.printf(Locale.ROOT, "context window refusals: %d, the first a %s call of %,d tokens at %s: %s%n", refused.size(),
                        kindOf(first), first.inputTokens(), first.received(), first.responseText());
            }
        }

        private void quarters() {
            int chapters = spec.chapters();
            long[] in = new long[4];
            long[] out = new long[4];
            long[] max = new long[4];
            for (ServedRequest r : served) {
                Integer c = chapterOf(r);
                if (c == null || !r.answered()) {
                    continue;
                }
                int q = Math.min(3, (c - 1) * 4 / chapters);
                in[q] += r.inputTokens();
                out[q] += r.outputTokens();
                max[q] = Math.max(max[q], r.inputTokens());
            }
            System.out.print("by quarter of the book (chapter steps, on the account): in/out");
            for (int q = 0; q < 4; q++) {
                System.out.printf(Locale.ROOT, " Q%d=%.2f", q + 1, in[q] / (double) Math.max(1, out[q]));
            }
            System.out.printf(Locale.ROOT, "; last/first %.2f; largest call", (in[3] / (double) Math.max(1, out[3]))
                    / Math.max(1e-9, in[0] / (double) Math.max(1, out[0])));
            for (int q = 0; q < 4; q++) {
                System.out.printf(Locale.ROOT, " Q%d=%,d", q + 1, max[q]);
            }
            System.out.printf(Locale.ROOT, "; input Q1..Q4 %,d %,d %,d %,d, output %,d %,d %,d %,d%n", in[0], in[1], in[2], in[3], out[0], out[1],
                    out[2], out[3]);
        }

        /** The served request that wrote a step's answer: its last paid call. */
        private ServedRequest answerOf(String key) {
            var record = engine.step(key);
            if (record.isEmpty() || record.get().calls().isEmpty()) {
                return null;
            }
            return requestOfCall.get(record.get().calls().getLast().id());
        }

        /** The latest planted fact per (subject, attribute) about {@code subjects} from scenes before {@code position} that {@code finished}. */
        private Map<String, PlantedFact> latestBefore(List<PlantedFact> sceneFacts, Map<String, String> sceneOfResponse, List<int[]> order,
                                                      int position, Set<String> subjects, Map<String, String> canonical,
                                                      java.util.function.Predicate<String> finished) {
            Map<String, PlantedFact> latest = new HashMap<>();
            Map<String, Integer> latestAt = new HashMap<>();
            for (PlantedFact f : sceneFacts) {
                String scene = sceneOfResponse.get(f.responseId());
                String[] at = scene.split("\\.");
                int index = indexOf(order, Integer.parseInt(at[0]), Integer.parseInt(at[1]));
                if (index >= position || !subjects.contains(resolve(canonical, f.subject())) || !finished.test(scene)) {
                    continue;
                }
                String key = resolve(canonical, f.subject()) + "|" + f.attribute();
                Integer was = latestAt.get(key);
                if (was == null || index > was || index == was && f.sequence() > latest.get(key).sequence()) {
                    latest.put(key, f);
                    latestAt.put(key, index);
                }
            }
            return latest;
        }

        private void recall(Outline outline) {
            if (outline == null) {
                System.out.println("recall: no outline");
                return;
            }
            Cast cast = Json.read(engine.step(StepKeys.CHARACTERS).orElseThrow().content(), Cast.class);
            Map<String, String> canonical = new HashMap<>();
            for (Cast.Character ch : cast.characters()) {
                canonical.put(ch.name().toLowerCase(Locale.ROOT), ch.name());
                ch.aliases().forEach(alias -> canonical.putIfAbsent(alias.toLowerCase(Locale.ROOT), ch.name()));
            }
            ServedRequest castAnswer = answerOf(StepKeys.CHARACTERS);
            List<PlantedFact> traits = castAnswer == null ? List.of() : server.factsOf(castAnswer.id());

            // story order of every drafted scene, and its drafting request
            List<int[]> order = new ArrayList<>();
            for (int c = 1; c <= spec.chapters(); c++) {
                for (int s = 1; s <= outline.chapter(c).scenes().size(); s++) {
                    order.add(new int[] {c, s});
                }
            }
            Map<String, ServedRequest> draftOf = new HashMap<>();
            Map<String, String> sceneOfResponse = new HashMap<>();
            for (int[] p : order) {
                ServedRequest r = answerOf(StepKeys.draft(p[0], p[1]));
                if (r != null) {
                    draftOf.put(p[0] + "." + p[1], r);
                    sceneOfResponse.put(r.id(), p[0] + "." + p[1]);
                }
            }
            List<PlantedFact> sceneFacts = server.facts().stream().filter(f -> sceneOfResponse.containsKey(f.responseId())).toList();

            long factsTotal = 0;
            long factsFound = 0;
            long traitsTotal = 0;
            long traitsFound = 0;
            long endingsEligible = 0;
            long endingsPresent = 0;
            double worst = 1;
            String worstScene = "";
            long[] quarterTotal = new long[4];
            long[] quarterFound = new long[4];
            long endingsEligibleEngine = 0;
            long endingsPresentEngine = 0;
            long reachedTotal = 0;
            long reachedFound = 0;
            long rememberedTotal = 0;
            long rememberedFound = 0;
            for (int i = 0; i < order.size(); i++) {
                int c = order.get(i)[0];
                int s = order.get(i)[1];
                ServedRequest draft = draftOf.get(c + "." + s);
                if (draft == null) {
                    continue;
                }
                String prompt = draft.requestText();
                Instant sent = draft.received();
                Outline.ScenePlan plan = outline.chapter(c).scenes().get(s - 1);
                Set<String> subjects = new HashSet<>();
                subjects.add(resolve(canonical, plan.pov()));
                plan.characters().forEach(ch -> subjects.add(resolve(canonical, ch)));
                subjects.add(resolve(canonical, plan.setting()));
                int position = i;
                // the latest value per (subject, attribute) among facts of earlier scenes finished before this prompt was sent
                Map<String, PlantedFact> latest = latestBefore(sceneFacts, sceneOfResponse, order, position, subjects, canonical,
                        scene -> draftOf.get(scene).finished().isBefore(sent));
                long found = latest.values().stream().filter(f -> prompt.contains(f.token())).count();
                if (System.getenv("BENCH_MISSES") != null) {
                    latest.values().stream().filter(f -> !prompt.contains(f.token())).forEach(f -> {
                        // where the fact comes from, and how its scene's draft and memory answers stood against this prompt (ms)
                        String from = sceneOfResponse.get(f.responseId());
                        String[] at = from.split("\\.");
                        ServedRequest memory = answerOf(StepKeys.memory(Integer.parseInt(at[0]), Integer.parseInt(at[1])));
                        System.err.printf(Locale.ROOT, "missing in %d.%d from %s (draft done %+d ms [%d -> %d], memory %s before the prompt was sent): %s | %s | %s | %s%n",
                                c, s, from, java.time.Duration.between(draftOf.get(from).finished(), sent).toMillis(),
                                draftOf.get(from).finished().toEpochMilli(), sent.toEpochMilli(),
                                memory == null ? "none" : "answered " + java.time.Duration.between(memory.finished(), sent).toMillis() + " ms",
                                f.subject(), f.attribute(), f.token(), f.sentence());
                    });
                }
                // the same where a scene counts as finished once the engine has remembered it (its memory answered)
                Map<String, PlantedFact> remembered = latestBefore(sceneFacts, sceneOfResponse, order, position, subjects, canonical, scene -> {
                    String[] at = scene.split("\\.");
                    ServedRequest memory = answerOf(StepKeys.memory(Integer.parseInt(at[0]), Integer.parseInt(at[1])));
                    return memory != null && memory.finished().isBefore(sent);
                });
                // the same on the engine's clock: a scene counts once its drafting answer had reached the engine before this prompt left it
                EngineSide.Times mine = engineSide.of(draft.responseText());
                Map<String, PlantedFact> reached = mine == null ? Map.of() : latestBefore(sceneFacts, sceneOfResponse, order, position, subjects,
                        canonical, scene -> {
                            EngineSide.Times t = engineSide.of(draftOf.get(scene).responseText());
                            return t != null && t.received().isBefore(mine.sent());
                        });
                reachedTotal += reached.size();
                reachedFound += reached.values().stream().filter(f -> prompt.contains(f.token())).count();
                rememberedTotal += remembered.size();
                rememberedFound += remembered.values().stream().filter(f -> prompt.contains(f.token())).count();
                factsTotal += latest.size();
                factsFound += found;
                int q = Math.min(3, (c - 1) * 4 / spec.chapters());
                quarterTotal[q] += latest.size();
                quarterFound[q] += found;
                if (!latest.isEmpty() && found / (double) latest.size() < worst) {
                    worst = found / (double) latest.size();
                    worstScene = c + "." + s + " (" + found + " of " + latest.size() + ")";
                }
                for (PlantedFact t : traits) {
                    if (subjects.contains(resolve(canonical, t.subject()))) {
                        traitsTotal++;
                        if (prompt.contains(t.token())) {
                            traitsFound++;
                        }
                    }
                }
                if (i > 0) {
                    int pc = order.get(i - 1)[0];
                    int ps = order.get(i - 1)[1];
                    ServedRequest previous = draftOf.get(pc + "." + ps);
                    ServedRequest revised = answerOf(StepKeys.revision(pc, ps));
                    boolean finished = previous != null && previous.finished().isBefore(sent)
                            && (engine.step(StepKeys.revision(pc, ps)).isEmpty() || revised != null && revised.finished().isBefore(sent));
                    String text = engine.step(StepKeys.revision(pc, ps)).or(() -> engine.step(StepKeys.draft(pc, ps))).map(r -> r.content()).orElse("");
                    String[] sentences = SENTENCE_END.split(text.strip());
                    boolean present = !text.isBlank() && prompt.contains(sentences[sentences.length - 1].strip());
                    if (finished) {
                        endingsEligible++;
                        if (present) {
                            endingsPresent++;
                        }
                    }
                    // on the engine's clock: its answers (draft, and revision if any) had reached the engine before this prompt left it
                    EngineSide.Times mineSent = engineSide.of(draft.responseText());
                    EngineSide.Times prevDraft = previous == null ? null : engineSide.of(previous.responseText());
                    EngineSide.Times prevRevision = revised == null ? null : engineSide.of(revised.responseText());
                    boolean reachedEngine = mineSent != null && prevDraft != null && prevDraft.received().isBefore(mineSent.sent())
                            && (engine.step(StepKeys.revision(pc, ps)).isEmpty() || prevRevision != null && prevRevision.received().isBefore(mineSent.sent()));
                    if (reachedEngine) {
                        endingsEligibleEngine++;
                        if (present) {
                            endingsPresentEngine++;
                        }
                    }
                }
            }
            System.out.printf(Locale.ROOT, "recall of earlier facts about the scene's subjects (latest per subject and attribute, scenes earlier in "
                    + "story order finished before the prompt was sent): %,d of %,d = %.3f; by quarter", factsFound, factsTotal,
                    factsFound / (double) Math.max(1, factsTotal));
            for (int q = 0; q < 4; q++) {
                System.out.printf(Locale.ROOT, " Q%d=%.3f", q + 1, quarterFound[q] / (double) Math.max(1, quarterTotal[q]));
            }
            System.out.printf(Locale.ROOT, "; worst scene %s%n", worstScene);
            System.out.printf(Locale.ROOT, "the same on the engine's clock (a scene finished once its drafting answer had reached the engine "
                    + "before the prompt left it): %,d of %,d = %.3f%n", reachedFound, reachedTotal, reachedFound / (double) Math.max(1, reachedTotal));
            System.out.printf(Locale.ROOT, "the same, counting a scene finished once its memory call answered (the engine knows its facts from then): "
                    + "%,d of %,d = %.3f%n", rememberedFound, rememberedTotal, rememberedFound / (double) Math.max(1, rememberedTotal));
            System.out.printf(Locale.ROOT, "recall of the cast's traits for the scene's characters: %,d of %,d = %.3f%n", traitsFound, traitsTotal,
                    traitsFound / (double) Math.max(1, traitsTotal));
            System.out.printf(Locale.ROOT, "previous scene's ending (its last sentence) present when that scene was finished: %,d of %,d%n",
                    endingsPresent, endingsEligible);
            System.out.printf(Locale.ROOT, "the same on the engine's clock (that scene's answers had reached the engine before the prompt left it): %,d of %,d%n",
                    endingsPresentEngine, endingsEligibleEngine);
            // what the memory calls kept: each scene's planted facts among its memory record's facts (the ledger's source)
            long planted = 0;
            long kept = 0;
            for (int[] p : order) {
                ServedRequest draft = draftOf.get(p[0] + "." + p[1]);
                var memory = engine.step(StepKeys.memory(p[0], p[1]));
                if (draft == null || memory.isEmpty()) {
                    continue;
                }
                String facts = String.join("\n", Json.read(memory.get().content(), SceneMemory.class).facts().stream()
                        .map(SceneMemory.NewFact::value).toList());
                for (PlantedFact f : server.factsOf(draft.id())) {
                    planted++;
                    if (facts.contains(f.token())) {
                        kept++;
                    }
                }
            }
            System.out.printf(Locale.ROOT, "facts kept by the memory calls (each scene's planted facts among its memory record's facts): %,d of %,d = %.3f%n",
                    kept, planted, kept / (double) Math.max(1, planted));
        }

        private static int indexOf(List<int[]> order, int c, int s) {
            for (int i = 0; i < order.size(); i++) {
                if (order.get(i)[0] == c && order.get(i)[1] == s) {
                    return i;
                }
            }
            return -1;
        }

        private static String resolve(Map<String, String> canonical, String name) {
            return canonical.getOrDefault(name.toLowerCase(Locale.ROOT), name);
        }

        private void caching() {
            long in = 0;
            long read = 0;
            long write = 0;
            for (ServedRequest r : served) {
                if (r.answered() && kindOf(r).equals("draft")) {
                    in += r.inputTokens();
                    read += r.cachedTokens();
                    write += r.cacheWriteTokens();
                }
            }
            System.out.printf(Locale.ROOT, "drafting input: %,d tokens, cache reads %,d (%.1f %%), cache writes %,d%n", in, read,
                    100.0 * read / Math.max(1, in), write);
        }

        private void faults(long answered) {
            Map<String, Integer> byFault = new TreeMap<>();
            served.forEach(r -> {
                if (r.fault() != null) {
                    byFault.merge(r.fault().toString(), 1, Integer::sum);
                }
            });
            // paid twice: the same request (model, prompt, schema) answered in full more than once
            Map<String, Integer> seen = new HashMap<>();
            int twice = 0;
            for (ServedRequest r : served) {
                if (r.answered() && seen.merge(r.model() + '\u0000' + r.schemaName() + '\u0000' + r.requestText(), 1, Integer::sum) > 1) {
                    twice++;
                }
            }
            long unaccounted = served.stream().filter(r -> r.answered() && !stepOf.containsKey(r.id())).count();
            System.out.printf(Locale.ROOT, "faults injected (rate %.3f): %s; completed without resume: %s; identical requests answered twice: %d; "
                    + "answers served but not on the account: %d; calls on the account %d%n", faultRate, byFault, outcome.equals("COMPLETED"),
                    twice, unaccounted, accountCalls);
        }

        private void wallTime(Outline outline) {
            if (rate <= 0 || outline == null) {
                System.out.printf(Locale.ROOT, "wall: %.1f s (as fast as possible; no floor)%n", wall);
                return;
            }
            // the critical path: the plan calls one after another, then the slowest chapter's chain of calls
            long planOut = 0;
            Map<Integer, Long> chain = new HashMap<>();
            long totalOut = 0;
            for (ServedRequest r : served) {
                if (!r.answered()) {
                    continue;
                }
                totalOut += r.outputTokens();
                Integer c = chapterOf(r);
                String step = stepOf.get(r.id());
                if (step != null && c == null && StepKeys.PLAN.contains(step)) {
                    planOut += r.outputTokens();
                } else if (c != null) {
                    chain.merge(c, (long) r.outputTokens(), Long::sum);
                }
            }
            long longest = chain.values().stream().mapToLong(Long::longValue).max().orElse(0);
            double floor = Math.max(totalOut / (rate * streams), (planOut + longest) / rate);
            System.out.printf(Locale.ROOT, "wall: %.1f s; critical-path floor %.1f s (throughput %.1f s, chain %.1f s); ratio %.2f%n", wall, floor,
                    totalOut / (rate * streams), (planOut + longest) / rate, wall / floor);
        }
    }
}
