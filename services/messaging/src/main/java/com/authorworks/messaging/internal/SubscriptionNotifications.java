package com.authorworks.messaging.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.authorworks.subscriptions.MembershipEnded;
import com.authorworks.subscriptions.MembershipPaymentFailed;
import com.authorworks.subscriptions.MembershipRenewed;
import com.authorworks.subscriptions.MembershipStarted;
import com.authorworks.subscriptions.TipReceived;

/**
 * Subscriptions' events, as notifications: the creator hears of a new member, of each renewal paid, of
 * a membership that ended, and of a tip; the fan
 * hears that their payment failed (they are the one who can change the card before access ends). The
 * creator is not told of each failed payment: a retry may still pay, and the fan is the one to act.
 * Each notification's source key is the event's identity (a subscription starts once, a tip is paid
 * once, each failure has its own moment), so a redelivered event makes no second one.
 */
@Component
class SubscriptionNotifications {

    private static final int MAX_MESSAGE = 500;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(ZoneOffset.UTC);

    private final Notifier notifier;

    SubscriptionNotifications(Notifier notifier) {
        this.notifier = notifier;
    }

    @ApplicationModuleListener(id = "messaging.membership-started")
    void on(MembershipStarted event) {
        String per = "annual".equals(event.interval()) ? "a year" : "a month";
        Map<String, Object> data = new HashMap<>();
        data.put("subscriptionId", event.subscription().toString());
        data.put("tierId", event.tier().toString());
        data.put("fanId", event.fan().toString());
        data.put("amount", event.price());
        data.put("currency", event.currency());
        notifier.notify(new Inbox.Incoming(event.creator(), NotificationType.NEW_SUBSCRIBER, "A new member of “" + event.tierName() + "”",
                "A fan joined at " + money(event.price(), event.currency()) + " " + per + ".", null, data,
                "subscriptions.membership-started:" + event.subscription()));
    }

    @ApplicationModuleListener(id = "messaging.membership-payment-failed")
    void on(MembershipPaymentFailed event) {
        String amount = money(event.amount(), event.currency());
        String title;
        String body;
        if (event.ended()) {
            title = "Your “" + event.tierName() + "” membership has ended";
            body = "The last try to charge " + amount + " failed, so your membership has ended. Join the tier again whenever you like.";
        } else {
            title = "Your payment for “" + event.tierName() + "” failed";
            String retry = event.nextAttemptAt() == null ? "It will be tried again"
                    : "It will be tried again on " + DAY.format(event.nextAttemptAt());
            body = "We could not charge " + amount + " for your membership. " + retry
                    + "; you keep access meanwhile. Change your card to keep your membership.";
        }
        Map<String, Object> data = new HashMap<>();
        data.put("subscriptionId", event.subscription().toString());
        data.put("tierId", event.tier().toString());
        data.put("creatorId", event.creator().toString());
        data.put("amount", event.amount());
        data.put("currency", event.currency());
        data.put("attempt", event.attempt());
        data.put("ended", event.ended());
        notifier.notify(new Inbox.Incoming(event.fan(), NotificationType.PAYMENT_FAILED, title, body, null, data,
                "subscriptions.payment-failed:" + event.subscription() + ":" + millis(event.failedAt())));
    }

    @ApplicationModuleListener(id = "messaging.tip-received")
    void on(TipReceived event) {
        String message = event.message() == null || event.message().isBlank() ? null : event.message().strip();
        if (message != null && message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE - 1) + "…";
        }
        Map<String, Object> data = new HashMap<>();
        data.put("tipId", event.tip().toString());
        data.put("fanId", event.fan().toString());
        data.put("amount", event.amount());
        data.put("currency", event.currency());
        notifier.notify(new Inbox.Incoming(event.creator(), NotificationType.TIP_RECEIVED, "A tip of " + money(event.amount(), event.currency()),
                message == null ? "A fan sent you a tip." : "A fan sent you a tip with a message: “" + message + "”", null, data,
                "subscriptions.tip-received:" + event.tip()));
    }

    @ApplicationModuleListener(id = "messaging.membership-renewed")
    void on(MembershipRenewed event) {
        String per = "annual".equals(event.interval()) ? "year" : "month";
        Map<String, Object> data = new HashMap<>();
        data.put("subscriptionId", event.subscription().toString());
        data.put("tierId", event.tier().toString());
        data.put("fanId", event.fan().toString());
        data.put("amount", event.amount());
        data.put("currency", event.currency());
        notifier.notify(new Inbox.Incoming(event.creator(), NotificationType.PAYMENT_RECEIVED,
                "A payment of " + money(event.amount(), event.currency()) + " for “" + event.tierName() + "”",
                "A member renewed for another " + per + ".", null, data,
                "subscriptions.membership-renewed:" + event.subscription() + ":" + event.payment()));
    }

    @ApplicationModuleListener(id = "messaging.membership-ended")
    void on(MembershipEnded event) {
        String body = switch (event.reason()) {
            case MembershipEnded.CANCELLED -> "A member left; the period they paid for is over.";
            case MembershipEnded.PAYMENT_FAILED -> "A member's payment failed on every retry, so their membership ended.";
            default -> "The payment provider ended a member's subscription.";
        };
        Map<String, Object> data = new HashMap<>();
        data.put("subscriptionId", event.subscription().toString());
        data.put("tierId", event.tier().toString());
        data.put("fanId", event.fan().toString());
        data.put("reason", event.reason());
        notifier.notify(new Inbox.Incoming(event.creator(), NotificationType.MEMBERSHIP_ENDED,
                "A membership of “" + event.tierName() + "” ended", body, null, data,
                "subscriptions.membership-ended:" + event.subscription()));
    }

    /** Minor units as the amount with its two decimals (every currency subscriptions takes has two) and the currency's code. */
    static String money(long minor, String currency) {
        return String.format(Locale.ROOT, "%s%d.%02d %s", minor < 0 ? "-" : "", Math.abs(minor) / 100, Math.abs(minor) % 100, currency);
    }

    private static long millis(Instant instant) {
        return instant == null ? 0 : instant.toEpochMilli();
    }
}
