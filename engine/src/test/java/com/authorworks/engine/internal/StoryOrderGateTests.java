package com.authorworks.engine.internal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoryOrderGateTests {

    @Test
    void waitingCallsGoInStoryOrderNotArrivalOrder() throws Exception {
        StoryOrderGate gate = new StoryOrderGate(1);
        gate.acquire(0, () -> { });
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        for (int rank : List.of(3, 1, 2)) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    gate.acquire(rank, () -> { });
                    order.add(rank);
                    gate.release();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            while (gate.waiting() < threads.size()) {
                Thread.onSpinWait();
            }
        }

        gate.release();
        for (Thread t : threads) {
            t.join();
        }

        assertThat(order).containsExactly(1, 2, 3);
    }

    @Test
    void aWaiterThatGivesUpLeavesTheQueue() throws Exception {
        StoryOrderGate gate = new StoryOrderGate(1);
        gate.acquire(0, () -> { });

        assertThatThrownBy(() -> gate.acquire(1, () -> {
            throw new IllegalStateException("cancelled");
        })).hasMessage("cancelled");

        assertThat(gate.waiting()).isZero();
        gate.release();
        gate.acquire(5, () -> { });
        assertThat(gate.waiting()).isZero();
    }
}
