package com.authorworks.publishing;

/**
 * Caps on what an import may consume, so hostile files (zip bombs, huge uploads) fail fast.
 *
 * @param maxInputBytes        size of the uploaded file
 * @param maxUncompressedBytes total size of all entries of a zip container (EPUB, DOCX) once inflated
 * @param maxEntries           entries in a zip container
 * @param maxCompressionRatio  inflated/compressed ratio any single entry may reach
 */
public record ImportLimits(long maxInputBytes, long maxUncompressedBytes, int maxEntries, int maxCompressionRatio) {

    public static ImportLimits defaults() {
        return new ImportLimits(50L << 20, 200L << 20, 5_000, 100);
    }
}
