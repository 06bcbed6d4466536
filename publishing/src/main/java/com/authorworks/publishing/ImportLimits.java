package com.authorworks.publishing;

/**
 * Caps on what an import may consume, so hostile files (zip bombs, huge uploads) fail fast. Zip containers are
 * read as a stream: the upload is never held whole, every entry is inflated only as far as the caps allow, and
 * only the parts an importer reads (XML, XHTML) are kept in memory.
 *
 * @param maxInputBytes        size of the uploaded file
 * @param maxUncompressedBytes total size of all entries of a zip container (EPUB, DOCX) once inflated, counted
 *                             as they stream (images and fonts are inflated only to be counted)
 * @param maxEntries           entries in a zip container
 * @param maxCompressionRatio  inflated/compressed ratio any single entry, and the archive so far, may reach once
 *                             past 1 MB inflated; checked while inflating
 * @param maxPartBytes         inflated size of one part an importer keeps in memory (a chapter, a Word document)
 * @param maxTextBytes         inflated size of all the parts kept in memory together
 */
public record ImportLimits(long maxInputBytes, long maxUncompressedBytes, int maxEntries, int maxCompressionRatio,
        long maxPartBytes, long maxTextBytes) {

    public static ImportLimits defaults() {
        return new ImportLimits(50L << 20, 200L << 20, 5_000, 100, 8L << 20, 32L << 20);
    }
}
