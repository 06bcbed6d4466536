package com.authorworks.engine.internal;

import com.authorworks.engine.CallRecord;
import com.authorworks.engine.CheckpointStore;
import com.authorworks.engine.CostReport;
import com.authorworks.engine.StepKeys;
import com.authorworks.engine.StepRecord;
import com.authorworks.engine.llm.Usage;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** Cost per step kind and per book, read from the calls recorded in the checkpoints. */
public final class Accounts {

    /** The cost-report kind of calls paid for by steps that did not finish (failed, cancelled, killed, or running). */
    public static final String UNFINISHED = "unfinished";

    private Accounts() {
    }

    public static CostReport report(CheckpointStore store) {
        Map<String, CostReport.StepCost> byStep = new TreeMap<>();
        long calls = 0;
        Usage usage = Usage.NONE;
        BigDecimal cost = BigDecimal.ZERO;
        for (String key : store.keys("")) {
            // finished steps; then calls paid for by steps not (yet) finished: their unfinished records,
            // and the finished parts of a step that is not checkpointed (once it is, its record has them)
            String kind = StepKeys.isStep(key) ? StepKeys.kind(key)
                    : key.startsWith(StepKeys.UNFINISHED) || key.startsWith(StepKeys.PARTIAL) && store.get(StepKeys.stepOf(key)).isEmpty()
                    ? UNFINISHED : null;
            if (kind == null) {
                continue;
            }
            var stored = store.get(key);
            if (stored.isEmpty()) {
                continue;
            }
            StepRecord record = Json.read(stored.get(), StepRecord.class);
            for (CallRecord call : record.calls()) {
                byStep.merge(kind, new CostReport.StepCost(0, Usage.NONE, BigDecimal.ZERO).plus(call),
                        (a, b) -> new CostReport.StepCost(a.calls() + b.calls(), a.usage().plus(b.usage()), a.costUsd().add(b.costUsd())));
                calls++;
                usage = usage.plus(call.usage());
                cost = cost.add(call.costUsd());
            }
        }
        return new CostReport(calls, usage, cost, Map.copyOf(byStep));
    }
}
