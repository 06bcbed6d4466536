package com.authorworks.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.authorworks.platform.UserId;
import com.authorworks.subscriptions.internal.billing.TestModeProvider;
import com.authorworks.subscriptions.internal.ledger.Ledger;
import com.authorworks.subscriptions.internal.ledger.Ledger.Outcome;
import com.authorworks.subscriptions.internal.ledger.Split;

/**
 * The ledger under what payment providers really send: random charges and partial refunds, each
 * delivered up to three times, shuffled (a refund before its charge is sent again later, as a
 * provider retries), four at a time. Afterwards every transaction balances, every charge splits
 * exactly 80/20 less the fee, nothing was recorded twice, and the creator's totals are what the
 * unique events add up to, to the cent.
 */
class LedgerPropertyIntegrationTests extends ServiceIntegrationTest {

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient db;

    @Autowired
    TransactionTemplate transactions;

    record Expected(long gross, long fees, long platform, long creator, int transactions) {
        Expected plus(Split split, int sign) {
            return new Expected(gross + sign * split.gross(), fees + sign * split.fee(), platform + sign * split.platform(),
                    creator + sign * split.creator(), transactions);
        }
    }

    @Test
    void randomDuplicatedReorderedAndParallelDeliveriesKeepEveryTransactionBalancedAndEveryTotalExact() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (ExecutorService senders = Executors.newFixedThreadPool(4, Thread.ofVirtual().factory())) {
            for (int run = 0; run < 25; run++) {
                UserId creator = UserId.random();
                List<Object> events = new ArrayList<>();
                Expected expected = new Expected(0, 0, 0, 0, 0);
                int charges = 1 + random.nextInt(6);
                int unique = 0;
                for (int c = 0; c < charges; c++) {
                    long gross = 100 + random.nextInt(100_000);
                    long fee = random.nextBoolean() ? TestModeProvider.fee(gross) : random.nextLong(gross / 5 + 1);
                    String charge = "ch_" + UUID.randomUUID();
                    events.add(new Ledger.Charge("test-mode", charge, Ledger.Kind.SUBSCRIPTION, creator, UserId.random(), null, null, "USD",
                            gross, fee, Instant.now()));
                    Split split = Split.of(gross, fee);
                    expected = expected.plus(split, 1);
                    unique++;
                    long refunded = 0;
                    for (int r = random.nextInt(4); r > 0 && refunded < gross; r--) {
                        long next = random.nextInt(4) == 0 ? gross : refunded + 1 + random.nextLong(Math.min(gross - refunded, gross / 3 + 1));
                        events.add(new Ledger.Refund("test-mode", "re_" + UUID.randomUUID(), charge, next - refunded, 0, Instant.now()));
                        unique++;
                        refunded = next;
                    }
                    if (refunded > 0) {
                        expected = expected.plus(Split.refund(split, 0, refunded, 0), -1);
                    }
                }
                expected = new Expected(expected.gross(), expected.fees(), expected.platform(), expected.creator(), unique);

                List<Object> deliveries = new ArrayList<>();
                for (Object event : events) {
                    for (int times = 1 + random.nextInt(3); times > 0; times--) {
                        deliveries.add(event);
                    }
                }
                Collections.shuffle(deliveries, random);
                deliver(senders, deliveries);

                String context = "seed " + seed + ", run " + run + ", events " + events;
                assertThat(db.sql("""
                                SELECT t.id FROM subscriptions.ledger_transactions t JOIN subscriptions.ledger_postings p ON p.transaction_id = t.id
                                WHERE t.creator_id = :creator GROUP BY t.id HAVING sum(p.amount) <> 0 OR count(*) <> 4
                                """).param("creator", creator.value()).query().listOfRows()).as("unbalanced, " + context).isEmpty();
                List<Map<String, Object>> chargeSplits = db.sql("""
                                SELECT -sum(p.amount) FILTER (WHERE p.account = 'FAN_PAYMENTS') AS gross,
                                       sum(p.amount) FILTER (WHERE p.account = 'CREATOR') AS creator,
                                       sum(p.amount) FILTER (WHERE p.account = 'PLATFORM') + sum(p.amount) FILTER (WHERE p.account = 'PROCESSOR_FEES') AS application
                                FROM subscriptions.ledger_transactions t JOIN subscriptions.ledger_postings p ON p.transaction_id = t.id
                                WHERE t.creator_id = :creator AND t.kind <> 'REFUND' GROUP BY t.id
                                """).param("creator", creator.value()).query().listOfRows();
                assertThat(chargeSplits).hasSize(charges);
                for (Map<String, Object> split : chargeSplits) {
                    long gross = ((Number) split.get("gross")).longValue();
                    assertThat(((Number) split.get("application")).longValue()).as(context).isEqualTo(Split.applicationFee(gross));
                    assertThat(((Number) split.get("creator")).longValue()).as(context).isEqualTo(gross - Split.applicationFee(gross));
                }
                assertThat(db.sql("""
                                SELECT c.id FROM subscriptions.ledger_transactions c
                                JOIN subscriptions.ledger_postings cp ON cp.transaction_id = c.id AND cp.account = 'FAN_PAYMENTS'
                                WHERE c.creator_id = :creator AND c.kind <> 'REFUND' AND -cp.amount < (
                                    SELECT coalesce(sum(rp.amount), 0) FROM subscriptions.ledger_transactions r
                                    JOIN subscriptions.ledger_postings rp ON rp.transaction_id = r.id AND rp.account = 'FAN_PAYMENTS'
                                    WHERE r.refund_of = c.id)
                                """).param("creator", creator.value()).query().listOfRows()).as("refunded more than charged, " + context).isEmpty();

                List<Ledger.Totals> totals = ledger.totals(creator);
                assertThat(totals).as(context).hasSize(1);
                Ledger.Totals usd = totals.getFirst();
                assertThat(new Expected(usd.gross(), usd.fees(), usd.platform(), usd.creator(), (int) usd.transactions()))
                        .as(context).isEqualTo(expected);
                assertThat(usd.creator() + usd.platform() + usd.fees()).isEqualTo(usd.gross());
            }
        }
    }

    /** Delivers every event, four at a time; a refund of a charge not recorded yet goes back in the queue, like a provider's retry. */
    private void deliver(ExecutorService senders, List<Object> deliveries) throws Exception {
        ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>(deliveries);
        for (int round = 0; !queue.isEmpty(); round++) {
            assertThat(round).as("deliveries settle").isLessThan(50);
            List<Object> batch = new ArrayList<>(queue);
            queue.clear();
            List<Future<?>> sent = new ArrayList<>();
            for (Object event : batch) {
                sent.add(senders.submit(() -> {
                    Outcome outcome = event instanceof Ledger.Charge charge ? ledger.record(charge) : ledger.record((Ledger.Refund) event);
                    if (outcome == Outcome.CHARGE_UNKNOWN) {
                        queue.add(event);
                    }
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        }
    }

    @Test
    void theDatabaseRefusesToCommitATransactionWhosePostingsDoNotSumToZero() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            db.sql("""
                    INSERT INTO subscriptions.ledger_transactions (id, kind, provider, external_id, creator_id, currency, occurred_at, recorded_at)
                    VALUES (:id, 'TIP', 'test-mode', :external, :creator, 'USD', now(), now())
                    """).param("id", id).param("external", "bad_" + id).param("creator", UUID.randomUUID()).update();
            db.sql("INSERT INTO subscriptions.ledger_postings (transaction_id, account, amount) VALUES (:id, 'FAN_PAYMENTS', -1000)")
                    .param("id", id).update();
            db.sql("INSERT INTO subscriptions.ledger_postings (transaction_id, account, amount) VALUES (:id, 'CREATOR', 999)")
                    .param("id", id).update();
        })).hasMessageContaining("does not balance");
        assertThat(db.sql("SELECT count(*) FROM subscriptions.ledger_transactions WHERE id = :id").param("id", id).query(Long.class).single())
                .isZero();
    }
}
