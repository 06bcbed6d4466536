package com.authorworks.subscriptions.internal.billing;

import java.util.Set;
import java.util.UUID;

import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;
import com.authorworks.subscriptions.internal.tiers.Tier;

/**
 * The offline payment provider of the embedded default: no account, no network, no real money. It
 * walks the same state machine as Stripe and understands Stripe's test card numbers:
 * {@code 4242 4242 4242 4242} pays (the default), {@code 4000 0000 0000 0002} is declined, and
 * {@code 4000 0000 0000 0341} can be saved but every charge on it fails (a renewal that fails).
 * Its fee is Stripe's list price, 2.9 % + 30 cents, so the ledger looks like a real one.
 */
public class TestModeProvider implements PaymentProvider {

    public static final String NAME = "test-mode";
    public static final String PAYS = "4242424242424242";
    public static final String DECLINED = "4000000000000002";
    public static final String CHARGES_FAIL = "4000000000000341";
    private static final Set<String> CARDS = Set.of(PAYS, DECLINED, CHARGES_FAIL);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String mode() {
        return "test mode";
    }

    /** The card as stored: digits only; an unknown one is a 400 naming the test cards there are. */
    public static String card(String card) {
        if (card == null || card.isBlank()) {
            return PAYS;
        }
        String digits = card.replaceAll("[\\s-]", "");
        if (!CARDS.contains(digits)) {
            throw Problem.badRequest("unknown-test-card", "In test mode use one of Stripe's test cards: " + PAYS + " (pays), "
                    + DECLINED + " (declined) or " + CHARGES_FAIL + " (saved, but charges fail).");
        }
        return digits;
    }

    /** Stripe's standard fee, 2.9 % + 30 cents, rounded half up, never more than the charge. */
    public static long fee(long amount) {
        return Math.min(amount, Math.floorDiv(amount * 29 * 2 + 1000, 2000) + 30);
    }

    @Override
    public Payment subscribe(Subscription subscription, Tier tier, String card) {
        return charge(subscription.price(), card, "tm_ch_");
    }

    @Override
    public Payment renew(Subscription subscription) {
        // one id per subscription and period: a period is paid once, whichever attempt pays it
        if (!PAYS.equals(subscription.testCard())) {
            return new Declined("Your card was declined (test card " + subscription.testCard() + ").");
        }
        return new Paid("tm_in_" + subscription.id() + "_" + subscription.periodStart().getEpochSecond(), fee(subscription.price()));
    }

    /** A one-off charge of {@code amount} to the card a subscription saved (an upgrade's difference). */
    public Payment chargeSaved(Subscription subscription, long amount) {
        if (!PAYS.equals(subscription.testCard())) {
            return new Declined("Your card was declined (test card " + subscription.testCard() + ").");
        }
        return new Paid("tm_up_" + UUID.randomUUID(), fee(amount));
    }

    @Override
    public boolean renewedHere() {
        return true;
    }

    @Override
    public Payment tip(UserId fan, UserId creator, long amount, String currency, String card) {
        return charge(amount, card, "tm_tip_");
    }

    private static Payment charge(long amount, String card, String prefix) {
        return switch (card(card)) {
            case PAYS -> new Paid(prefix + UUID.randomUUID(), fee(amount));
            case DECLINED -> new Declined("Your card was declined (test card " + DECLINED + ").");
            default -> new Declined("Your card could not be charged (test card " + CHARGES_FAIL + ").");
        };
    }
}
