package com.authorworks.storage.internal.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.authorworks.platform.PrivateFiles;
import com.authorworks.storage.BlobNotFoundException;
import com.authorworks.storage.BlobStore;
import com.authorworks.storage.StorageUnavailableException;

/**
 * Blobs as files under {@code <root>/<bucket>/<key>}. A blob is written to a temporary file in
 * the same directory and moved into place atomically, so a reader or a crash never sees half of
 * one. Folders are 0700 and files 0600: only the platform's own user reads them.
 */
public final class LocalDiskBlobStore implements BlobStore {

    private final Path root;

    public LocalDiskBlobStore(Path root, List<String> buckets) {
        this.root = root.toAbsolutePath().normalize();
        try {
            PrivateFiles.folder(this.root);
            for (String bucket : buckets) {
                BlobKeys.check(bucket, "probe");
                PrivateFiles.folder(this.root.resolve(bucket));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the blob directories under " + this.root, e);
        }
    }

    @Override
    public void put(String bucket, String key, InputStream content, long length, String contentType) {
        Path target = resolve(bucket, key);
        Path temporary = null;
        try {
            PrivateFiles.folder(target.getParent());
            temporary = PrivateFiles.temporaryFile(target.getParent(), ".incoming-", ".tmp");
            long written;
            // Into the owner-only file as made (copying with REPLACE_EXISTING would make a new, readable one).
            try (OutputStream out = Files.newOutputStream(temporary)) {
                written = content.transferTo(out);
            }
            if (written != length) {
                throw new IllegalArgumentException("Expected " + length + " bytes but got " + written);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
        } catch (IOException e) {
            throw new StorageUnavailableException("Could not write blob " + bucket + "/" + key, e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the temporary name is never read; a leftover only costs disk space
                }
            }
        }
    }

    @Override
    public InputStream get(String bucket, String key) {
        try {
            return Files.newInputStream(resolve(bucket, key));
        } catch (NoSuchFileException e) {
            throw new BlobNotFoundException(bucket, key);
        } catch (IOException e) {
            throw new StorageUnavailableException("Could not read blob " + bucket + "/" + key, e);
        }
    }

    @Override
    public void delete(String bucket, String key) {
        try {
            Files.deleteIfExists(resolve(bucket, key));
        } catch (IOException e) {
            throw new StorageUnavailableException("Could not delete blob " + bucket + "/" + key, e);
        }
    }

    @Override
    public boolean exists(String bucket, String key) {
        return Files.isRegularFile(resolve(bucket, key));
    }

    @Override
    public Optional<URI> presignedGet(String bucket, String key, Duration ttl, String downloadName) {
        resolve(bucket, key);
        return Optional.empty();
    }

    private Path resolve(String bucket, String key) {
        BlobKeys.check(bucket, key);
        Path bucketDirectory = root.resolve(bucket);
        Path path = bucketDirectory.resolve(key).normalize();
        // Belt and braces: the key rule already forbids it, but nothing may resolve outside the bucket.
        if (!path.startsWith(bucketDirectory)) {
            throw new IllegalArgumentException("Invalid blob key: " + key);
        }
        return path;
    }
}
