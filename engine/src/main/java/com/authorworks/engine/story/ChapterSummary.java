package com.authorworks.engine.story;

/** A drafted chapter in brief, for the rolling summary of later chapters. */
public record ChapterSummary(String summary) {
}
