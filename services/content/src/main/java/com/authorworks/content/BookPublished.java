package com.authorworks.content;

/**
 * A book was published (now, or when its scheduled time came), or the listing of a published book
 * changed. Carries the whole listing, so a handler upserts it keyed by the book id and a repeated
 * event changes nothing. {@code revision} orders the book's announcements (this and
 * {@link BookUnpublished}): a handler keeps the one with the highest and ignores older ones that arrive late.
 */
public record BookPublished(PublishedBook book, long revision) {
}
