package com.authorworks.subscriptions.internal.ledger;

import java.util.Map;

/**
 * How a payment divides, to the cent: the platform's application fee is 20 % of the gross rounded half
 * up (what Stripe computes from {@code application_fee_percent=20}), the creator gets the rest, and the
 * processor's fee comes out of the platform's share. Always {@code creator + platform + fee = gross}.
 */
public record Split(long gross, long fee, long applicationFee, long platform, long creator) {

    public static final int PLATFORM_PERCENT = 20;

    public Split {
        if (creator + platform + fee != gross || applicationFee != platform + fee) {
            throw new IllegalArgumentException("unbalanced split " + gross + " = " + creator + " + " + platform + " + " + fee);
        }
    }

    /** A charge of {@code gross} on which the processor kept {@code fee}. */
    public static Split of(long gross, long fee) {
        if (gross <= 0 || fee < 0 || fee > gross) {
            throw new IllegalArgumentException("a charge is positive and its fee between 0 and the charge: " + gross + ", " + fee);
        }
        long application = applicationFee(gross);
        return new Split(gross, fee, application, application - fee, gross - application);
    }

    /** 20 % of {@code amount}, rounded half up. */
    public static long applicationFee(long amount) {
        return Math.floorDiv(amount * PLATFORM_PERCENT * 2 + 100, 200);
    }

    /**
     * The part of {@code charge} that a refund bringing the refunded total from {@code before} to
     * {@code after} takes back, with {@code feeReturned} of the processor's fee. Shares are taken on
     * the running total, so a charge refunded in any number of parts reverses exactly what it posted.
     */
    public static Split refund(Split charge, long before, long after, long feeReturned) {
        if (before < 0 || after <= before || after > charge.gross()) {
            throw new IllegalArgumentException("a refund takes back part of what is left: " + before + " -> " + after + " of " + charge.gross());
        }
        long amount = after - before;
        long application = share(charge.applicationFee(), charge.gross(), after) - share(charge.applicationFee(), charge.gross(), before);
        if (feeReturned < 0 || feeReturned > charge.fee()) {
            throw new IllegalArgumentException("returned fee " + feeReturned + " out of range");
        }
        return new Split(amount, feeReturned, application, application - feeReturned, amount - application);
    }

    private static long share(long part, long whole, long of) {
        return of == whole ? part : Math.floorDiv(part * of * 2 + whole, 2 * whole);
    }

    /** The postings of a charge (refund: {@code sign} -1), which sum to zero. */
    Map<Account, Long> postings(int sign) {
        return Map.of(Account.FAN_PAYMENTS, -sign * gross, Account.PROCESSOR_FEES, sign * fee,
                Account.PLATFORM, sign * platform, Account.CREATOR, sign * creator);
    }
}
