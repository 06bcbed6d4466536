package com.authorworks.content;

/** The content service cannot be reached from this process (its contracts over HTTP). */
public class ContentUnavailableException extends RuntimeException {

    public ContentUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
