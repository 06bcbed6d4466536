package com.authorworks.content.book;

import com.authorworks.platform.Problem;

/** The version an edit was based on: the body's {@code baseVersion}, else the {@code If-Match} header. */
final class BaseVersion {

    private BaseVersion() {
    }

    static Integer of(Integer fromBody, String ifMatch) {
        if (fromBody != null) {
            return fromBody;
        }
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw Problem.badRequest("invalid-if-match", "If-Match must be a version number like \"3\", was " + ifMatch);
        }
    }

    static String etag(int version) {
        return "\"" + version + "\"";
    }
}
