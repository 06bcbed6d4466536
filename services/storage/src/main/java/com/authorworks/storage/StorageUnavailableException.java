package com.authorworks.storage;

/**
 * The blob store cannot be reached or failed on its side. Callers see a 503 problem
 * ({@code storage-unavailable}) and may retry; nothing half-done is left behind.
 */
public class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
