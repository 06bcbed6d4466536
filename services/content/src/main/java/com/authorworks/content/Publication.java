package com.authorworks.content;

/**
 * Where a book is in its public life: {@code DRAFT} (never published), {@code SCHEDULED} (published
 * at a set time), {@code PUBLISHED}, {@code UNPUBLISHED} (taken down; may be published again) and
 * {@code ARCHIVED} (retired; may be published again). Only a published book has readers besides its owner.
 */
public enum Publication {
    DRAFT, SCHEDULED, PUBLISHED, UNPUBLISHED, ARCHIVED
}
