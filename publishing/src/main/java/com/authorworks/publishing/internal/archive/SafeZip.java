package com.authorworks.publishing.internal.archive;

import com.authorworks.publishing.ImportException;
import com.authorworks.publishing.ImportException.Reason;
import com.authorworks.publishing.ImportLimits;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Reads an uploaded zip container as a stream under {@link ImportLimits}: bounded input, entry count, inflated
 * size and compression ratio (zip bombs, checked while inflating, never after), and entry names that stay inside
 * the archive (zip slip). Only the entries the importer asks for are kept, each and all together bounded; the
 * others are inflated into a small buffer only to be counted, so nested archives are never opened.
 */
public final class SafeZip {

    /** Below this much inflated data a ratio says nothing: small files of repeated markup compress very well. */
    private static final long RATIO_FLOOR = 1 << 20;

    private SafeZip() {
    }

    /** All bytes of an upload, refusing more than the limit; for formats that are not zip containers. */
    public static byte[] readUpload(InputStream in, ImportLimits limits) {
        try {
            return new Bounded(in, limits.maxInputBytes()).readAllBytes();
        } catch (IOException e) {
            throw new ImportException(Reason.MALFORMED, "The file could not be read.", e);
        }
    }

    /**
     * The kept entries' content by name, in archive order (directories skipped). An entry that is not kept is
     * listed with empty content, so a caller can tell a missing part from one it chose not to read.
     */
    public static Map<String, byte[]> entries(InputStream upload, ImportLimits limits, String kind,
            Predicate<String> keep) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Bounded input = new Bounded(upload, limits.maxInputBytes());
        long total = 0;
        long kept = 0;
        int count = 0;
        try (ZipInputStream zip = new ZipInputStream(input)) {
            ZipEntry entry;
            byte[] buffer = new byte[64 * 1024];
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                checkName(name);
                if (++count > limits.maxEntries()) {
                    throw new ImportException(Reason.TOO_LARGE, "The " + kind + " has too many files (more than "
                            + limits.maxEntries() + ").");
                }
                boolean keeping = !entry.isDirectory() && keep.test(name);
                ByteArrayOutputStream content = keeping ? new ByteArrayOutputStream() : null;
                long start = input.count();
                long inflated = 0;
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    inflated += read;
                    total += read;
                    if (total > limits.maxUncompressedBytes()) {
                        throw new ImportException(Reason.UNSAFE_CONTENT, "The " + kind + " expands to more than "
                                + (limits.maxUncompressedBytes() >> 20) + " MB; it looks like a zip bomb.");
                    }
                    checkRatio(kind, name, inflated, input.count() - start, limits);
                    checkRatio(kind, null, total, input.count(), limits);
                    if (keeping) {
                        kept += read;
                        if (inflated > limits.maxPartBytes()) {
                            throw new ImportException(Reason.TOO_LARGE, "The " + kind + " part " + name
                                    + " is larger than " + (limits.maxPartBytes() >> 20) + " MB.");
                        }
                        if (kept > limits.maxTextBytes()) {
                            throw new ImportException(Reason.TOO_LARGE, "The " + kind + " holds more than "
                                    + (limits.maxTextBytes() >> 20) + " MB of text and markup.");
                        }
                        content.write(buffer, 0, read);
                    }
                }
                zip.closeEntry();
                if (entry.isDirectory()) {
                    continue;
                }
                if (entries.put(name, keeping ? content.toByteArray() : new byte[0]) != null) {
                    throw new ImportException(Reason.MALFORMED, "The " + kind + " contains " + name + " twice.");
                }
            }
        } catch (ZipException e) {
            throw new ImportException(Reason.MALFORMED, "The file is not a valid " + kind + " (broken zip).", e);
        } catch (IOException e) {
            throw new ImportException(Reason.MALFORMED, "The " + kind + " could not be read.", e);
        }
        if (entries.isEmpty()) {
            throw new ImportException(Reason.MALFORMED, "The file is not a " + kind + " (not a zip archive).");
        }
        return entries;
    }

    /** Entries as a zip again (for a library that wants a whole package, given only the kept parts). */
    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code compressed} is what the inflater consumed so far, give or take its small read-ahead. */
    private static void checkRatio(String kind, String name, long inflated, long compressed, ImportLimits limits) {
        if (inflated > RATIO_FLOOR && inflated / Math.max(1, compressed) > limits.maxCompressionRatio()) {
            throw new ImportException(Reason.UNSAFE_CONTENT, "The " + kind + (name == null ? "" : " entry " + name)
                    + " is compressed more than " + limits.maxCompressionRatio() + " to 1; it looks like a zip bomb.");
        }
    }

    /** Names must be relative and stay inside the archive when extracted anywhere. */
    private static void checkName(String name) {
        boolean unsafe = name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains(":")
                || name.indexOf('\0') >= 0;
        for (String segment : name.split("/")) {
            unsafe |= segment.equals("..");
        }
        if (unsafe) {
            throw new ImportException(Reason.UNSAFE_CONTENT,
                    "The archive contains an unsafe path (" + name + "); it was refused.");
        }
    }

    /** Counts what is read and refuses to read past the upload limit. */
    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long count;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        long count() {
            return count;
        }

        private int counted(int n) {
            if (n > 0) {
                count += n;
                if (count > limit) {
                    throw new ImportException(Reason.TOO_LARGE, "The file is larger than " + (limit >> 20) + " MB.");
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return counted(super.read(b, off, (int) Math.min(len, limit - count + 1)));
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] discard = new byte[(int) Math.min(n, 8192)];
            int read = read(discard, 0, discard.length);
            return Math.max(read, 0);
        }

        @Override
        public void close() {
            // the caller owns the upload stream
        }
    }
}
