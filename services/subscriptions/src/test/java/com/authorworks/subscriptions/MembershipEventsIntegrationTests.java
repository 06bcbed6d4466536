package com.authorworks.subscriptions;

import com.authorworks.platform.testing.Api;
import static com.authorworks.platform.testing.Api.json;
import static com.authorworks.platform.testing.Api.ok;
import static com.authorworks.platform.testing.Api.problem;
import static com.authorworks.subscriptions.TiersIntegrationTests.tier;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.authorworks.platform.UserId;
import com.authorworks.subscriptions.internal.BillingClock;
import com.authorworks.subscriptions.internal.billing.Billing;
import com.authorworks.subscriptions.internal.billing.TestModeProvider;

import tools.jackson.databind.JsonNode;

/**
 * What subscriptions announces in test mode: a membership's start, each failed payment and a tip, once
 * per change that committed; a declined checkout or tip, a renewal pass with nothing due and a paid
 * renewal announce nothing of these.
 */
class MembershipEventsIntegrationTests extends ServiceIntegrationTest {

    @Autowired
    PublishedEvents published;
    @Autowired
    BillingClock clock;
    @Autowired
    Billing billing;

    void passTime(Instant until) {
        Duration ahead = Duration.between(clock.instant(), until).plusSeconds(1);
        if (!ahead.isNegative()) {
            clock.advance(ahead);
        }
        billing.renewDue();
    }

    @Test
    void aMembershipStartsOnceAndEachFailedPaymentIsAnnouncedOnceUntilTheLastRetryEndsIt() {
        Api creator = Api.newUser(port);
        Api fan = Api.newUser(port);
        Api declined = Api.newUser(port);
        UserId fanId = new UserId(fan.user);
        String tier = ok(creator.send("POST", "/api/v1/creators/" + creator.user + "/tiers", json(tier("Lighthouse keepers", 1200))), 201)
                .path("id").asString();

        problem(declined.send("POST", "/api/v1/subscriptions/checkout", json(Map.of("tierId", tier, "card", TestModeProvider.DECLINED))),
                402, "payment-declined");
        assertThat(published.of(MembershipStarted.class, e -> e.fan().equals(new UserId(declined.user)))).as("a declined checkout").isEmpty();

        JsonNode subscription = ok(fan.send("POST", "/api/v1/subscriptions/checkout", json(Map.of("tierId", tier))), 201).path("subscription");
        SubscriptionId id = SubscriptionId.of(subscription.path("id").asString());
        String path = "/api/v1/subscriptions/" + id;
        List<MembershipStarted> started = published.of(MembershipStarted.class, e -> e.fan().equals(fanId));
        assertThat(started).containsExactly(new MembershipStarted(id, fanId, new UserId(creator.user), TierId.of(tier), "Lighthouse keepers",
                "monthly", 1200, "USD", Instant.parse(subscription.path("currentPeriodStart").asString())));

        // a paid renewal, and passes with nothing due: no start again, no failure
        passTime(Instant.parse(subscription.path("currentPeriodEnd").asString()));
        billing.renewDue();
        assertThat(published.of(MembershipStarted.class, e -> e.fan().equals(fanId))).hasSize(1);
        assertThat(published.of(MembershipPaymentFailed.class, e -> e.fan().equals(fanId))).isEmpty();

        ok(fan.send("PUT", path + "/test-card", json(Map.of("card", TestModeProvider.CHARGES_FAIL))), 200);
        passTime(Instant.parse(fan.get(path).path("currentPeriodEnd").asString()));
        billing.renewDue();
        JsonNode pastDue = fan.get(path);
        assertThat(pastDue.path("status").asString()).isEqualTo("past-due");
        List<MembershipPaymentFailed> failed = published.of(MembershipPaymentFailed.class, e -> e.fan().equals(fanId));
        assertThat(failed).hasSize(1);
        MembershipPaymentFailed first = failed.getFirst();
        assertThat(first.subscription()).isEqualTo(id);
        assertThat(first.creator()).isEqualTo(new UserId(creator.user));
        assertThat(first.tierName()).isEqualTo("Lighthouse keepers");
        assertThat(first.amount()).isEqualTo(1200);
        assertThat(first.currency()).isEqualTo("USD");
        assertThat(first.attempt()).isEqualTo(1);
        assertThat(first.ended()).isFalse();
        assertThat(first.nextAttemptAt()).isEqualTo(Instant.parse(pastDue.path("nextPaymentAttemptAt").asString()));

        for (int retry = 0; retry < 3; retry++) {
            passTime(Instant.parse(fan.get(path).path("nextPaymentAttemptAt").asString()));
        }
        billing.renewDue();
        assertThat(fan.get(path).path("status").asString()).isEqualTo("expired");
        failed = published.of(MembershipPaymentFailed.class, e -> e.fan().equals(fanId));
        assertThat(failed).extracting(MembershipPaymentFailed::attempt).containsExactly(1, 2, 3, 4);
        assertThat(failed).extracting(MembershipPaymentFailed::ended).containsExactly(false, false, false, true);
        assertThat(failed.getLast().nextAttemptAt()).isNull();
        assertThat(failed).extracting(MembershipPaymentFailed::failedAt).doesNotHaveDuplicates();
    }

    @Test
    void aFanWhoCancelsWhilePastDueFailedOncePaymentNotTwice() {
        Api creator = Api.newUser(port);
        Api fan = Api.newUser(port);
        UserId fanId = new UserId(fan.user);
        String tier = ok(creator.send("POST", "/api/v1/creators/" + creator.user + "/tiers", json(tier("Deckhands", 300))), 201)
                .path("id").asString();
        String path = "/api/v1/subscriptions/" + ok(fan.send("POST", "/api/v1/subscriptions/checkout", json(Map.of("tierId", tier))), 201)
                .path("subscription").path("id").asString();
        ok(fan.send("PUT", path + "/test-card", json(Map.of("card", TestModeProvider.CHARGES_FAIL))), 200);
        passTime(Instant.parse(fan.get(path).path("currentPeriodEnd").asString()));
        assertThat(ok(fan.send("POST", path + "/cancel", null), 200).path("status").asString()).isEqualTo("expired");
        assertThat(published.of(MembershipPaymentFailed.class, e -> e.fan().equals(fanId))).extracting(MembershipPaymentFailed::ended)
                .as("leaving is not a failed payment").containsExactly(false);
    }

    @Test
    void aPaidTipIsAnnouncedOnceWithItsAmountAndMessageADeclinedOneNot() {
        Api creator = Api.newUser(port);
        Api fan = Api.newUser(port);
        UserId creatorId = new UserId(creator.user);
        ok(creator.send("POST", "/api/v1/creators/" + creator.user + "/tiers", json(tier("Readers", 500))), 201);

        problem(fan.send("POST", "/api/v1/subscriptions/tips", json(Map.of("creatorId", creator.user.toString(), "amount", 700,
                "currency", "gbp", "card", TestModeProvider.DECLINED))), 402, "payment-declined");
        JsonNode tip = ok(fan.send("POST", "/api/v1/subscriptions/tips", json(Map.of("creatorId", creator.user.toString(), "amount", 2500,
                "currency", "eur", "message", "For the lighthouse chapter."))), 201);
        ok(fan.send("POST", "/api/v1/subscriptions/tips", json(Map.of("creatorId", creator.user.toString(), "amount", 150,
                "currency", "usd"))), 201);

        List<TipReceived> tips = published.of(TipReceived.class, e -> e.creator().equals(creatorId));
        assertThat(tips).hasSize(2);
        TipReceived withMessage = tips.getFirst();
        assertThat(withMessage.tip()).isEqualTo(TipId.of(tip.path("id").asString()));
        assertThat(withMessage.fan()).isEqualTo(new UserId(fan.user));
        assertThat(withMessage.amount()).isEqualTo(2500);
        assertThat(withMessage.currency()).isEqualTo("EUR");
        assertThat(withMessage.message()).isEqualTo("For the lighthouse chapter.");
        assertThat(tips.getLast().message()).isNull();
        assertThat(tips.getLast().amount()).isEqualTo(150);
    }

    @Test
    void renewalsCancellationsResumptionsEndsAndRefundsAreEachAnnouncedOnce() {
        Api creator = Api.newUser(port);
        Api fan = Api.newUser(port);
        UserId fanId = new UserId(fan.user);
        UserId creatorId = new UserId(creator.user);
        String tier = ok(creator.send("POST", "/api/v1/creators/" + creator.user + "/tiers", json(tier("Harbour pilots", 900))), 201)
                .path("id").asString();
        JsonNode joined = ok(fan.send("POST", "/api/v1/subscriptions/checkout", json(Map.of("tierId", tier))), 201).path("subscription");
        SubscriptionId id = SubscriptionId.of(joined.path("id").asString());
        String path = "/api/v1/subscriptions/" + id;

        // a paid renewal: once, with the period it paid for; a pass with nothing due adds none
        passTime(Instant.parse(joined.path("currentPeriodEnd").asString()));
        billing.renewDue();
        List<MembershipRenewed> renewed = published.of(MembershipRenewed.class, e -> e.fan().equals(fanId));
        assertThat(renewed).hasSize(1);
        MembershipRenewed renewal = renewed.getFirst();
        JsonNode afterRenewal = fan.get(path);
        assertThat(renewal.subscription()).isEqualTo(id);
        assertThat(renewal.creator()).isEqualTo(creatorId);
        assertThat(renewal.tierName()).isEqualTo("Harbour pilots");
        assertThat(renewal.amount()).isEqualTo(900);
        assertThat(renewal.currency()).isEqualTo("USD");
        assertThat(renewal.interval()).isEqualTo("monthly");
        assertThat(renewal.periodStart()).isEqualTo(Instant.parse(joined.path("currentPeriodEnd").asString()));
        assertThat(renewal.periodEnd()).isEqualTo(Instant.parse(afterRenewal.path("currentPeriodEnd").asString()));
        assertThat(renewal.payment()).startsWith("tm_in_");

        // cancel (twice: once announced), resume, cancel again: two cancellations and a resumption, with the end date
        ok(fan.send("POST", path + "/cancel", null), 200);
        ok(fan.send("POST", path + "/cancel", null), 200);
        ok(fan.send("POST", path + "/resume", null), 200);
        ok(fan.send("POST", path + "/resume", null), 200);
        ok(fan.send("POST", path + "/cancel", null), 200);
        List<MembershipCancelled> cancelled = published.of(MembershipCancelled.class, e -> e.fan().equals(fanId));
        assertThat(cancelled).hasSize(2);
        assertThat(cancelled).extracting(MembershipCancelled::endsAt).containsOnly(renewal.periodEnd());
        List<MembershipResumed> resumed = published.of(MembershipResumed.class, e -> e.fan().equals(fanId));
        assertThat(resumed).hasSize(1);
        assertThat(resumed.getFirst().renewsAt()).isEqualTo(renewal.periodEnd());
        assertThat(published.of(MembershipEnded.class, e -> e.fan().equals(fanId))).isEmpty();

        // the period runs out: the membership ended, because the fan left; no renewal, once however often renewals run
        passTime(renewal.periodEnd());
        billing.renewDue();
        assertThat(fan.get(path).path("status").asString()).isEqualTo("expired");
        assertThat(published.of(MembershipEnded.class, e -> e.fan().equals(fanId))).extracting(MembershipEnded::reason)
                .containsExactly(MembershipEnded.CANCELLED);
        assertThat(published.of(MembershipRenewed.class, e -> e.fan().equals(fanId))).hasSize(1);

        // the creator refunds the renewal in two parts: two refunds announced, with the creator's 80 % of each
        JsonNode payments = creator.get("/api/v1/creators/" + creator.user + "/earnings").path("latest");
        String renewalPayment = null;
        for (JsonNode payment : payments) {
            if (payment.path("externalId").asString().equals(renewal.payment())) {
                renewalPayment = payment.path("id").asString();
            }
        }
        assertThat(renewalPayment).isNotNull();
        ok(creator.send("POST", "/api/v1/creators/me/payments/" + renewalPayment + "/refund", json(Map.of("amount", 400))), 200);
        ok(creator.send("POST", "/api/v1/creators/me/payments/" + renewalPayment + "/refund", null), 200);
        problem(creator.send("POST", "/api/v1/creators/me/payments/" + renewalPayment + "/refund", null), 409, "already-refunded");
        List<PaymentRefunded> refunds = published.of(PaymentRefunded.class, e -> e.creator().equals(creatorId));
        assertThat(refunds).extracting(PaymentRefunded::amount).containsExactly(400L, 500L);
        assertThat(refunds).extracting(PaymentRefunded::creatorShare).containsExactly(320L, 400L);
        assertThat(refunds).extracting(PaymentRefunded::fan).containsOnly(fanId);
        assertThat(refunds).extracting(PaymentRefunded::subscription).containsOnly(id);
        assertThat(refunds).extracting(PaymentRefunded::payment).containsOnly(renewal.payment());
        assertThat(refunds).extracting(PaymentRefunded::refund).doesNotHaveDuplicates();
    }

    @Test
    void aMembershipWhoseLastRetryFailsEndsForWantOfPaymentAndOneLeftWhilePastDueEndsAsCancelled() {
        Api creator = Api.newUser(port);
        Api fan = Api.newUser(port);
        Api leaver = Api.newUser(port);
        String tier = ok(creator.send("POST", "/api/v1/creators/" + creator.user + "/tiers", json(tier("Stokers", 400))), 201)
                .path("id").asString();
        String path = "/api/v1/subscriptions/" + ok(fan.send("POST", "/api/v1/subscriptions/checkout",
                json(Map.of("tierId", tier, "card", TestModeProvider.PAYS))), 201).path("subscription").path("id").asString();
        String leaving = "/api/v1/subscriptions/" + ok(leaver.send("POST", "/api/v1/subscriptions/checkout", json(Map.of("tierId", tier))), 201)
                .path("subscription").path("id").asString();
        ok(fan.send("PUT", path + "/test-card", json(Map.of("card", TestModeProvider.CHARGES_FAIL))), 200);
        ok(leaver.send("PUT", leaving + "/test-card", json(Map.of("card", TestModeProvider.CHARGES_FAIL))), 200);
        passTime(Instant.parse(fan.get(path).path("currentPeriodEnd").asString()));
        ok(leaver.send("POST", leaving + "/cancel", null), 200);
        for (int retry = 0; retry < 3; retry++) {
            passTime(Instant.parse(fan.get(path).path("nextPaymentAttemptAt").asString()));
        }
        assertThat(published.of(MembershipEnded.class, e -> e.fan().equals(new UserId(fan.user)))).extracting(MembershipEnded::reason)
                .containsExactly(MembershipEnded.PAYMENT_FAILED);
        assertThat(published.of(MembershipEnded.class, e -> e.fan().equals(new UserId(leaver.user)))).extracting(MembershipEnded::reason)
                .containsExactly(MembershipEnded.CANCELLED);
        assertThat(published.of(MembershipCancelled.class, e -> e.fan().equals(new UserId(leaver.user)))).as("no period left to run")
                .isEmpty();
    }
}
