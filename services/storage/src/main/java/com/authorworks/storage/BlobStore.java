package com.authorworks.storage;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where bytes live: local disk by default, S3/MinIO when {@code MINIO_ENDPOINT} is set. Keys are
 * slash-separated segments of letters, digits, {@code .}, {@code _} and {@code -}; anything that
 * could climb out of a bucket is refused with an {@link IllegalArgumentException}. Every call may
 * throw {@link StorageUnavailableException} when the store cannot be reached.
 */
public interface BlobStore {

    /** Stores exactly {@code length} bytes; readers never see a half-written blob. */
    void put(String bucket, String key, InputStream content, long length, String contentType);

    /** The blob's bytes; the caller closes the stream. */
    InputStream get(String bucket, String key) throws BlobNotFoundException;

    /** Removes the blob; removing one that is not there is not an error. */
    void delete(String bucket, String key);

    boolean exists(String bucket, String key);

    /**
     * A URL anyone can fetch the blob from until it expires, when the store can hand one out
     * itself (S3 presigned GET); empty when the application must serve the bytes.
     */
    Optional<URI> presignedGet(String bucket, String key, Duration ttl, String downloadName);
}
