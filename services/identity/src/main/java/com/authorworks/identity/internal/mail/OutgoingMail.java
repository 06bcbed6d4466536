package com.authorworks.identity.internal.mail;

import java.util.Map;

/**
 * A plain-text mail to one recipient; {@code kind} names it in file names and logs (never its secrets);
 * {@code headers} are added as they are (e.g. {@code List-Unsubscribe}).
 */
public record OutgoingMail(String to, String subject, String text, String kind, Map<String, String> headers) {

    public OutgoingMail {
        headers = Map.copyOf(headers);
    }

    public OutgoingMail(String to, String subject, String text, String kind) {
        this(to, subject, text, kind, Map.of());
    }
}
