/** Writing goals: a daily word goal with its streak, and a word goal per book with the pace it needs. */
package com.authorworks.content.goals;
