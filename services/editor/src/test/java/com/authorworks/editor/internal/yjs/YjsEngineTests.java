package com.authorworks.editor.internal.yjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The bundled yjs through the polyglot engine: merging, diffing and refusing garbage as yjs does, and what
 * the engine and an open document cost (printed; docs/editor.md has the numbers of a run).
 */
class YjsEngineTests {

    static final byte[] EMPTY = {0, 0};

    /** A Plate value of {@code words} words in paragraphs of 100. */
    static String scene(int words) {
        StringBuilder json = new StringBuilder("[");
        for (int p = 0; p < words / 100; p++) {
            json.append(p == 0 ? "" : ",").append("{\"type\":\"p\",\"children\":[{\"text\":\"");
            for (int w = 0; w < 100; w++) {
                json.append(w == 0 ? "" : " ").append("word").append(p).append('_').append(w);
            }
            json.append("\"}]}");
        }
        return json.append("]").toString();
    }

    @Test
    void mergesDiffsAndRefusesWhatIsNotAnUpdate() {
        try (Yjs yjs = new Yjs(2)) {
            assertThat(yjs.started()).isFalse();
            byte[] first = yjs.replace(EMPTY, "[{\"type\":\"p\",\"children\":[{\"text\":\"One.\"}]}]");
            assertThat(yjs.started()).isTrue();
            byte[] second = yjs.replace(first, "[{\"type\":\"p\",\"children\":[{\"text\":\"Two.\"}]}]");
            byte[] merged = yjs.merge(List.of(first, second));
            assertThat(yjs.json(merged)).isEqualTo("{\"content\":[{\"type\":\"p\",\"children\":[{\"text\":\"Two.\"}]}]}");
            // a peer that holds the first update lacks exactly the second
            byte[] missing = yjs.diff(merged, yjs.stateVector(first));
            assertThat(yjs.canonical(yjs.merge(List.of(first, missing)))).isEqualTo(yjs.canonical(merged));
            assertThat(yjs.merge(List.of(second, first))).satisfies(m -> assertThat(yjs.canonical(m)).isEqualTo(yjs.canonical(merged)));
            assertThatThrownBy(() -> yjs.check(new byte[] {7, 7, 7, 7, 7})).isInstanceOf(Yjs.NotAnUpdateException.class);
            assertThat(yjs.replace(merged, "[{\"type\":\"p\",\"children\":[{\"text\":\"Two.\"}]}]")).as("already that text").isEmpty();
            yjs.check(merged);
        }
    }

    @Test
    void whatTheEngineAndAnOpenDocumentCost() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = settledHeap(memory);
        long nonHeapBefore = memory.getNonHeapMemoryUsage().getUsed();
        try (Yjs yjs = new Yjs(2)) {
            long started = System.nanoTime();
            byte[] state = yjs.replace(EMPTY, scene(10_000));
            long firstCallMs = (System.nanoTime() - started) / 1_000_000;
            long heapOneContext = settledHeap(memory);
            // a second context (two calls at once)
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Thread thread = Thread.ofPlatform().start(() -> {
                    for (int n = 0; n < 20; n++) {
                        yjs.stateVector(state);
                    }
                });
                threads.add(thread);
            }
            threads.forEach(YjsEngineTests::join);
            long heapTwoContexts = settledHeap(memory);
            long nonHeapAfter = memory.getNonHeapMemoryUsage().getUsed();
            // the scene rewritten 20 times over (each a new paragraph replacing everything), merged as a join would
            List<byte[]> updates = new ArrayList<>(List.of(state));
            byte[] current = state;
            for (int i = 0; i < 20; i++) {
                byte[] change = yjs.replace(current, scene(100).replace("word0_0", "rewrite" + i));
                assertThat(change).isNotEmpty();
                updates.add(change);
                current = yjs.merge(List.of(current, change));
            }
            started = System.nanoTime();
            byte[] merged = yjs.merge(updates);
            long mergeMs = (System.nanoTime() - started) / 1_000_000;
            started = System.nanoTime();
            yjs.diff(merged, new byte[] {0});
            long joinMs = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("yjs engine: first call %d ms; heap +%.1f MB with one context, +%.1f MB with two; non-heap +%.1f MB%n",
                    firstCallMs, mb(heapOneContext - heapBefore), mb(heapTwoContexts - heapBefore), mb(nonHeapAfter - nonHeapBefore));
            System.out.printf("10,000-word scene: %d bytes as one update; after 20 whole rewrites %d bytes, merged from 21 updates in %d ms,"
                    + " a late joiner's diff in %d ms%n", state.length, merged.length, mergeMs, joinMs);
            assertThat(yjs.json(merged)).isEqualTo(yjs.json(current));
            // a change outside the editor to one paragraph of a hundred replaces that paragraph only
            String scene = scene(10_000);
            String oneChanged = scene.replace("word42_0 ", "Changed42 ");
            byte[] change = yjs.replace(state, oneChanged);
            assertThat(change.length).as("one paragraph's worth").isLessThan(state.length / 20);
            assertThat(yjs.json(yjs.merge(List.of(state, change)))).contains("Changed42 ").doesNotContain("word42_0 ");
            assertThat(state.length).as("a scene's state is about its text's size").isLessThan(200_000);
        }
    }

    private static long settledHeap(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
