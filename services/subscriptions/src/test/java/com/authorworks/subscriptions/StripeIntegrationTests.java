package com.authorworks.subscriptions;

import com.authorworks.platform.testing.Api;
import static com.authorworks.platform.testing.Api.json;
import static com.authorworks.platform.testing.Api.ok;
import static com.authorworks.platform.testing.Api.problem;
import static com.authorworks.subscriptions.TiersIntegrationTests.tier;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.authorworks.platform.UserId;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.stripe.model.Account;
import com.stripe.model.AccountLink;
import com.stripe.model.Invoice;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.net.ApiResource;
import com.stripe.net.Webhook;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Stripe adapter against Stripe's wire format: WireMock serves fixtures shaped like Stripe's
 * documented objects (each one parsed by stripe-java first, as a shape check), and webhooks are
 * signed here with stripe-java's own HMAC helper. Duplicated, late and badly signed events change
 * nothing they should not.
 */
@SpringBootTest(classes = SubscriptionsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"authorworks.services=subscriptions", "authorworks.subscriptions.renewal-poll=1h",
                "STRIPE_SECRET_KEY=sk_test_51AuthorWorksTestKey", "STRIPE_WEBHOOK_SECRET=whsec_test_authorworks_0123456789"})
class StripeIntegrationTests {

    static final String WEBHOOK_SECRET = "whsec_test_authorworks_0123456789";
    static final Path DATA = Path.of("target", "it-data", "stripe-" + UUID.randomUUID()).toAbsolutePath();
    static final WireMockServer STRIPE = new WireMockServer(options().dynamicPort());

    static {
        STRIPE.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("authorworks.data", DATA::toString);
        registry.add("authorworks.subscriptions.stripe.api-base", STRIPE::baseUrl);
    }

    @AfterAll
    static void stopStripe() {
        STRIPE.stop();
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    PublishedEvents published;

    static String fixture(String name) {
        try (InputStream in = StripeIntegrationTests.class.getResourceAsStream("/stripe/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void serve(com.github.tomakehurst.wiremock.client.MappingBuilder request, String fixture) {
        STRIPE.stubFor(request.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(fixture(fixture))));
    }

    /** An event as Stripe sends it, around {@code object}. */
    static String event(String id, String type, Object object) {
        return json(Map.of("id", id, "object", "event", "api_version", "2026-07-29.dahlia", "created", Instant.now().getEpochSecond(),
                "livemode", false, "pending_webhooks", 1, "type", type, "data", Map.of("object", object)));
    }

    static String signature(String payload, String secret, long timestamp) throws Exception {
        return "t=" + timestamp + ",v1=" + Webhook.Util.computeHmacSha256(secret, timestamp + "." + payload);
    }

    HttpResponse<String> deliver(String payload, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/payments/stripe/webhook"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode deliver(String payload) throws Exception {
        return ok(deliver(payload, signature(payload, WEBHOOK_SECRET, Webhook.Util.getTimeNow())), 200);
    }

    @Test
    void theFixturesAreStripeObjectsAsStripeJavaReadsThem() {
        Account account = ApiResource.GSON.fromJson(fixture("account_enabled"), Account.class);
        assertThat(account.getChargesEnabled()).isTrue();
        assertThat(ApiResource.GSON.fromJson(fixture("account"), Account.class).getRequirements().getCurrentlyDue()).isNotEmpty();
        assertThat(ApiResource.GSON.fromJson(fixture("account_link"), AccountLink.class).getUrl()).startsWith("https://connect.stripe.com/");
        assertThat(ApiResource.GSON.fromJson(fixture("checkout_session"), Session.class).getUrl()).startsWith("https://checkout.stripe.com/");
        Subscription subscription = ApiResource.GSON.fromJson(fixture("subscription_active"), Subscription.class);
        assertThat(subscription.getItems().getData().getFirst().getCurrentPeriodEnd()).isEqualTo(1830297600L);
        assertThat(ApiResource.GSON.fromJson(fixture("subscription_cancelling"), Subscription.class).getCancelAtPeriodEnd()).isTrue();
        assertThat(ApiResource.GSON.fromJson(fixture("subscription_canceled"), Subscription.class).getStatus()).isEqualTo("canceled");
        com.stripe.model.Charge charge = ApiResource.GSON.fromJson(fixture("charge_refunded"), com.stripe.model.Charge.class);
        assertThat(charge.getPaymentIntent()).isEqualTo("pi_3MtwBwLkdIwHu7ix28a3tqPa");
        com.stripe.model.RefundCollection refunds = ApiResource.GSON.fromJson(fixture("refunds_two"), com.stripe.model.RefundCollection.class);
        assertThat(refunds.getData()).extracting(com.stripe.model.Refund::getStatus).containsExactly("pending", "succeeded", "succeeded");
        com.stripe.model.InvoicePaymentCollection invoicePayments = ApiResource.GSON.fromJson(fixture("invoice_payments"),
                com.stripe.model.InvoicePaymentCollection.class);
        assertThat(invoicePayments.getData().getFirst().getInvoice()).isEqualTo("in_1MowQWLkdIwHu7ixuzkSPfKd");
        Invoice invoice = ApiResource.GSON.fromJson(fixture("invoice_paid"), Invoice.class);
        assertThat(invoice.getParent().getSubscriptionDetails().getSubscription()).isEqualTo(subscription.getId());
        assertThat(invoice.getPayments().getData().getFirst().getPayment().getPaymentIntent()).isEqualTo("pi_3MtwBwLkdIwHu7ix28a3tqPa");
        PaymentIntent intent = ApiResource.GSON.fromJson(fixture("payment_intent"), PaymentIntent.class);
        assertThat(intent.getLatestChargeObject().getBalanceTransactionObject().getFee()).isEqualTo(59L);
    }

    @Test
    void aCreatorOnboardsAFanChecksOutAndStripesEventsDuplicatedLateOrForgedLeaveTheNewestStateAndOneLedgerEntry() throws Exception {
        Api creator = Api.newUser(port);
        Api fan = Api.newUser(port);

        // onboarding: an Express account, and a link to Stripe's onboarding
        serve(post(urlPathEqualTo("/v1/accounts")), "account");
        serve(post(urlPathEqualTo("/v1/account_links")), "account_link");
        JsonNode onboarding = ok(creator.send("POST", "/api/v1/payments/stripe/onboarding", null), 200);
        assertThat(onboarding.path("url").asString()).startsWith("https://connect.stripe.com/setup/");
        assertThat(onboarding.path("chargesEnabled").asBoolean()).isFalse();
        assertThat(form(STRIPE.findAll(postRequestedFor(urlPathEqualTo("/v1/accounts"))).getFirst().getBodyAsString()))
                .contains("type=express", "capabilities[transfers][requested]=true", "metadata[authorworks_creator]=" + creator.user);

        String tier = ok(creator.send("POST", "/api/v1/creators/" + creator.user + "/tiers", json(tier("Patron", 1000))), 201)
                .path("id").asString();
        problem(fan.send("POST", "/api/v1/subscriptions/checkout", json(Map.of("tierId", tier))), 409, "creator-not-payable");

        // Stripe says the account is ready; we ask Stripe rather than believe the event's copy
        serve(get(urlPathEqualTo("/v1/accounts/acct_1Nv0FGQ9RKHgCVdK")), "account_enabled");
        deliver(event("evt_account_1", "account.updated", Map.of("id", "acct_1Nv0FGQ9RKHgCVdK", "object", "account", "charges_enabled", false)));
        assertThat(creator.get("/api/v1/payments/stripe/account").path("chargesEnabled").asBoolean()).isTrue();

        // checkout: a Stripe Checkout page with the platform's 20 % and the creator's account as destination
        serve(post(urlPathEqualTo("/v1/checkout/sessions")), "checkout_session");
        JsonNode checkout = ok(fan.send("POST", "/api/v1/subscriptions/checkout", json(Map.of("tierId", tier))), 201);
        assertThat(checkout.path("checkoutUrl").asString()).startsWith("https://checkout.stripe.com/c/pay/cs_test_");
        assertThat(checkout.path("mode").asString()).isEqualTo("stripe");
        JsonNode incomplete = checkout.path("subscription");
        assertThat(incomplete.path("status").asString()).isEqualTo("incomplete");
        assertThat(incomplete.path("hasAccess").asBoolean()).isFalse();
        String ours = incomplete.path("id").asString();
        String path = "/api/v1/subscriptions/" + ours;
        assertThat(form(STRIPE.findAll(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))).getFirst().getBodyAsString()))
                .contains("mode=subscription", "subscription_data[application_fee_percent]=20",
                        "subscription_data[transfer_data][destination]=acct_1Nv0FGQ9RKHgCVdK", "client_reference_id=" + ours,
                        "line_items[0][price_data][unit_amount]=1000", "line_items[0][price_data][recurring][interval]=month",
                        "line_items[0][price_data][currency]=usd");

        // forged, old or unsigned: 400, and nothing changes (the same event, well signed, is applied later)
        serve(get(urlPathEqualTo("/v1/subscriptions/sub_1MowQVLkdIwHu7ixeRlqHVzs")), "subscription_active");
        String completed = event("evt_checkout_1", "checkout.session.completed", Map.of("id", "cs_test_a11YYufWQzNY63zpQ6QSNRQhkUpVph4WRmzW0zWJO2znZKdVujZ0N0S22u",
                "object", "checkout.session", "mode", "subscription", "subscription", "sub_1MowQVLkdIwHu7ixeRlqHVzs", "client_reference_id", ours));
        problem(deliver(completed, signature(completed, "whsec_somebody_else", Webhook.Util.getTimeNow())), 400, "invalid-signature");
        problem(deliver(completed, signature(completed, WEBHOOK_SECRET, Webhook.Util.getTimeNow() - 600)), 400, "invalid-signature");
        problem(deliver(completed, null), 400, "invalid-signature");
        problem(deliver(completed.replace("\"mode\":\"subscription\"", "\"mode\":\"payment\""),
                signature(completed, WEBHOOK_SECRET, Webhook.Util.getTimeNow())), 400, "invalid-signature");
        assertThat(fan.get(path).path("status").asString()).isEqualTo("incomplete");

        assertThat(deliver(completed).path("handled").asString()).isEqualTo("applied");
        JsonNode active = fan.get(path);
        assertThat(active.path("status").asString()).isEqualTo("active");
        assertThat(active.path("hasAccess").asBoolean()).isTrue();
        assertThat(Instant.parse(active.path("currentPeriodEnd").asString())).isEqualTo(Instant.ofEpochSecond(1830297600L));
        assertThat(deliver(completed).path("handled").asString()).as("the same event again").isEqualTo("duplicate");

        // the first invoice: 80 % to the creator, 20 % less Stripe's fee to the platform, once however often Stripe says so
        serve(get(urlPathEqualTo("/v1/invoices/in_1MowQWLkdIwHu7ixuzkSPfKd")), "invoice_paid");
        serve(get(urlPathEqualTo("/v1/payment_intents/pi_3MtwBwLkdIwHu7ix28a3tqPa")), "payment_intent");
        Map<String, Object> invoice = Map.of("id", "in_1MowQWLkdIwHu7ixuzkSPfKd", "object", "invoice");
        deliver(event("evt_invoice_1", "invoice.paid", invoice));
        deliver(event("evt_invoice_1", "invoice.paid", invoice));
        deliver(event("evt_invoice_1_resent", "invoice.paid", invoice));
        JsonNode earnings = creator.get("/api/v1/creators/" + creator.user + "/earnings");
        JsonNode usd = earnings.path("totals").get(0);
        assertThat(usd.path("transactions").asLong()).isEqualTo(1);
        assertThat(usd.path("gross").asLong()).isEqualTo(1000);
        assertThat(usd.path("creator").asLong()).isEqualTo(800);
        assertThat(usd.path("processorFees").asLong()).isEqualTo(59);
        assertThat(usd.path("platform").asLong()).isEqualTo(141);
        assertThat(earnings.path("latest").get(0).path("mode").asString()).isEqualTo("stripe");
        assertThat(earnings.path("latest").get(0).path("externalId").asString()).isEqualTo("in_1MowQWLkdIwHu7ixuzkSPfKd");

        // one start, though Stripe told of it three times (the same event again, and customer.subscription.created)
        deliver(event("evt_created_1", "customer.subscription.created", Api.JSON.readTree(fixture("subscription_active"))));
        SubscriptionId subscriptionId = SubscriptionId.of(ours);
        assertThat(published.of(MembershipStarted.class, e -> e.subscription().equals(subscriptionId))).containsExactly(
                new MembershipStarted(subscriptionId, new UserId(fan.user), new UserId(creator.user), TierId.of(tier), "Patron", "monthly",
                        1000, "USD", Instant.parse(active.path("currentPeriodStart").asString())));

        // a renewal's invoice is paid: announced as a renewal (the first invoice was the start), once
        STRIPE.stubFor(get(urlPathEqualTo("/v1/invoices/in_1MowQWLkdIwHu7ixRenewal2")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(fixture("invoice_paid")
                        .replace("in_1MowQWLkdIwHu7ixuzkSPfKd", "in_1MowQWLkdIwHu7ixRenewal2")
                        .replace("\"billing_reason\": \"subscription_create\"", "\"billing_reason\": \"subscription_cycle\""))));
        Map<String, Object> renewalInvoice = Map.of("id", "in_1MowQWLkdIwHu7ixRenewal2", "object", "invoice");
        deliver(event("evt_invoice_2", "invoice.paid", renewalInvoice));
        deliver(event("evt_invoice_2_resent", "invoice.paid", renewalInvoice));
        assertThat(published.of(MembershipRenewed.class, e -> e.subscription().equals(subscriptionId)))
                .extracting(MembershipRenewed::payment, MembershipRenewed::amount, MembershipRenewed::currency)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("in_1MowQWLkdIwHu7ixRenewal2", 1000L, "USD"));

        // the renewal's charge is refunded at Stripe, in two parts told of in two events (the second listing both,
        // and one still pending): each refund into the ledger once, against its invoice, and announced once
        serve(get(urlPathEqualTo("/v1/charges/ch_3MtwBwLkdIwHu7ix1Qh4ZPTd")), "charge_refunded");
        STRIPE.stubFor(get(urlPathEqualTo("/v1/invoice_payments")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(fixture("invoice_payments").replace("in_1MowQWLkdIwHu7ixuzkSPfKd", "in_1MowQWLkdIwHu7ixRenewal2"))));
        serve(get(urlPathEqualTo("/v1/refunds")), "refunds_one");
        Map<String, Object> refundedCharge = Map.of("id", "ch_3MtwBwLkdIwHu7ix1Qh4ZPTd", "object", "charge");
        deliver(event("evt_refund_1", "charge.refunded", refundedCharge));
        serve(get(urlPathEqualTo("/v1/refunds")), "refunds_two");
        deliver(event("evt_refund_2", "charge.refunded", refundedCharge));
        deliver(event("evt_refund_2_again", "charge.refunded", refundedCharge));
        assertThat(published.of(PaymentRefunded.class, e -> e.subscription() != null && e.subscription().equals(subscriptionId)))
                .extracting(PaymentRefunded::refund, PaymentRefunded::payment, PaymentRefunded::amount, PaymentRefunded::creatorShare)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("re_3MtwBwLkdIwHu7ix0vQ8aRfA", "in_1MowQWLkdIwHu7ixRenewal2", 400L, 320L),
                        org.assertj.core.groups.Tuple.tuple("re_3MtwBwLkdIwHu7ix1Xy7bQwE", "in_1MowQWLkdIwHu7ixRenewal2", 600L, 480L));
        JsonNode afterRefunds = creator.get("/api/v1/creators/" + creator.user + "/earnings").path("totals").get(0);
        assertThat(afterRefunds.path("gross").asLong()).as("two invoices, one refunded in full").isEqualTo(1000);
        assertThat(afterRefunds.path("creator").asLong()).isEqualTo(800);
        assertThat(afterRefunds.path("creator").asLong() + afterRefunds.path("platform").asLong()
                + afterRefunds.path("processorFees").asLong()).isEqualTo(1000);

        // a renewal fails: Stripe says past due, in two events, one of them delivered twice: one failure is announced
        String stripeSubscription = "sub_1MowQVLkdIwHu7ixeRlqHVzs";
        STRIPE.stubFor(get(urlPathEqualTo("/v1/subscriptions/" + stripeSubscription)).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(fixture("subscription_active").replace("\"status\": \"active\"", "\"status\": \"past_due\""))));
        String failedInvoice = event("evt_invoice_failed_1", "invoice.payment_failed", Map.of("id", "in_failed_1", "object", "invoice",
                "parent", Map.of("subscription_details", Map.of("subscription", stripeSubscription))));
        assertThat(deliver(failedInvoice).path("handled").asString()).isEqualTo("applied");
        assertThat(deliver(failedInvoice).path("handled").asString()).isEqualTo("duplicate");
        deliver(event("evt_past_due", "customer.subscription.updated", Map.of("id", stripeSubscription, "object", "subscription")));
        assertThat(fan.get(path).path("status").asString()).isEqualTo("past-due");
        List<MembershipPaymentFailed> failed = published.of(MembershipPaymentFailed.class, e -> e.subscription().equals(subscriptionId));
        assertThat(failed).hasSize(1);
        assertThat(failed.getFirst().fan()).isEqualTo(new UserId(fan.user));
        assertThat(failed.getFirst().amount()).isEqualTo(1000);
        assertThat(failed.getFirst().attempt()).isEqualTo(1);
        assertThat(failed.getFirst().ended()).isFalse();
        assertThat(failed.getFirst().nextAttemptAt()).as("Stripe's retry schedule is not read yet").isNull();

        // a retry pays: active again, and nothing more is announced
        serve(get(urlPathEqualTo("/v1/subscriptions/" + stripeSubscription)), "subscription_active");
        deliver(event("evt_recovered", "customer.subscription.updated", Map.of("id", stripeSubscription, "object", "subscription")));
        assertThat(fan.get(path).path("status").asString()).isEqualTo("active");
        assertThat(published.of(MembershipPaymentFailed.class, e -> e.subscription().equals(subscriptionId))).hasSize(1);
        assertThat(published.of(MembershipStarted.class, e -> e.subscription().equals(subscriptionId))).hasSize(1);

        // the fan cancels: Stripe is told, and says so itself
        serve(post(urlPathEqualTo("/v1/subscriptions/sub_1MowQVLkdIwHu7ixeRlqHVzs")), "subscription_cancelling");
        assertThat(ok(fan.send("POST", path + "/cancel", null), 200).path("status").asString()).isEqualTo("cancelled-at-period-end");
        assertThat(form(STRIPE.findAll(postRequestedFor(urlPathEqualTo("/v1/subscriptions/sub_1MowQVLkdIwHu7ixeRlqHVzs"))).getFirst()
                .getBodyAsString())).contains("cancel_at_period_end=true");
        serve(get(urlPathEqualTo("/v1/subscriptions/sub_1MowQVLkdIwHu7ixeRlqHVzs")), "subscription_cancelling");

        // a late update whose copy says "active, renewing": we ask Stripe, which says "cancelling", and keep that
        ObjectNode stale = (ObjectNode) Api.JSON.readTree(fixture("subscription_active"));
        deliver(event("evt_update_old", "customer.subscription.updated", stale));
        JsonNode cancelling = fan.get(path);
        assertThat(cancelling.path("status").asString()).isEqualTo("cancelled-at-period-end");
        assertThat(cancelling.path("hasAccess").asBoolean()).isTrue();

        // the period ends; even an older event delivered after it cannot bring the subscription back
        serve(get(urlPathEqualTo("/v1/subscriptions/sub_1MowQVLkdIwHu7ixeRlqHVzs")), "subscription_canceled");
        deliver(event("evt_deleted", "customer.subscription.deleted", Api.JSON.readTree(fixture("subscription_canceled"))));
        assertThat(fan.get(path).path("status").asString()).isEqualTo("expired");
        serve(get(urlPathEqualTo("/v1/subscriptions/sub_1MowQVLkdIwHu7ixeRlqHVzs")), "subscription_active");
        deliver(event("evt_update_older", "customer.subscription.updated", stale));
        JsonNode expired = fan.get(path);
        assertThat(expired.path("status").asString()).isEqualTo("expired");
        assertThat(expired.path("hasAccess").asBoolean()).isFalse();

        // an event about a subscription we do not know is refused with 409, so Stripe tries again later
        STRIPE.stubFor(get(urlPathEqualTo("/v1/subscriptions/sub_unknown")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(fixture("subscription_active").replace("sub_1MowQVLkdIwHu7ixeRlqHVzs", "sub_unknown"))));
        String unknown = event("evt_unknown", "customer.subscription.updated", Map.of("id", "sub_unknown", "object", "subscription"));
        problem(deliver(unknown, signature(unknown, WEBHOOK_SECRET, Webhook.Util.getTimeNow())), 409, "unknown-subscription");
        assertThat(creator.get("/api/v1/creators/" + creator.user + "/earnings").path("totals").get(0).path("transactions").asLong())
                .as("two invoices and two refunds").isEqualTo(4);
        assertThat(published.of(MembershipCancelled.class, e -> e.subscription().equals(subscriptionId))).hasSize(1);
        assertThat(published.of(MembershipEnded.class, e -> e.subscription().equals(subscriptionId))).extracting(MembershipEnded::reason)
                .containsExactly(MembershipEnded.CANCELLED);
        assertThat(List.of(expired.path("mode").asString())).containsExactly("stripe");

        // the test clock and test-mode refunds are not for real money
        problem(fan.send("POST", "/api/v1/subscriptions/test-clock/advance", json(Map.of("days", 1))), 403, "test-mode-only");
        problem(fan.send("GET", "/api/v1/subscriptions/test-clock", null), 403, "test-mode-only");
        String invoicePayment = creator.get("/api/v1/creators/" + creator.user + "/earnings").path("latest").valueStream()
                .filter(entry -> entry.path("kind").asString().equals("subscription")).map(entry -> entry.path("id").asString()).findFirst()
                .orElseThrow();
        problem(creator.send("POST", "/api/v1/creators/me/payments/" + invoicePayment + "/refund", null), 409, "refund-at-provider");
    }

    static String form(String body) {
        return URLDecoder.decode(body, StandardCharsets.UTF_8);
    }
}
