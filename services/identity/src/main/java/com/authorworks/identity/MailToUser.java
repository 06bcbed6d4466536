package com.authorworks.identity;

/**
 * A plain-text mail to a user. {@code kind} names it in logs and dev-outbox file names (letters, digits and
 * hyphens); {@code unsubscribeUrl}, when given, becomes the one-click {@code List-Unsubscribe} of RFC 8058.
 */
public record MailToUser(String subject, String text, String kind, String unsubscribeUrl) {
}
