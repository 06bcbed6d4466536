package com.authorworks.storage.internal.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.authorworks.storage.BlobNotFoundException;
import com.authorworks.storage.Buckets;

class LocalDiskBlobStoreTests {

    @TempDir
    Path root;

    @Test
    void blobIsWrittenReadAndDeleted() throws Exception {
        LocalDiskBlobStore store = new LocalDiskBlobStore(root, Buckets.ALL);
        byte[] content = {1, 2, 3, 4};

        store.put(Buckets.BOOKS, "a/b/c.bin", new ByteArrayInputStream(content), 4, "application/octet-stream");

        assertThat(root.resolve(Buckets.BOOKS).resolve("a/b/c.bin")).hasBinaryContent(content);
        try (InputStream in = store.get(Buckets.BOOKS, "a/b/c.bin")) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(store.presignedGet(Buckets.BOOKS, "a/b/c.bin", Duration.ofMinutes(1), "c.bin")).isEmpty();
        store.delete(Buckets.BOOKS, "a/b/c.bin");
        assertThat(store.exists(Buckets.BOOKS, "a/b/c.bin")).isFalse();
        assertThatThrownBy(() -> store.get(Buckets.BOOKS, "a/b/c.bin")).isInstanceOf(BlobNotFoundException.class);
    }

    @Test
    void blobsAndTheirFoldersAreForThePlatformsUserOnly() throws Exception {
        LocalDiskBlobStore store = new LocalDiskBlobStore(root.resolve("blobs"), Buckets.ALL);

        store.put(Buckets.UPLOADS, "user/file", new ByteArrayInputStream(new byte[] {1}), 1, "application/octet-stream");

        var folder = PosixFilePermissions.fromString("rwx------");
        assertThat(Files.getPosixFilePermissions(root.resolve("blobs"))).isEqualTo(folder);
        assertThat(Files.getPosixFilePermissions(root.resolve("blobs").resolve(Buckets.UPLOADS))).isEqualTo(folder);
        assertThat(Files.getPosixFilePermissions(root.resolve("blobs").resolve(Buckets.UPLOADS).resolve("user")))
                .isEqualTo(folder);
        assertThat(Files.getPosixFilePermissions(root.resolve("blobs").resolve(Buckets.UPLOADS).resolve("user/file")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void contentShorterThanDeclaredLeavesNothingBehind() throws Exception {
        LocalDiskBlobStore store = new LocalDiskBlobStore(root, Buckets.ALL);

        assertThatThrownBy(() -> store.put(Buckets.BOOKS, "short", new ByteArrayInputStream(new byte[3]), 10,
                "text/plain")).isInstanceOf(IllegalArgumentException.class);

        try (var files = Files.list(root.resolve(Buckets.BOOKS))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void keysAndBucketsThatCouldLeaveTheBucketAreRefused() {
        LocalDiskBlobStore store = new LocalDiskBlobStore(root, Buckets.ALL);

        for (String key : List.of("../secrets", "a/../../b", "/etc/passwd", "a//b", ".hidden", "a/./b", "a\\..\\b", "")) {
            assertThatThrownBy(() -> store.put(Buckets.UPLOADS, key, new ByteArrayInputStream(new byte[1]), 1,
                    "text/plain")).as(key).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.get(Buckets.UPLOADS, key)).as(key).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store.get("..", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(root.getParent().resolve("secrets")).doesNotExist();
    }
}
