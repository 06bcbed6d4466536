package com.authorworks.subscriptions.internal.billing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.UserId;
import com.authorworks.subscriptions.TierId;
import com.authorworks.subscriptions.internal.ledger.Ledger;
import com.authorworks.subscriptions.internal.ledger.Split;
import com.authorworks.subscriptions.internal.tiers.Tier;
import com.authorworks.subscriptions.internal.tiers.Tiers;

/**
 * {@code /api/v1/creators/me/...}: the signed-in creator's own dashboard (members by tier, monthly
 * recurring revenue, earnings from the ledger) and, in test mode, refunds of their fans' payments. Always
 * about the caller, so nobody reaches another creator's.
 */
@RestController
class CreatorDashboardController {

    record TierRow(String tierId, String name, String currency, long monthlyPrice, Long annualPrice, boolean archived, long members,
                   long renewing, long monthlyRevenue) {
    }

    record Amount(String currency, long amount) {
    }

    record Earnings(String currency, long gross, long processorFees, long platform, long creator, long transactions) {
    }

    record DashboardView(String creatorId, String mode, int platformPercent, long members, List<TierRow> tiers, List<Amount> mrr,
                         List<Earnings> earnings) {
    }

    record RefundRequest(@Min(1) @Max(12_000_000) Long amount) {
    }

    record RefundView(String refundId, String paymentId, long amount, String currency, long creatorShare, Instant refundedAt, String mode) {
    }

    private final Tiers tiers;
    private final SubscriptionRecords subscriptions;
    private final Ledger ledger;
    private final Billing billing;

    CreatorDashboardController(Tiers tiers, SubscriptionRecords subscriptions, Ledger ledger, Billing billing) {
        this.tiers = tiers;
        this.subscriptions = subscriptions;
        this.ledger = ledger;
        this.billing = billing;
    }

    @GetMapping("/api/v1/creators/me/dashboard")
    DashboardView dashboard() {
        UserId creator = CurrentUser.require().id();
        Map<TierId, SubscriptionRecords.TierStanding> standing = new java.util.HashMap<>();
        for (SubscriptionRecords.TierStanding s : subscriptions.standings(creator)) {
            standing.put(s.tier(), s);
        }
        List<TierRow> rows = new ArrayList<>();
        Map<String, Long> mrr = new TreeMap<>();
        long members = 0;
        for (Tier tier : tiers.of(creator, true)) {
            SubscriptionRecords.TierStanding s = standing.get(tier.id());
            long count = s == null ? 0 : s.members();
            long revenue = s == null ? 0 : s.monthlyRevenue();
            if (tier.archived() && count == 0) {
                continue;
            }
            members += count;
            mrr.merge(tier.currency(), revenue, Long::sum);
            rows.add(new TierRow(tier.id().toString(), tier.name(), tier.currency(), tier.monthlyPrice(), tier.annualPrice(), tier.archived(),
                    count, s == null ? 0 : s.renewing(), revenue));
        }
        rows.sort(Comparator.comparing(TierRow::archived).thenComparing(TierRow::monthlyPrice));
        return new DashboardView(creator.toString(), billing.provider().mode(), Split.PLATFORM_PERCENT, members, rows,
                mrr.entrySet().stream().map(e -> new Amount(e.getKey(), e.getValue())).toList(),
                ledger.totals(creator).stream().map(t -> new Earnings(t.currency(), t.gross(), t.fees(), t.platform(), t.creator(),
                        t.transactions())).toList());
    }

    /**
     * Test mode: gives a fan back a payment of theirs to this creator, all that is left of it or {@code amount}
     * (minor units). The payment is a transaction id from the earnings; the membership is left as it is.
     */
    @PostMapping("/api/v1/creators/me/payments/{paymentId}/refund")
    RefundView refund(@PathVariable("paymentId") String paymentId, @Valid @RequestBody(required = false) RefundRequest body) {
        UserId creator = CurrentUser.require().id();
        UUID payment;
        try {
            payment = UUID.fromString(paymentId);
        } catch (IllegalArgumentException e) {
            throw com.authorworks.platform.Problem.notFound("payment-not-found", "There is no such payment.");
        }
        Ledger.Refunded refunded = billing.refund(creator, payment, body == null ? null : body.amount());
        return new RefundView(refunded.refund().externalId(), payment.toString(), refunded.refund().amount(), refunded.currency(),
                refunded.creatorShare(), refunded.refund().occurredAt(), "test mode");
    }
}
