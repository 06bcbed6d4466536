package com.authorworks.publishing;

/** The file given to an importer cannot be read as a manuscript; the message says why, for the author. */
public final class ImportException extends RuntimeException {

    /** Why an import failed; stable, for problem-detail codes. */
    public enum Reason { MALFORMED, TOO_LARGE, UNSAFE_CONTENT, UNSUPPORTED }

    private final Reason reason;

    public ImportException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ImportException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
