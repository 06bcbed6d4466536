package com.authorworks.storage;

/** The blob asked for is not in the store. */
public class BlobNotFoundException extends RuntimeException {

    public BlobNotFoundException(String bucket, String key) {
        super("No blob " + key + " in bucket " + bucket);
    }
}
