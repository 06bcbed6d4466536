package com.authorworks.publishing.internal.archive;

import com.authorworks.publishing.ImportException;
import com.authorworks.publishing.ImportException.Reason;
import com.authorworks.publishing.ImportLimits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads an uploaded zip container into memory under {@link ImportLimits}: bounded input, entry count, inflated
 * size and compression ratio (zip bombs), and entry names that stay inside the archive (zip slip).
 */
public final class SafeZip {

    private SafeZip() {
    }

    /** All bytes of an upload, refusing more than the limit. */
    public static byte[] readUpload(InputStream in, ImportLimits limits) {
        try {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxInputBytes() + 1));
            if (bytes.length > limits.maxInputBytes()) {
                throw new ImportException(Reason.TOO_LARGE,
                        "The file is larger than " + (limits.maxInputBytes() >> 20) + " MB.");
            }
            return bytes;
        } catch (IOException e) {
            throw new ImportException(Reason.MALFORMED, "The file could not be read.", e);
        }
    }

    /** Entry name to content, in archive order; directories are skipped. */
    public static Map<String, byte[]> entries(byte[] archive, ImportLimits limits, String kind) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            ZipEntry entry;
            byte[] buffer = new byte[64 * 1024];
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                checkName(name);
                if (entries.size() >= limits.maxEntries()) {
                    throw new ImportException(Reason.TOO_LARGE, "The " + kind + " has too many files.");
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    total += read;
                    if (total > limits.maxUncompressedBytes()) {
                        throw new ImportException(Reason.UNSAFE_CONTENT, "The " + kind + " expands to more than "
                                + (limits.maxUncompressedBytes() >> 20) + " MB; it looks like a zip bomb.");
                    }
                    content.write(buffer, 0, read);
                }
                zip.closeEntry();
                long compressed = entry.getCompressedSize();
                if (content.size() > (1 << 20) && compressed > 0
                        && content.size() / compressed > limits.maxCompressionRatio()) {
                    throw new ImportException(Reason.UNSAFE_CONTENT, "The " + kind + " entry " + name
                            + " is compressed " + content.size() / compressed + " to 1; it looks like a zip bomb.");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                if (entries.put(name, content.toByteArray()) != null) {
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
}
