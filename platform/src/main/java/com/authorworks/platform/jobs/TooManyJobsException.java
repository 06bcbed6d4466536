package com.authorworks.platform.jobs;

/** Queuing refused: the user already has {@code limit} unfinished jobs in this queue. */
public class TooManyJobsException extends RuntimeException {

    private final long active;
    private final int limit;

    public TooManyJobsException(long active, int limit) {
        super("There are already " + active + " unfinished job(s) of this user; the limit is " + limit);
        this.active = active;
        this.limit = limit;
    }

    public long active() {
        return active;
    }

    public int limit() {
        return limit;
    }
}
