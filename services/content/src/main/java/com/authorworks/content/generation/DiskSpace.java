package com.authorworks.content.generation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import com.authorworks.platform.Problem;

/**
 * Refuses new generations while the disk of the data directory ({@code AUTHORWORKS_DATA}: the embedded
 * PostgreSQL, blobs on disk, the logs of a generation's calls) has less than
 * {@code authorworks.content.min-free-disk} (256MB) free: {@code 507 disk-full}, saying so, instead of a
 * generation that fails half-way when its writes do. Generations already running go on; reads, edits and
 * exports are not refused here. Read at each request, so freeing space (or changing the setting) takes
 * effect at once.
 */
@Component
class DiskSpace {

    static final String MIN_FREE = "authorworks.content.min-free-disk";

    private final Environment environment;

    DiskSpace(Environment environment) {
        this.environment = environment;
    }

    void requireRoomForAGeneration() {
        DataSize needed = environment.getProperty(MIN_FREE, DataSize.class, DataSize.ofMegabytes(256));
        Path data = Path.of(environment.getProperty("authorworks.data", "data")).toAbsolutePath();
        long free;
        try {
            Path existing = data;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null) {
                return;
            }
            free = Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            return; // the space cannot be known here: the writes themselves will tell
        }
        if (free < needed.toBytes()) {
            throw new Problem(HttpStatus.INSUFFICIENT_STORAGE, "disk-full", "The server's disk is almost full ("
                    + free / (1024 * 1024) + " MB free, " + needed.toMegabytes() + " MB needed), so new generations are "
                    + "refused until an administrator frees space. Books already generating go on.",
                    java.util.Map.of("freeBytes", free, "neededBytes", needed.toBytes()));
        }
    }
}
