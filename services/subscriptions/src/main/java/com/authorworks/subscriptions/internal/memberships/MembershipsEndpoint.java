package com.authorworks.subscriptions.internal.memberships;

import org.springframework.web.bind.annotation.RestController;

import com.authorworks.platform.UserId;
import com.authorworks.platform.contracts.Callers;
import com.authorworks.subscriptions.Membership;
import com.authorworks.subscriptions.Memberships;
import com.authorworks.subscriptions.TierId;

/**
 * The {@link Memberships} contract for other processes, mapped by the interface's own annotations.
 * A call may ask only about the fan its credentials act for (their token, or a service token naming them).
 */
@RestController
class MembershipsEndpoint implements Memberships {

    private final MembershipDecisions decisions;

    MembershipsEndpoint(MembershipDecisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public Membership of(UserId fan, UserId creator, TierId atLeast) {
        Callers.actingFor(fan);
        return decisions.of(fan, creator, atLeast);
    }
}
