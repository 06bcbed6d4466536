package com.authorworks.engine.internal;

import com.authorworks.engine.CallRecord;
import com.authorworks.engine.CheckpointStore;
import com.authorworks.engine.CostReport;
import com.authorworks.engine.StepKeys;
import com.authorworks.engine.StepRecord;
import com.authorworks.engine.llm.Usage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cost per step kind and per book, read from the calls recorded in the checkpoints. A call held by several
 * records (a step's unfinished record and its own, when the process died between writing one and deleting
 * the other) counts once: in its step's kind, and with the provider's count over an estimate.
 */
public final class Accounts {

    /** The cost-report kind of calls paid for by steps that did not finish (failed, cancelled, killed, or running). */
    public static final String UNFINISHED = "unfinished";

    private Accounts() {
    }

    private record Booked(String kind, CallRecord call) {
    }

    public static CostReport report(CheckpointStore store) {
        Map<String, Booked> byId = new HashMap<>();
        List<Booked> booked = new ArrayList<>();
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
            for (CallRecord call : Json.read(stored.get(), StepRecord.class).calls()) {
                Booked entry = new Booked(kind, call);
                if (call.id() == null) {
                    booked.add(entry);
                } else {
                    byId.merge(call.id(), entry, Accounts::truer);
                }
            }
        }
        booked.addAll(byId.values());
        Map<String, CostReport.StepCost> byStep = new TreeMap<>();
        long calls = 0;
        long estimated = 0;
        Usage usage = Usage.NONE;
        BigDecimal cost = BigDecimal.ZERO;
        for (Booked entry : booked) {
            CallRecord call = entry.call();
            byStep.merge(entry.kind(), new CostReport.StepCost(0, Usage.NONE, BigDecimal.ZERO).plus(call),
                    (a, b) -> new CostReport.StepCost(a.calls() + b.calls(), a.usage().plus(b.usage()), a.costUsd().add(b.costUsd())));
            calls++;
            estimated += call.estimated() ? 1 : 0;
            usage = usage.plus(call.usage());
            cost = cost.add(call.costUsd());
        }
        return new CostReport(calls, usage, cost, Map.copyOf(byStep), estimated);
    }

    /** Of two records of one call: the provider's count over an estimate, then the finished step's over an unfinished one. */
    private static Booked truer(Booked a, Booked b) {
        if (a.call().estimated() != b.call().estimated()) {
            return a.call().estimated() ? b : a;
        }
        return UNFINISHED.equals(a.kind()) ? b : a;
    }
}
