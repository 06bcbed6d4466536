package com.authorworks.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files under the data directory that only the platform's own user may read: folders 0700, files
 * 0600 (mail holding tokens, blobs, keys). On a file system without POSIX permissions the files
 * are made as usual.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    /**
     * Creates the folder and any missing parents owner-only, and makes the folder itself owner-only
     * if it already existed (a folder made by an older version), so nothing beneath it can be reached
     * by other users.
     */
    public static Path folder(Path folder) throws IOException {
        if (!POSIX) {
            return Files.createDirectories(folder);
        }
        Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER));
        if (!Files.getPosixFilePermissions(folder).equals(FOLDER)) {
            Files.setPosixFilePermissions(folder, FOLDER);
        }
        return folder;
    }

    /** A new file (it must not exist yet), owner-only from the moment it exists. */
    public static OutputStream newFile(Path file) throws IOException {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileAttribute<?>[] attributes = POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                : new FileAttribute<?>[0];
        return Channels.newOutputStream(Files.newByteChannel(file, options, attributes));
    }

    /** An empty temporary file in {@code folder}, owner-only. */
    public static Path temporaryFile(Path folder, String prefix, String suffix) throws IOException {
        return POSIX ? Files.createTempFile(folder, prefix, suffix, PosixFilePermissions.asFileAttribute(FILE))
                : Files.createTempFile(folder, prefix, suffix);
    }
}
