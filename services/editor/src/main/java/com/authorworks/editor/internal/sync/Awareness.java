package com.authorworks.editor.internal.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The awareness states (cursors, names, colours) of one document's peers, in memory only: relayed,
 * never persisted. Kept so a late joiner sees who is there, and so a peer that drops without saying
 * goodbye is removed for everyone (y-protocols' awareness update: clock + 1, state {@code null}).
 */
final class Awareness {

    record Entry(long clientId, long clock, String state) {
    }

    private final Map<Long, Entry> states = new LinkedHashMap<>();

    /** Decodes an awareness update; newer clocks (or a removal at the same clock) replace the held state. */
    static List<Entry> decode(byte[] update) {
        Lib0.Reader reader = new Lib0.Reader(update);
        int count = reader.varUintInt();
        List<Entry> entries = new ArrayList<>(Math.min(count, 64));
        for (int i = 0; i < count; i++) {
            entries.add(new Entry(reader.varUint(), reader.varUint(), reader.varString()));
        }
        return entries;
    }

    static byte[] encode(List<Entry> entries) {
        Lib0.Writer writer = new Lib0.Writer().varUint(entries.size());
        for (Entry entry : entries) {
            writer.varUint(entry.clientId()).varUint(entry.clock()).varString(entry.state());
        }
        return writer.toByteArray();
    }

    synchronized void apply(List<Entry> entries) {
        for (Entry entry : entries) {
            Entry held = states.get(entry.clientId());
            if (held == null || held.clock() < entry.clock() || held.clock() == entry.clock() && entry.state().equals("null")) {
                if (entry.state().equals("null")) {
                    states.remove(entry.clientId());
                } else {
                    states.put(entry.clientId(), entry);
                }
            }
        }
    }

    /** The update removing these peers (a closed connection's client ids). */
    synchronized List<Entry> remove(Iterable<Long> clientIds) {
        List<Entry> removed = new ArrayList<>();
        for (Long id : clientIds) {
            Entry held = states.remove(id);
            if (held != null) {
                removed.add(new Entry(id, held.clock() + 1, "null"));
            }
        }
        return removed;
    }

    synchronized List<Entry> all() {
        return List.copyOf(states.values());
    }
}
