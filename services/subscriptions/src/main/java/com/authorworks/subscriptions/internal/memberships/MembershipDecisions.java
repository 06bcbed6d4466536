package com.authorworks.subscriptions.internal.memberships;

import java.time.Instant;
import java.util.Optional;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import com.authorworks.platform.UserId;
import com.authorworks.subscriptions.Membership;
import com.authorworks.subscriptions.Memberships;
import com.authorworks.subscriptions.TierId;
import com.authorworks.subscriptions.internal.BillingClock;
import com.authorworks.subscriptions.internal.billing.Subscription;
import com.authorworks.subscriptions.internal.billing.SubscriptionRecords;
import com.authorworks.subscriptions.internal.tiers.Tier;
import com.authorworks.subscriptions.internal.tiers.Tiers;

/** The {@link Memberships} contract in the subscriptions service's own process. */
@Component
@Primary
class MembershipDecisions implements Memberships {

    private final SubscriptionRecords subscriptions;
    private final Tiers tiers;
    private final BillingClock clock;

    MembershipDecisions(SubscriptionRecords subscriptions, Tiers tiers, BillingClock clock) {
        this.subscriptions = subscriptions;
        this.tiers = tiers;
        this.clock = clock;
    }

    @Override
    public Membership of(UserId fan, UserId creator, TierId atLeast) {
        Optional<Tier> required = atLeast == null ? Optional.empty() : Optional.of(tiers.require(creator, atLeast));
        Instant now = clock.instant();
        Optional<Subscription> live = subscriptions.ofFan(fan).stream()
                .filter(s -> s.creator().equals(creator) && s.grantsAccess(now))
                .findFirst();
        if (live.isEmpty()) {
            return Membership.none(fan, creator);
        }
        Tier held = tiers.find(live.get().tier()).orElseThrow();
        boolean meets = required.map(tier -> atLeast(held, tier)).orElse(true);
        return new Membership(fan, creator, true, held.id(), held.name(), meets, live.get().periodEnd());
    }

    /** The same tier, or one that costs at least as much a month in the same currency. */
    static boolean atLeast(Tier held, Tier required) {
        return held.id().equals(required.id())
                || held.currency().equals(required.currency()) && held.monthlyPrice() >= required.monthlyPrice();
    }
}
