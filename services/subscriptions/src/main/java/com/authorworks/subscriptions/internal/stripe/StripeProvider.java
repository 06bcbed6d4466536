package com.authorworks.subscriptions.internal.stripe;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;
import com.authorworks.platform.web.PublicUrl;
import com.authorworks.subscriptions.internal.StripeKeys;
import com.authorworks.subscriptions.internal.billing.PaymentProvider;
import com.authorworks.subscriptions.internal.billing.Subscription;
import com.authorworks.subscriptions.internal.ledger.Split;
import com.authorworks.subscriptions.internal.tiers.BillingInterval;
import com.authorworks.subscriptions.internal.tiers.Tier;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.LineItem;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData;

/**
 * Payments through Stripe Connect with destination charges: the fan pays on a Checkout page; the
 * subscription's invoices carry a 20 % application fee for the platform and transfer the rest to
 * the creator's Express account. Customers stay on the platform's account. Stripe renews and
 * retries on its own and tells us through webhooks ({@link StripeWebhooks}).
 */
@Component
@Conditional(StripeKeys.Configured.class)
class StripeProvider implements PaymentProvider {

    static final String NAME = "stripe";
    /** The metadata key that carries our subscription's id on Stripe's objects. */
    static final String SUBSCRIPTION_METADATA = "authorworks_subscription";

    private static final Logger log = LoggerFactory.getLogger(StripeProvider.class);

    private final StripeClient stripe;
    private final StripeAccounts accounts;
    private final PublicUrl publicUrl;

    StripeProvider(StripeClient stripe, StripeAccounts accounts, PublicUrl publicUrl) {
        this.stripe = stripe;
        this.accounts = accounts;
        this.publicUrl = publicUrl;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String mode() {
        return "stripe";
    }

    @Override
    public Payment subscribe(Subscription subscription, Tier tier, String card) {
        String destination = payableAccount(tier.creator());
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setClientReferenceId(subscription.id().toString())
                .setSuccessUrl(publicUrl.link("/subscriptions/" + subscription.id() + "?checkout=done").toString())
                .setCancelUrl(publicUrl.link("/creators/" + tier.creator() + "?checkout=cancelled").toString())
                .addLineItem(LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(PriceData.builder()
                                .setCurrency(subscription.currency().toLowerCase(Locale.ROOT))
                                .setUnitAmount(subscription.price())
                                .setProductData(PriceData.ProductData.builder().setName(tier.name()).build())
                                .setRecurring(PriceData.Recurring.builder()
                                        .setInterval(subscription.interval() == BillingInterval.ANNUAL
                                                ? PriceData.Recurring.Interval.YEAR : PriceData.Recurring.Interval.MONTH)
                                        .build())
                                .build())
                        .build())
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                        .setApplicationFeePercent(BigDecimal.valueOf(Split.PLATFORM_PERCENT))
                        .setTransferData(SessionCreateParams.SubscriptionData.TransferData.builder().setDestination(destination).build())
                        .putMetadata(SUBSCRIPTION_METADATA, subscription.id().toString())
                        .build())
                .putMetadata(SUBSCRIPTION_METADATA, subscription.id().toString())
                .build();
        try {
            Session session = stripe.v1().checkout().sessions().create(params);
            return new Redirect(URI.create(session.getUrl()), session.getId());
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Payment renew(Subscription subscription) {
        throw new UnsupportedOperationException("Stripe renews its subscriptions itself");
    }

    @Override
    public boolean renewedHere() {
        return false;
    }

    @Override
    public void cancelAtPeriodEnd(Subscription subscription) {
        setCancelAtPeriodEnd(subscription, true);
    }

    @Override
    public void resume(Subscription subscription) {
        setCancelAtPeriodEnd(subscription, false);
    }

    private void setCancelAtPeriodEnd(Subscription subscription, boolean cancel) {
        try {
            stripe.v1().subscriptions().update(subscription.externalId(), SubscriptionUpdateParams.builder().setCancelAtPeriodEnd(cancel).build());
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Payment tip(UserId fan, UserId creator, long amount, String currency, String card) {
        // tips through Stripe (payment_intent_data.application_fee_amount and a destination) are not built yet
        throw Problem.conflict("tips-not-available", "Tips through Stripe are not available yet.");
    }

    /** The creator's connected account, or a 409 telling them (and the fan) it cannot take payments yet. */
    private String payableAccount(UserId creator) {
        return accounts.of(creator).filter(StripeAccounts.ConnectedAccount::chargesEnabled).map(StripeAccounts.ConnectedAccount::accountId)
                .orElseThrow(() -> Problem.conflict("creator-not-payable", "This creator cannot take payments yet (Stripe onboarding unfinished)."));
    }

    static Problem unavailable(StripeException e) {
        log.warn("Stripe refused or could not be reached: {} (request {})", e.getMessage(), e.getRequestId());
        return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "payments-unavailable", "The payment provider could not be reached; try again shortly.");
    }
}
