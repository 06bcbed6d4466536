package com.authorworks.subscriptions.internal.billing;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;
import com.authorworks.subscriptions.SubscriptionId;
import com.authorworks.subscriptions.TierId;
import com.authorworks.subscriptions.internal.BillingClock;
import com.authorworks.subscriptions.internal.tiers.BillingInterval;
import com.authorworks.subscriptions.internal.tiers.Tier;
import com.authorworks.subscriptions.internal.tiers.Tiers;

/**
 * {@code /api/v1/subscriptions}: a fan joins a tier (checkout), sees their subscriptions, cancels
 * (access runs to the end of the paid period) and resumes, and tips. Another fan's subscription is
 * "not found". Every answer says which payment mode it was made in ({@code "mode": "test mode"}).
 */
@RestController
class SubscriptionsController {

    record CheckoutRequest(@NotNull java.util.UUID tierId, @Size(max = 10) String interval, @Size(max = 30) String card) {
    }

    record ChangeTierRequest(@NotNull java.util.UUID tierId) {
    }

    record ChangeTierView(SubscriptionView subscription, long charged, String currency, String paymentId, String mode) {
    }

    record AdvanceRequest(@NotNull @Min(1) @Max(400) Integer days) {
    }

    record TestClockView(Instant now, long aheadBySeconds, int changed, String mode) {
    }

    record CardRequest(@NotNull @Size(max = 30) String card) {
    }

    record TipRequest(@NotNull java.util.UUID creatorId, @NotNull @Min(100) @Max(1_000_000) Long amount, @NotNull @Size(max = 3) String currency,
                      @Size(max = 500) String message, @Size(max = 30) String card) {
    }

    record SubscriptionView(String id, String creatorId, String tierId, String tierName, String status, String interval, long price,
                            String currency, Instant currentPeriodStart, Instant currentPeriodEnd, boolean hasAccess,
                            Instant accessUntil, boolean renews, Instant nextPaymentAttemptAt, String welcomeMessage, String mode,
                            String provider, Instant createdAt, Instant updatedAt, Instant endedAt) {
    }

    record CheckoutView(SubscriptionView subscription, URI checkoutUrl, String mode) {
    }

    record SubscriptionList(List<SubscriptionView> items, String mode) {
    }

    record TipView(String id, String creatorId, long amount, String currency, String message, String mode, String provider,
                   Instant createdAt) {
    }

    record TipList(List<TipView> items, String mode) {
    }

    private final Billing billing;
    private final Tiers tiers;
    private final BillingClock clock;

    SubscriptionsController(Billing billing, Tiers tiers, BillingClock clock) {
        this.billing = billing;
        this.tiers = tiers;
        this.clock = clock;
    }

    @PostMapping("/api/v1/subscriptions/checkout")
    ResponseEntity<CheckoutView> checkout(@Valid @RequestBody CheckoutRequest body) {
        CurrentUser fan = CurrentUser.require();
        Billing.Checkout checkout = billing.checkout(fan.id(), new TierId(body.tierId()), interval(body.interval()), body.card());
        SubscriptionView view = view(checkout.subscription());
        return ResponseEntity.created(URI.create("/api/v1/subscriptions/" + checkout.subscription().id()))
                .body(new CheckoutView(view, checkout.redirect().orElse(null), view.mode()));
    }

    @GetMapping("/api/v1/subscriptions")
    SubscriptionList mine() {
        return new SubscriptionList(billing.of(CurrentUser.require().id()).stream().map(this::view).toList(), billing.provider().mode());
    }

    @GetMapping("/api/v1/subscriptions/{id}")
    SubscriptionView get(@PathVariable("id") SubscriptionId id) {
        return view(billing.require(id, CurrentUser.require().id()));
    }

    /** Cancels at the end of the paid period (at once when nothing is paid for); cancelling again changes nothing. */
    @PostMapping("/api/v1/subscriptions/{id}/cancel")
    SubscriptionView cancel(@PathVariable("id") SubscriptionId id) {
        return view(billing.cancel(id, CurrentUser.require().id()));
    }

    @PostMapping("/api/v1/subscriptions/{id}/resume")
    SubscriptionView resume(@PathVariable("id") SubscriptionId id) {
        return view(billing.resumeAndTell(id, CurrentUser.require().id()));
    }

    /** Test mode only: the test card later renewals are charged to (4000000000000341 makes them fail). */
    @PutMapping("/api/v1/subscriptions/{id}/test-card")
    SubscriptionView testCard(@PathVariable("id") SubscriptionId id, @Valid @RequestBody CardRequest body) {
        return view(billing.changeTestCard(id, CurrentUser.require().id(), body.card()));
    }

    /**
     * Test mode: moves to another tier of the same creator now; an upgrade is charged the difference for the
     * rest of the period.
     */
    @PostMapping("/api/v1/subscriptions/{id}/change-tier")
    ChangeTierView changeTier(@PathVariable("id") SubscriptionId id, @Valid @RequestBody ChangeTierRequest body) {
        Billing.TierChange change = billing.changeTier(id, CurrentUser.require().id(), new TierId(body.tierId()));
        SubscriptionView view = view(change.subscription());
        return new ChangeTierView(view, change.charged(), change.subscription().currency(), change.paymentId(), view.mode());
    }

    /** Test mode only: the billing clock's time. */
    @GetMapping("/api/v1/subscriptions/test-clock")
    TestClockView testClock() {
        CurrentUser.require();
        requireTestMode();
        return clockView(0);
    }

    /**
     * Test mode only: moves the billing clock {@code days} forward for everyone on this instance, renewing
     * (retrying, ending) what falls due on each day passed.
     */
    @PostMapping("/api/v1/subscriptions/test-clock/advance")
    TestClockView advanceTestClock(@Valid @RequestBody AdvanceRequest body) {
        CurrentUser.require();
        requireTestMode();
        return clockView(billing.advanceClock(body.days()));
    }

    private void requireTestMode() {
        if (!(billing.provider() instanceof TestModeProvider)) {
            throw Problem.forbidden("test-mode-only", "The billing clock moves in test mode only; payments here go through "
                    + billing.provider().mode() + ".");
        }
    }

    private TestClockView clockView(int changed) {
        Instant now = clock.instant();
        return new TestClockView(now, java.time.Duration.between(java.time.Instant.now(), now).toSeconds(), changed, billing.provider().mode());
    }

    @PostMapping("/api/v1/subscriptions/tips")
    ResponseEntity<TipView> tip(@Valid @RequestBody TipRequest body) {
        CurrentUser fan = CurrentUser.require();
        Billing.Tip tip = billing.tip(fan.id(), new UserId(body.creatorId()), body.amount(), body.currency(),
                body.message() == null || body.message().isBlank() ? null : body.message().strip(), body.card());
        return ResponseEntity.created(URI.create("/api/v1/subscriptions/tips/" + tip.id())).body(view(tip));
    }

    @GetMapping("/api/v1/subscriptions/tips")
    TipList tips() {
        return new TipList(billing.tipsFrom(CurrentUser.require().id()).stream().map(this::view).toList(), billing.provider().mode());
    }

    private TipView view(Billing.Tip tip) {
        return new TipView(tip.id().toString(), tip.creator().toString(), tip.amount(), tip.currency(), tip.message(), mode(tip.provider()),
                tip.provider(), tip.createdAt());
    }

    private SubscriptionView view(Subscription s) {
        Instant now = clock.instant();
        Tier tier = tiers.find(s.tier()).orElseThrow();
        boolean access = s.grantsAccess(now);
        boolean renews = s.status() == SubscriptionStatus.ACTIVE || s.status() == SubscriptionStatus.PAST_DUE;
        return new SubscriptionView(s.id().toString(), s.creator().toString(), s.tier().toString(), tier.name(),
                s.status().name().toLowerCase(Locale.ROOT).replace('_', '-'), s.interval().name().toLowerCase(Locale.ROOT), s.price(),
                s.currency(), s.periodStart(), s.periodEnd(), access, access ? s.periodEnd() : null, renews, s.nextAttemptAt(),
                access ? tier.welcomeMessage() : null, mode(s.provider()), s.provider(), s.createdAt(), s.updatedAt(), s.endedAt());
    }

    /** The label of the provider a row was made with (a row made in test mode stays labelled so). */
    private String mode(String provider) {
        return provider.equals(TestModeProvider.NAME) ? "test mode" : provider.equals(billing.provider().name()) ? billing.provider().mode() : provider;
    }

    private static BillingInterval interval(String text) {
        if (text == null || text.isBlank()) {
            return BillingInterval.MONTHLY;
        }
        try {
            return BillingInterval.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("invalid-interval", "interval must be monthly or annual.");
        }
    }

}
