package com.authorworks.subscriptions.internal.stripe;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.authorworks.subscriptions.SubscriptionId;
import com.authorworks.subscriptions.internal.BillingClock;
import com.authorworks.subscriptions.internal.StripeKeys;
import com.authorworks.subscriptions.internal.billing.MembershipEvents;
import com.authorworks.subscriptions.internal.billing.Subscription;
import com.authorworks.subscriptions.internal.billing.SubscriptionRecords;
import com.authorworks.subscriptions.internal.billing.SubscriptionStatus;
import com.authorworks.subscriptions.internal.ledger.Ledger;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.model.PaymentIntent;
import com.stripe.model.SubscriptionItem;
import com.stripe.param.InvoicePaymentListParams;
import com.stripe.param.InvoiceRetrieveParams;
import com.stripe.param.RefundListParams;
import com.stripe.param.PaymentIntentRetrieveParams;

import tools.jackson.databind.JsonNode;

/**
 * Handles verified Stripe events, which arrive duplicated, late, out of order and in parallel. Each
 * event is handled once (by its id, in the transaction that applies it); the object it names is then
 * fetched again from Stripe <em>after</em> our row for it is locked, and our row is set to what Stripe
 * says now. So of two events handled at once the later fetch wins, and a late
 * {@code customer.subscription.updated} cannot bring back an older state. A failure rolls everything
 * back, the event included, and Stripe delivers it again. A change of state is announced
 * ({@code MembershipStarted}, {@code MembershipPaymentFailed}) in the same transaction, only when the
 * row changed.
 */
@Component
@Conditional(StripeKeys.Configured.class)
class StripeWebhooks {

    enum Handled { APPLIED, DUPLICATE, IGNORED }

    private final JdbcClient db;
    private final StripeClient stripe;
    private final SubscriptionRecords subscriptions;
    private final StripeAccounts accounts;
    private final Ledger ledger;
    private final BillingClock clock;
    private final MembershipEvents events;

    StripeWebhooks(JdbcClient db, StripeClient stripe, SubscriptionRecords subscriptions, StripeAccounts accounts, Ledger ledger,
                   BillingClock clock, MembershipEvents events) {
        this.db = db;
        this.stripe = stripe;
        this.subscriptions = subscriptions;
        this.accounts = accounts;
        this.ledger = ledger;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Handled handle(String eventId, String type, JsonNode object) throws StripeException {
        int first = db.sql("INSERT INTO subscriptions.stripe_events (id, type, received_at) VALUES (:id, :type, :now) ON CONFLICT (id) DO NOTHING")
                .param("id", eventId).param("type", type).param("now", Timestamp.from(clock.instant())).update();
        if (first == 0) {
            return Handled.DUPLICATE;
        }
        switch (type) {
            case "checkout.session.completed" -> {
                if (!"subscription".equals(object.path("mode").asString("")) || object.path("subscription").asString("").isEmpty()) {
                    return Handled.IGNORED;
                }
                sync(object.path("subscription").asString(), Optional.of(object.path("client_reference_id").asString("")));
            }
            case "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted",
                 "customer.subscription.paused", "customer.subscription.resumed" -> sync(object.path("id").asString(), Optional.empty());
            case "invoice.paid" -> invoicePaid(object.path("id").asString());
            case "charge.refunded", "charge.refund.updated" -> {
                String charge = type.equals("charge.refunded") ? object.path("id").asString("") : object.path("charge").asString("");
                if (charge.isEmpty()) {
                    return Handled.IGNORED;
                }
                refunded(charge);
            }
            case "invoice.payment_failed" -> {
                String subscription = object.path("parent").path("subscription_details").path("subscription").asString("");
                if (subscription.isEmpty()) {
                    return Handled.IGNORED;
                }
                sync(subscription, Optional.empty());
            }
            case "account.updated" -> accounts.update(stripe.v1().accounts().retrieve(object.path("id").asString()));
            default -> {
                return Handled.IGNORED;
            }
        }
        return Handled.APPLIED;
    }

    /**
     * Sets our subscription to Stripe's current state of {@code stripeId}: our row is locked first
     * (found by Stripe's id, or, before the two are linked, by the id we put in its metadata or the
     * checkout's reference), then Stripe is asked.
     */
    private void sync(String stripeId, Optional<String> reference) throws StripeException {
        Optional<Subscription> locked = subscriptions.lockByExternalId(StripeProvider.NAME, stripeId);
        if (locked.isEmpty()) {
            String ours = reference.filter(r -> !r.isBlank()).orElseGet(() -> metadata(stripeId));
            locked = ours == null ? Optional.empty() : parse(ours).flatMap(subscriptions::lock)
                    .filter(s -> s.provider().equals(StripeProvider.NAME));
        }
        if (locked.isEmpty()) {
            throw new UnknownSubscription(stripeId);
        }
        com.stripe.model.Subscription now = stripe.v1().subscriptions().retrieve(stripeId);
        List<SubscriptionItem> items = now.getItems() == null ? List.of() : now.getItems().getData();
        Instant start = items.isEmpty() ? null : Instant.ofEpochSecond(items.getFirst().getCurrentPeriodStart());
        Instant end = items.isEmpty() ? null : Instant.ofEpochSecond(items.getFirst().getCurrentPeriodEnd());
        Subscription current = locked.get();
        Instant at = clock.instant();
        Subscription next = current.asReported(stripeId, status(now), start, end, at);
        if (!next.equals(current)) {
            subscriptions.update(next);
            // only a real change is news: the same state reported again (another event, a redelivery) announces nothing
            events.reported(current, next, at);
        }
    }

    private String metadata(String stripeId) {
        try {
            return stripe.v1().subscriptions().retrieve(stripeId).getMetadata().get(StripeProvider.SUBSCRIPTION_METADATA);
        } catch (StripeException e) {
            throw new IllegalStateException(e);
        }
    }

    static SubscriptionStatus status(com.stripe.model.Subscription subscription) {
        return switch (subscription.getStatus().toLowerCase(Locale.ROOT)) {
            case "incomplete" -> SubscriptionStatus.INCOMPLETE;
            case "active", "trialing" -> Boolean.TRUE.equals(subscription.getCancelAtPeriodEnd())
                    ? SubscriptionStatus.CANCELLED_AT_PERIOD_END : SubscriptionStatus.ACTIVE;
            case "past_due", "unpaid", "paused" -> SubscriptionStatus.PAST_DUE;
            default -> SubscriptionStatus.EXPIRED; // canceled, incomplete_expired
        };
    }

    /**
     * Records a paid invoice in the ledger: its amount, and the fee Stripe kept, read from the balance
     * transaction of the invoice's charge. Keyed by the invoice id, so a second delivery records nothing.
     */
    private void invoicePaid(String invoiceId) throws StripeException {
        Invoice invoice = stripe.v1().invoices().retrieve(invoiceId, InvoiceRetrieveParams.builder().addExpand("payments").build());
        Invoice.Parent parent = invoice.getParent();
        if (parent == null || parent.getSubscriptionDetails() == null || invoice.getAmountPaid() == null || invoice.getAmountPaid() <= 0) {
            return;
        }
        String stripeSubscription = parent.getSubscriptionDetails().getSubscription();
        Optional<Subscription> ours = subscriptions.lockByExternalId(StripeProvider.NAME, stripeSubscription);
        if (ours.isEmpty() && parent.getSubscriptionDetails().getMetadata() != null) {
            ours = parse(parent.getSubscriptionDetails().getMetadata().get(StripeProvider.SUBSCRIPTION_METADATA)).flatMap(subscriptions::lock);
        }
        Subscription subscription = ours.orElseThrow(() -> new UnknownSubscription(stripeSubscription));
        String paymentIntent = invoice.getPayments().getData().getFirst().getPayment().getPaymentIntent();
        PaymentIntent intent = stripe.v1().paymentIntents().retrieve(paymentIntent,
                PaymentIntentRetrieveParams.builder().addExpand("latest_charge.balance_transaction").build());
        long fee = intent.getLatestChargeObject().getBalanceTransactionObject().getFee();
        Instant paidAt = invoice.getStatusTransitions() != null && invoice.getStatusTransitions().getPaidAt() != null
                ? Instant.ofEpochSecond(invoice.getStatusTransitions().getPaidAt()) : clock.instant();
        String currency = invoice.getCurrency().toUpperCase(Locale.ROOT);
        Ledger.Outcome outcome = ledger.record(new Ledger.Charge(StripeProvider.NAME, invoice.getId(), Ledger.Kind.SUBSCRIPTION,
                subscription.creator(), subscription.fan(), subscription.id().value(), null, currency, invoice.getAmountPaid(), fee, paidAt));
        // a paid period after the first is a renewal (the first is the membership's start, announced from its state)
        if (outcome == Ledger.Outcome.RECORDED && !"subscription_create".equals(invoice.getBillingReason())
                && ledger.chargedBefore(subscription.id().value(), invoice.getId())) {
            events.renewed(subscription, invoice.getAmountPaid(), currency, invoice.getId(), paidAt);
        }
    }

    /**
     * Records the succeeded refunds of a charge in the ledger, each keyed by its refund id (so a refund told of
     * again, or listed again with a later one, is recorded once), against the invoice the charge paid: the
     * charge's payment intent names it through the invoice's payments. Stripe keeps its processing fee on a
     * refund, so none of it is returned. A charge of no invoice recorded here (yet) is "unknown" (409), so
     * Stripe delivers it again.
     */
    private void refunded(String chargeId) throws StripeException {
        com.stripe.model.Charge charge = stripe.v1().charges().retrieve(chargeId);
        if (charge.getPaymentIntent() == null) {
            return;
        }
        List<com.stripe.model.InvoicePayment> payments = stripe.v1().invoicePayments().list(InvoicePaymentListParams.builder()
                .setPayment(InvoicePaymentListParams.Payment.builder().setType(InvoicePaymentListParams.Payment.Type.PAYMENT_INTENT)
                        .setPaymentIntent(charge.getPaymentIntent()).build())
                .build()).getData();
        if (payments.isEmpty()) {
            return; // not a subscription's payment (tips through Stripe are not built)
        }
        String invoice = payments.getFirst().getInvoice();
        for (com.stripe.model.Refund refund : stripe.v1().refunds().list(RefundListParams.builder().setCharge(chargeId).setLimit(100L).build())
                .getData()) {
            if (!"succeeded".equals(refund.getStatus())) {
                continue;
            }
            Ledger.Refunded recorded = ledger.refund(new Ledger.Refund(StripeProvider.NAME, refund.getId(), invoice, refund.getAmount(), 0,
                    refund.getCreated() == null ? clock.instant() : Instant.ofEpochSecond(refund.getCreated())));
            if (recorded.outcome() == Ledger.Outcome.CHARGE_UNKNOWN) {
                throw new UnknownSubscription(invoice);
            }
            events.refunded(recorded);
        }
    }

    private static Optional<SubscriptionId> parse(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(SubscriptionId.of(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An event about a subscription we have no row for (yet): answered 409, so Stripe delivers it again later. */
    static final class UnknownSubscription extends RuntimeException {
        UnknownSubscription(String stripeId) {
            super("no subscription here for Stripe's " + stripeId, null, false, false);
        }
    }
}
