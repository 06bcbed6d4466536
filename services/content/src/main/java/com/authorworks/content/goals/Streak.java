package com.authorworks.content.goals;

import java.time.LocalDate;
import java.util.Map;

/**
 * Days in a row a writer met their daily goal, ending today; a today still short of the goal does
 * not break the streak (the day is not over), it just does not count yet.
 */
final class Streak {

    private Streak() {
    }

    /**
     * @param words words written per day (net: words added minus words cut); days absent wrote none
     * @param goal  the daily goal; without one, any day with more words than it started with counts
     */
    static int of(Map<LocalDate, Long> words, LocalDate today, Integer goal) {
        long needed = goal == null ? 1 : goal;
        LocalDate day = words.getOrDefault(today, 0L) >= needed ? today : today.minusDays(1);
        int streak = 0;
        while (words.getOrDefault(day, 0L) >= needed) {
            streak++;
            day = day.minusDays(1);
        }
        return streak;
    }
}
