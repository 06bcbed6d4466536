package com.authorworks.content.goals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StreakTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void countsTheDaysInARowTheGoalWasMetEndingToday() {
        var words = Map.of(TODAY, 600L, TODAY.minusDays(1), 500L, TODAY.minusDays(2), 900L, TODAY.minusDays(3), 100L, TODAY.minusDays(4), 800L);

        assertThat(Streak.of(words, TODAY, 500)).isEqualTo(3);
        assertThat(Streak.of(words, TODAY, 1000)).isZero();
    }

    @Test
    void aTodayNotYetMetKeepsYesterdaysStreakWithoutCountingToday() {
        var words = Map.of(TODAY, 120L, TODAY.minusDays(1), 500L, TODAY.minusDays(2), 700L);

        assertThat(Streak.of(words, TODAY, 500)).isEqualTo(2);
        assertThat(Streak.of(Map.of(TODAY.minusDays(2), 700L), TODAY, 500)).as("yesterday was missed").isZero();
    }

    @Test
    void withoutAGoalAnyDayThatAddedWordsCountsAndCuttingDoesNot() {
        var words = Map.of(TODAY, 3L, TODAY.minusDays(1), -40L);

        assertThat(Streak.of(words, TODAY, null)).isEqualTo(1);
    }
}
