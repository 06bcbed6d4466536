package com.authorworks.storage.internal.files;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Turns the name a client gave a file into one that is safe to show and to offer as a download
 * name: no directories, no control or bidirectional-override characters, no leading dots.
 */
final class FileNames {

    static final String FALLBACK = "file";
    private static final int MAX_LENGTH = 255;
    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cntrl}\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]");

    private FileNames() {
    }

    static String sanitise(String name) {
        if (name == null) {
            return FALLBACK;
        }
        String clean = Normalizer.normalize(name, Normalizer.Form.NFC);
        clean = UNSAFE.matcher(clean).replaceAll("");
        clean = clean.substring(Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\')) + 1);
        clean = clean.strip().replaceFirst("^\\.+", "").strip();
        if (clean.length() > MAX_LENGTH) {
            int extension = clean.lastIndexOf('.');
            String suffix = extension > 0 && clean.length() - extension <= 16 ? clean.substring(extension) : "";
            clean = clean.substring(0, MAX_LENGTH - suffix.length()) + suffix;
        }
        return clean.isEmpty() ? FALLBACK : clean;
    }
}
