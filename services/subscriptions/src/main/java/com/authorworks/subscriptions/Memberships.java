package com.authorworks.subscriptions;

import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

import com.authorworks.platform.UserId;
import com.authorworks.platform.contracts.Contracts;

/**
 * Whether a fan is a member of a creator, and at which tier: the facts content's access policy needs
 * to decide on members-only and tier-gated chapters ("is U a member of C at tier ≥ T"). A tier is at
 * least another of the same creator when it is the same tier or costs at least as much a month in the
 * same currency (tiers are ordered by price, as on Patreon).
 *
 * <p>The subscriptions service's published contract (docs/platform.md): in its own process its bean
 * implements this; in a process without subscriptions an HTTP client of the same interface does
 * ({@code AUTHORWORKS_SUBSCRIPTIONS_URL}), acting for {@code fan}. When the service cannot be reached
 * it throws {@link SubscriptionsUnavailableException}.
 */
@HttpExchange("/api/v1/internal/subscriptions/memberships")
public interface Memberships {

    /**
     * The fan's membership of the creator now; with {@code atLeast}, whether it is at that tier or
     * above ({@code tier-not-found} when that tier is not the creator's).
     */
    @GetExchange
    Membership of(@RequestHeader(Contracts.ON_BEHALF_OF) UserId fan, @RequestParam("creator") UserId creator,
                  @RequestParam(name = "atLeast", required = false) TierId atLeast);
}
