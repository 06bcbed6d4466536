package com.authorworks.subscriptions;

/** The subscriptions service could not be reached (another process, down or overloaded): try again later. */
public class SubscriptionsUnavailableException extends RuntimeException {

    public SubscriptionsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
