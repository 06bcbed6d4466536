package com.authorworks.subscriptions.internal.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.Test;

class SplitTests {

    @Test
    void theCreatorGetsEightyPercentAndThePlatformTwentyLessTheProcessorsFee() {
        Split split = Split.of(1000, 59);
        assertThat(split.creator()).isEqualTo(800);
        assertThat(split.applicationFee()).isEqualTo(200);
        assertThat(split.platform()).isEqualTo(141);
        assertThat(split.fee()).isEqualTo(59);
    }

    @Test
    void thePlatformsShareIsRoundedToTheNearestCent() {
        assertThat(Split.of(1002, 0).applicationFee()).isEqualTo(200);   // 200.4
        assertThat(Split.of(1003, 0).applicationFee()).isEqualTo(201);   // 200.6
        assertThat(Split.of(1023, 0).applicationFee()).isEqualTo(205); // 204.6
        assertThat(Split.of(1022, 0).applicationFee()).isEqualTo(204); // 204.4
        assertThat(Split.of(25, 0).applicationFee()).isEqualTo(5);
        assertThat(Split.of(113, 0).applicationFee()).isEqualTo(23); // 22.6
    }

    @Test
    void anyChargeAndAnyRefundsOfItAddUpToTheCentAndTheLastRefundReversesWhatIsLeft() {
        Random random = new Random(15);
        for (int i = 0; i < 10_000; i++) {
            long gross = 1 + random.nextInt(10_000_000);
            long fee = random.nextLong(gross + 1);
            Split charge = Split.of(gross, fee);
            assertThat(charge.creator() + charge.platform() + charge.fee()).isEqualTo(gross);
            long refunded = 0;
            long creator = 0;
            long application = 0;
            while (refunded < gross) {
                long next = random.nextInt(3) == 0 ? gross : refunded + 1 + random.nextLong(gross - refunded);
                Split refund = Split.refund(charge, refunded, next, 0);
                assertThat(refund.creator() + refund.platform() + refund.fee()).isEqualTo(next - refunded);
                creator += refund.creator();
                application += refund.applicationFee();
                refunded = next;
            }
            assertThat(creator).as("a charge refunded in full takes back all the creator got").isEqualTo(charge.creator());
            assertThat(application).isEqualTo(charge.applicationFee());
        }
    }

    @Test
    void aRefundCannotTakeBackMoreThanIsLeft() {
        Split charge = Split.of(1000, 59);
        assertThatThrownBy(() -> Split.refund(charge, 900, 1001, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Split.refund(charge, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Split.of(100, 101)).isInstanceOf(IllegalArgumentException.class);
    }
}
