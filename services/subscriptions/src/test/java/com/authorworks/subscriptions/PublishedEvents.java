package com.authorworks.subscriptions;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The events subscriptions published, from any thread, once the transaction that published them
 * committed (a rolled-back change, or an event published outside a transaction, is not seen): what a
 * listener in another service would receive. Being transactional listeners, these go through the event
 * publication registry as messaging's do.
 */
public class PublishedEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void on(MembershipStarted event) {
        events.add(event);
    }

    @TransactionalEventListener
    void on(MembershipPaymentFailed event) {
        events.add(event);
    }

    @TransactionalEventListener
    void on(TipReceived event) {
        events.add(event);
    }

    @TransactionalEventListener
    void on(MembershipRenewed event) {
        events.add(event);
    }

    @TransactionalEventListener
    void on(MembershipCancelled event) {
        events.add(event);
    }

    @TransactionalEventListener
    void on(MembershipResumed event) {
        events.add(event);
    }

    @TransactionalEventListener
    void on(MembershipEnded event) {
        events.add(event);
    }

    @TransactionalEventListener
    void on(PaymentRefunded event) {
        events.add(event);
    }

    public <T> List<T> of(Class<T> type, Predicate<T> which) {
        return events.stream().filter(type::isInstance).map(type::cast).filter(which).toList();
    }
}
