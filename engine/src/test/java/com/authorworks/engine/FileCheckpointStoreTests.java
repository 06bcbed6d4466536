package com.authorworks.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileCheckpointStoreTests {

    @TempDir
    Path dir;

    @Test
    void listsKeysWhileOtherThreadsWrite() throws Exception {
        FileCheckpointStore store = new FileCheckpointStore(dir);
        Thread writer = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 400; i++) {
                store.put("summary/c%03d".formatted(i), "{}");
                store.put("unfinished/summary/c%03d/run".formatted(i), "{}");
                store.delete("unfinished/summary/c%03d/run".formatted(i));
            }
        });
        while (writer.isAlive()) {
            assertThat(store.keys("summary/")).allMatch(k -> k.startsWith("summary/c"));
        }
        writer.join();

        assertThat(store.keys("summary/")).hasSize(400);
        assertThat(store.keys("unfinished/")).isEmpty();
    }

    @Test
    void keepsDocumentsByKeyAcrossInstances() {
        new FileCheckpointStore(dir).put("draft/c001/s01", "one");
        new FileCheckpointStore(dir).put("draft/c001/s01", "two");
        new FileCheckpointStore(dir).put("plan/outline", "{}");
        var store = new FileCheckpointStore(dir);

        assertThat(store.get("draft/c001/s01")).contains("two");
        assertThat(store.keys("draft/")).containsExactly("draft/c001/s01");
        assertThat(store.keys("")).containsExactly("draft/c001/s01", "plan/outline");
        store.delete("plan/outline");
        assertThat(store.get("plan/outline")).isEmpty();
    }

    @Test
    void leavesNoTemporaryFilesBehindAndRefusesKeysThatEscapeTheDirectory() throws Exception {
        var store = new FileCheckpointStore(dir);
        store.put("spec", "x");

        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())).containsExactly("spec.json");
        }
        assertThatThrownBy(() -> store.put("../outside", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.get("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWriteCutShortByAKillIsIgnoredAndCleanedUpOnOpen() throws Exception {
        new FileCheckpointStore(dir).put("draft/c001/s01", "done");
        Path torn = dir.resolve("checkpoints/draft/c001/.tmp-123.json");
        Files.writeString(torn, "{\"half");

        var store = new FileCheckpointStore(dir);

        assertThat(torn).doesNotExist();
        assertThat(store.keys("")).containsExactly("draft/c001/s01");
        assertThat(store.get("draft/c001/s01")).contains("done");
    }
}
