package com.authorworks.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fresh data directory per test class, known before the Spring context starts. */
public final class TempDirectories {

    private TempDirectories() {
    }

    public static Path create(String name) {
        try {
            return Files.createTempDirectory("authorworks-storage-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
