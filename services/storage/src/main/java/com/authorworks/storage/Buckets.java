package com.authorworks.storage;

import java.util.List;

/** The buckets the platform uses; they are created when missing. */
public final class Buckets {

    /** Manuscripts and book assets. */
    public static final String BOOKS = "authorworks-books";
    /** Generated exports (EPUB, PDF, DOCX...). */
    public static final String EXPORTS = "authorworks-exports";
    /** What users upload through the files API. */
    public static final String UPLOADS = "authorworks-uploads";

    public static final List<String> ALL = List.of(BOOKS, EXPORTS, UPLOADS);

    private Buckets() {
    }
}
