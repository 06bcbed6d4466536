package com.authorworks.subscriptions.internal.tiers;

import java.util.Locale;
import java.util.Set;

import com.authorworks.platform.Problem;

/**
 * The currencies prices may be in: ones with two decimal places (so a minor unit is a cent
 * everywhere) that Stripe settles for Connect accounts.
 */
public final class Currencies {

    public static final Set<String> SUPPORTED = Set.of("USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK");

    private Currencies() {
    }

    /** The currency in its ISO 4217 form, or a 400 problem naming the ones there are. */
    public static String require(String code) {
        String upper = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!SUPPORTED.contains(upper)) {
            throw Problem.badRequest("unsupported-currency", "currency must be one of "
                    + String.join(", ", SUPPORTED.stream().sorted().toList()) + ".");
        }
        return upper;
    }
}
