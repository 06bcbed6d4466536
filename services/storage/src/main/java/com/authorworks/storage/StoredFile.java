package com.authorworks.storage;

import java.time.Instant;

import com.authorworks.platform.UserId;

/**
 * A file's metadata. {@code contentType} is what the bytes are (sniffed), not what the uploader
 * claimed; {@code name} is the uploader's name with any path and control characters removed.
 */
public record StoredFile(FileId id, UserId owner, String bucket, String name, String contentType, long size,
        String sha256, Instant createdAt) {
}
