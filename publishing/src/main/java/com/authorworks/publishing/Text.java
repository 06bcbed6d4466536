package com.authorworks.publishing;

import java.util.regex.Pattern;

/** Text hygiene for the model: control characters are never meant by an author and make XML formats invalid. */
final class Text {

    private static final Pattern NOT_XML = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

    private Text() {
    }

    static String clean(String value) {
        return value == null ? null : NOT_XML.matcher(value).replaceAll("");
    }
}
