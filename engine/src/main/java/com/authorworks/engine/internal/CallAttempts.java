package com.authorworks.engine.internal;

import com.authorworks.engine.CallRecord;
import com.authorworks.engine.PriceTable;
import com.authorworks.engine.llm.AttemptListener;
import com.authorworks.engine.llm.Completion;
import com.authorworks.engine.llm.LanguageModelException;
import com.authorworks.engine.llm.Message;
import com.authorworks.engine.llm.OutputFormat;
import com.authorworks.engine.llm.Usage;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The attempts of one call through the gate, each on the step's account from the moment it is sent. An
 * attempt is booked as an estimate before it goes (input counted from the prompt, no output yet), made truer
 * as its answer streams (at its first text, then at most once per {@link #REFRESH}, so a killed process
 * leaves a near-true estimate), and settled with the provider's own count when it answers. One that fails
 * (a cut stream, an error mid-answer, a cancel) stays an estimate of what it streamed; one that failed
 * before its first token is taken off the account again, as providers do not bill a request they refused
 * (a 429, a 5xx) and one that never connected was never served. Every version of an attempt has the same
 * id, so each account books it once.
 */
final class CallAttempts implements AttemptListener {

    /** How often a streaming attempt's estimate is rewritten at most: one checkpoint write a second per stream. */
    static final Duration REFRESH = Duration.ofSeconds(1);

    private final String purpose;
    private final List<Message> messages;
    private final long inputTokens;
    private final PriceTable prices;
    private final StepStore.PaidCalls calls;
    private final RunAccount account;

    private final StringBuilder streamed = new StringBuilder();
    private String id;
    private String provider;
    private String model;
    private long refreshedAt;
    private boolean open;

    CallAttempts(String purpose, String system, List<Message> messages, OutputFormat output, PriceTable prices, StepStore.PaidCalls calls,
                 RunAccount account) {
        this.purpose = purpose;
        this.messages = messages;
        this.inputTokens = promptTokens(system, messages, output);
        this.prices = prices;
        this.calls = calls;
        this.account = account;
    }

    /** The conversation the attempts send. */
    List<Message> messages() {
        return messages;
    }

    /** The tokens a prompt sends, counted with cl100k: system, messages, and the schema of a structured answer. */
    static long promptTokens(String system, List<Message> messages, OutputFormat output) {
        long tokens = TokenCounter.count(system);
        for (Message message : messages) {
            tokens += TokenCounter.count(message.content());
        }
        return tokens + (output instanceof OutputFormat.Json json ? TokenCounter.count(json.jsonSchema()) : 0);
    }

    /** An attempt is about to be sent: it is on the account before it goes; a failure to book it stops the send. */
    synchronized void sending(String toProvider, String toModel) {
        id = UUID.randomUUID().toString();
        provider = toProvider;
        model = toModel;
        streamed.setLength(0);
        open = true;
        book(estimate());
        refreshedAt = System.nanoTime();
    }

    /** Text of the attempt in flight arrived. */
    synchronized void streamed(String piece) {
        boolean first = streamed.isEmpty();
        streamed.append(piece);
        if (open && (first || System.nanoTime() - refreshedAt >= REFRESH.toNanos())) {
            refreshedAt = System.nanoTime();
            try {
                book(estimate());
            } catch (RuntimeException e) {
                // only a truer estimate was lost (an interrupted write, say): the attempt's settling books it again
            }
        }
    }

    @Override
    public synchronized void resending(String toProvider, String toModel, LanguageModelException failure) {
        failed();
        sending(toProvider, toModel);
    }

    /** The attempt in flight answered: the provider's count replaces the estimate (kept when the provider reported none). */
    synchronized void answered(Completion completion) {
        Usage usage = completion.usage();
        boolean reported = usage.inputTokens() > 0 || usage.outputTokens() > 0;
        if (!reported) {
            usage = new Usage(inputTokens, TokenCounter.count(completion.text()), 0, 0);
        }
        book(record(completion.provider(), completion.model(), usage, !reported));
        open = false;
    }

    /** The attempt in flight failed or was abandoned: what it streamed stays on the account, as an estimate; if nothing, nothing. */
    synchronized void failed() {
        if (!open) {
            return;
        }
        open = false;
        if (streamed.isEmpty()) {
            account.paid(calls.withdraw(id), null);
        } else {
            book(estimate());
        }
    }

    private CallRecord estimate() {
        return record(provider, model, new Usage(inputTokens, TokenCounter.count(streamed.toString()), 0, 0), true);
    }

    private CallRecord record(String byProvider, String byModel, Usage usage, boolean estimated) {
        return new CallRecord(id, purpose, byProvider, byModel, usage, prices.cost(byProvider, byModel, usage), prices.version(), estimated);
    }

    private void book(CallRecord record) {
        account.paid(calls.book(record), record);
    }
}
