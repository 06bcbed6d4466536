package com.authorworks.engine.internal;

/** Ends a run early without it being an error of its own: the budget was reached, the run was cancelled, or another part failed. */
final class RunStopped extends RuntimeException {

    enum Reason { BUDGET, CANCELLED, FAILED }

    private final Reason reason;

    RunStopped(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
