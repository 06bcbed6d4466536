package com.authorworks.identity;

/**
 * {@link UserMail#send} could not hand the mail to the mail server (SMTP down, refused): nothing was sent, and
 * the caller may try again later. Across processes it arrives as a {@code 503 mail-not-sent} problem.
 */
public class MailNotSentException extends RuntimeException {

    public MailNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
