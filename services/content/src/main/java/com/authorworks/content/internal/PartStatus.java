package com.authorworks.content.internal;

/** Where a chapter or scene is: planned by the outline, drafted, under review, or final. */
public enum PartStatus {
    PLANNED, DRAFT, REVIEW, FINAL
}
