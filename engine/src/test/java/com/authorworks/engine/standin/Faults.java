package com.authorworks.engine.standin;

/**
 * How often the stand-in misbehaves, as the share of requests (0 to 1) that get each fault. Drawn per
 * request from the server's seeded random source, in the order below.
 *
 * @param rateLimited  429 with {@code retry-after} (OpenAI {@code rate_limit_exceeded}, Anthropic {@code rate_limit_error})
 * @param unavailable  503 (OpenAI "The server is overloaded or not ready yet."; Anthropic {@code api_error})
 * @param overloaded   529 {@code overloaded_error} (Anthropic; OpenAI has no 529 and answers 503 instead)
 * @param serverError  500 (OpenAI {@code server_error}, Anthropic {@code api_error})
 * @param cutStream    the connection is closed halfway through the answer: no final usage, no end of stream
 * @param invalidJson  a structured answer arrives as broken JSON (text answers are unaffected)
 */
public record Faults(double rateLimited, double unavailable, double overloaded, double serverError, double cutStream, double invalidJson) {

    public Faults {
        double sum = rateLimited + unavailable + overloaded + serverError + cutStream + invalidJson;
        if (rateLimited < 0 || unavailable < 0 || overloaded < 0 || serverError < 0 || cutStream < 0 || invalidJson < 0 || sum > 1) {
            throw new IllegalArgumentException("fault rates must be between 0 and 1 and add up to at most 1");
        }
    }

    public static Faults none() {
        return new Faults(0, 0, 0, 0, 0, 0);
    }

    /**
     * {@code rate} of all requests fail, spread over the kinds: 429 25 %, 503 20 %, 529 15 %, 500 10 %,
     * cut streams 20 %, invalid JSON 10 %.
     */
    public static Faults transientAt(double rate) {
        return new Faults(rate * 0.25, rate * 0.20, rate * 0.15, rate * 0.10, rate * 0.20, rate * 0.10);
    }

    /** The fault of one request for a draw {@code u} in [0, 1), or null. */
    Fault pick(double u) {
        double[] rates = {rateLimited, unavailable, overloaded, serverError, cutStream, invalidJson};
        double at = 0;
        for (int i = 0; i < rates.length; i++) {
            at += rates[i];
            if (u < at) {
                return Fault.values()[i];
            }
        }
        return null;
    }

    /** The kinds of misbehaviour. */
    public enum Fault { RATE_LIMITED, UNAVAILABLE, OVERLOADED, SERVER_ERROR, CUT_STREAM, INVALID_JSON }
}
