package com.authorworks.subscriptions.internal.tiers;

import java.time.Instant;
import java.util.List;

import com.authorworks.platform.UserId;
import com.authorworks.subscriptions.TierId;

/**
 * A creator's tier. Prices are in minor units of {@code currency} (cents); a tier without an annual
 * price is monthly only, one without a member cap has room for everyone. An archived tier takes no
 * new members; those it has keep it until they leave.
 */
public record Tier(TierId id, UserId creator, String name, long monthlyPrice, Long annualPrice, String currency,
                   List<String> benefits, Integer memberCap, String welcomeMessage, Instant archivedAt,
                   Instant createdAt, Instant updatedAt) {

    public boolean archived() {
        return archivedAt != null;
    }

    /** The price of one period: a month or a year. */
    public long price(BillingInterval interval) {
        return switch (interval) {
            case MONTHLY -> monthlyPrice;
            case ANNUAL -> {
                if (annualPrice == null) {
                    throw com.authorworks.platform.Problem.conflict("no-annual-price",
                            "The tier '" + name + "' has no annual price; join it monthly.");
                }
                yield annualPrice;
            }
        };
    }
}
