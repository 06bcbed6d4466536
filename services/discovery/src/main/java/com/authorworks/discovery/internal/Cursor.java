package com.authorworks.discovery.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import com.authorworks.platform.Problem;

/**
 * Where the previous page ended: the sort, the last item's sort value and its id. Keyed by values, not
 * positions, so a book published between two pages neither repeats nor hides an item of a field sort.
 * Opaque to clients (base64url).
 */
record Cursor(Query.Sort sort, String value, UUID id) {

    String encode() {
        String raw = sort.name() + "\n" + value + "\n" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String text, Query.Sort expected) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\n", -1);
            Cursor cursor = new Cursor(Query.Sort.valueOf(parts[0]), parts[1], UUID.fromString(parts[2]));
            if (parts.length != 3 || cursor.sort() != expected) {
                throw new IllegalArgumentException("another sort");
            }
            if (cursor.sort() != Query.Sort.TITLE) {
                Double.parseDouble(cursor.value());
            }
            return cursor;
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw Problem.badRequest("invalid-cursor", "This cursor is not one this search returned (or was made for another sort).");
        }
    }
}
