package com.authorworks.storage.internal.blob;

import java.util.regex.Pattern;

/**
 * The one rule for bucket names and keys, shared by every adapter so that a key valid on local
 * disk is valid on S3 and neither can name something outside its bucket.
 */
final class BlobKeys {

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");

    private BlobKeys() {
    }

    static void check(String bucket, String key) {
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("Invalid bucket name: " + bucket);
        }
        if (key == null || key.isEmpty() || key.length() > 512) {
            throw new IllegalArgumentException("Invalid blob key: " + key);
        }
        for (String segment : key.split("/", -1)) {
            // A segment may not start with a dot, which rules out "." and ".." (and hidden files).
            if (!SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("Invalid blob key: " + key);
            }
        }
    }
}
