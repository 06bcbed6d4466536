package com.authorworks.content;

/** The content service could not be reached (another process, down or overloaded): try again later. */
public class ContentUnavailableException extends RuntimeException {

    public ContentUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
