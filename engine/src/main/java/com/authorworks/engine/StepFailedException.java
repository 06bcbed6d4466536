package com.authorworks.engine;

/** A step could not produce a valid artifact (e.g. the model kept answering with invalid JSON). */
public final class StepFailedException extends RuntimeException {

    private final String step;

    public StepFailedException(String step, String message) {
        super(step + ": " + message);
        this.step = step;
    }

    public String step() {
        return step;
    }
}
