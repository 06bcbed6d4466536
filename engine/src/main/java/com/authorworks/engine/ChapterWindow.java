package com.authorworks.engine;

import java.util.Optional;

/**
 * How wide a book's chapter window ({@link BookSpec#chapterWindow()}) is when the author does not
 * say, so that the streams a run is given ({@link EngineOptions#concurrency()}) are used: drafting
 * keeps one call in flight per open chapter, so a window no wider than the streams leaves some idle.
 */
public final class ChapterWindow {

    /** The window at up to this many streams. */
    public static final int DEFAULT = 4;

    private ChapterWindow() {
    }

    /**
     * {@value #DEFAULT} up to {@value #DEFAULT} streams; beyond that each stream widens the window by
     * two, so a chapter that finishes early always has a next one to start: 8 streams get 12 chapters,
     * the window the engine benchmark found keeps all 8 busy. A wider window drafts more chapters side
     * by side, each seeing fewer of its predecessors as written, so it grows only with the streams.
     */
    public static int forConcurrency(int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        return Math.max(DEFAULT, 2 * concurrency - DEFAULT);
    }

    /**
     * Why some of the {@code concurrency} streams cannot be used while drafting, when that is so:
     * chapters are drafted one call at a time each, so at most {@code min(window, chapters)} calls run at once.
     */
    public static Optional<String> idleStreams(int window, int chapters, int concurrency) {
        int open = Math.min(window, chapters);
        if (concurrency <= open) {
            return Optional.empty();
        }
        String limit = window <= chapters ? "the chapter window is " + window : "the book has " + chapters + " chapter" + (chapters == 1 ? "" : "s");
        return Optional.of("only " + open + " of " + concurrency + " streams can be used while drafting: each chapter is drafted one call "
                + "at a time and " + limit);
    }
}
