package com.authorworks.content.internal;

/** Where a book is in its life. */
public enum BookStatus {
    DRAFT, QUEUED, GENERATING, PAUSED, COMPLETE, FAILED, CANCELLED
}
