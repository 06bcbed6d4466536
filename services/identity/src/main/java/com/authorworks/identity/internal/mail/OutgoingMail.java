package com.authorworks.identity.internal.mail;

/** A plain-text mail to one recipient; {@code kind} names it in file names and logs (never its secrets). */
public record OutgoingMail(String to, String subject, String text, String kind) {
}
