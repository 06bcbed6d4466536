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

    private Accounts() {
    }

    public static CostReport report(CheckpointStore store) {
        Map<String, CostReport.StepCost> byStep = new TreeMap<>();
        long calls = 0;
        Usage usage = Usage.NONE;
        BigDecimal cost = BigDecimal.ZERO;
        for (String key : store.keys("")) {
            if (!StepKeys.isStep(key)) {
                continue;
            }
            StepRecord record = Json.read(store.get(key).orElseThrow(), StepRecord.class);
            for (CallRecord call : record.calls()) {
                byStep.merge(StepKeys.kind(key), new CostReport.StepCost(0, Usage.NONE, BigDecimal.ZERO).plus(call),
                        (a, b) -> new CostReport.StepCost(a.calls() + b.calls(), a.usage().plus(b.usage()), a.costUsd().add(b.costUsd())));
                calls++;
                usage = usage.plus(call.usage());
                cost = cost.add(call.costUsd());
            }
        }
        return new CostReport(calls, usage, cost, Map.copyOf(byStep));
    }
}
