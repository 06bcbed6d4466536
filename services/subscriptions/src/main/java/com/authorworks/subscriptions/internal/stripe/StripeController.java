package com.authorworks.subscriptions.internal.stripe;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;
import com.authorworks.platform.web.PublicUrl;
import com.authorworks.subscriptions.internal.StripeKeys;
import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.AccountLink;
import com.stripe.model.Event;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's side of the API: creators onboard to Connect Express ({@code /api/v1/payments/stripe/onboarding},
 * {@code /account}), and Stripe posts its events to {@code /api/v1/payments/stripe/webhook}, signed with
 * the webhook secret: a missing, wrong or old signature (more than 5 minutes) is a 400 and changes nothing.
 */
@RestController
@Conditional(StripeKeys.Configured.class)
class StripeController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record OnboardingView(String accountId, String url, Instant expiresAt, boolean chargesEnabled, List<String> requirementsDue, String mode) {
    }

    record AccountView(String accountId, boolean chargesEnabled, boolean detailsSubmitted, List<String> requirementsDue, String mode) {
    }

    private final StripeWebhooks webhooks;
    private final StripeAccounts accounts;
    private final StripeClient stripe;
    private final PublicUrl publicUrl;
    private final String webhookSecret;

    StripeController(StripeWebhooks webhooks, StripeAccounts accounts, StripeClient stripe, PublicUrl publicUrl, Environment environment) {
        this.webhooks = webhooks;
        this.accounts = accounts;
        this.stripe = stripe;
        this.publicUrl = publicUrl;
        this.webhookSecret = environment.getRequiredProperty(StripeKeys.WEBHOOK_SECRET);
    }

    @PostMapping("/api/v1/payments/stripe/webhook")
    Map<String, Object> webhook(@RequestBody String payload, @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        if (signature == null || signature.isBlank()) {
            throw Problem.badRequest("invalid-signature", "A Stripe-Signature header is required.");
        }
        Event event;
        JsonNode object;
        try {
            event = Webhook.constructEvent(payload, signature, webhookSecret, Webhook.DEFAULT_TOLERANCE);
            object = JSON.readTree(payload).path("data").path("object");
        } catch (SignatureVerificationException e) {
            throw Problem.badRequest("invalid-signature", "The Stripe-Signature does not match this payload, or is too old.");
        } catch (RuntimeException e) {
            // well signed, but not JSON an event can be read from (stripe-java's Gson throws its own runtime exceptions)
            throw Problem.badRequest("malformed-event", "The event is not a Stripe event.");
        }
        if (event.getId() == null || event.getType() == null) {
            throw Problem.badRequest("malformed-event", "The event has no id or type.");
        }
        try {
            StripeWebhooks.Handled handled = webhooks.handle(event.getId(), event.getType(), object);
            return Map.of("received", true, "handled", handled.name().toLowerCase());
        } catch (StripeWebhooks.UnknownSubscription e) {
            throw Problem.conflict("unknown-subscription", "No subscription here for this event yet; deliver it again later.");
        } catch (StripeException e) {
            throw StripeProvider.unavailable(e);
        }
    }

    /** The creator's Express account (made on first use) and a fresh link to Stripe's onboarding for it. */
    @PostMapping("/api/v1/payments/stripe/onboarding")
    OnboardingView onboarding() {
        CurrentUser creator = CurrentUser.require();
        try {
            StripeAccounts.ConnectedAccount account = accounts.of(creator.id()).orElse(null);
            if (account == null) {
                Account created = stripe.v1().accounts().create(AccountCreateParams.builder()
                                .setType(AccountCreateParams.Type.EXPRESS)
                                .setCapabilities(AccountCreateParams.Capabilities.builder()
                                        .setCardPayments(AccountCreateParams.Capabilities.CardPayments.builder().setRequested(true).build())
                                        .setTransfers(AccountCreateParams.Capabilities.Transfers.builder().setRequested(true).build())
                                        .build())
                                .putMetadata("authorworks_creator", creator.id().toString())
                                .build(),
                        RequestOptions.builder().setIdempotencyKey("express-account-" + creator.id()).build());
                account = accounts.add(creator.id(), created.getId());
                accounts.update(created);
                account = accounts.of(creator.id()).orElseThrow();
            }
            AccountLink link = stripe.v1().accountLinks().create(AccountLinkCreateParams.builder()
                    .setAccount(account.accountId())
                    .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                    .setRefreshUrl(publicUrl.link("/creator/payouts?onboarding=refresh").toString())
                    .setReturnUrl(publicUrl.link("/creator/payouts?onboarding=done").toString())
                    .build());
            return new OnboardingView(account.accountId(), link.getUrl(), Instant.ofEpochSecond(link.getExpiresAt()), account.chargesEnabled(),
                    account.requirementsDue(), "stripe");
        } catch (StripeException e) {
            throw StripeProvider.unavailable(e);
        }
    }

    @GetMapping("/api/v1/payments/stripe/account")
    AccountView account() {
        StripeAccounts.ConnectedAccount account = accounts.of(CurrentUser.require().id())
                .orElseThrow(() -> new Problem(HttpStatus.NOT_FOUND, "account-not-found", "You have not started Stripe onboarding yet."));
        return new AccountView(account.accountId(), account.chargesEnabled(), account.detailsSubmitted(), account.requirementsDue(), "stripe");
    }
}
