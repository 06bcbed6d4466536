package com.authorworks.subscriptions.internal.ledger;

/**
 * Where money is posted. Money fans paid comes out of {@link #FAN_PAYMENTS} (negative: received) and
 * goes to the processor's fee, the platform and the creator, so a transaction's postings sum to zero.
 */
public enum Account {
    /** What fans paid through the processor (a charge posts minus the gross, a refund plus what went back). */
    FAN_PAYMENTS,
    /** What the processor kept. */
    PROCESSOR_FEES,
    /** The platform's share: its 20 % application fee, less the processor's fee, which it bears (as with Stripe destination charges). */
    PLATFORM,
    /** The creator's share: 80 % of the gross, owed to them (paid out by the processor to their connected account). */
    CREATOR
}
