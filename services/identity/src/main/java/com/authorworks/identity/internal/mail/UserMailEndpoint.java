package com.authorworks.identity.internal.mail;

import org.springframework.web.bind.annotation.RestController;

import com.authorworks.identity.MailToUser;
import com.authorworks.identity.UserMail;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;
import com.authorworks.platform.contracts.Callers;

/** The {@link UserMail} contract for other processes: only a service may call it (a user could mail anyone through it). */
@RestController
class UserMailEndpoint implements UserMail {

    static final int MAX_SUBJECT = 300;
    static final int MAX_TEXT = 20_000;
    static final int MAX_URL = 2_000;

    private final LocalUserMail mail;

    UserMailEndpoint(LocalUserMail mail) {
        this.mail = mail;
    }

    @Override
    public boolean send(UserId to, MailToUser message) {
        Callers.requireService();
        if (message == null || message.subject() == null || message.subject().isBlank() || message.text() == null
                || message.subject().length() > MAX_SUBJECT || message.text().length() > MAX_TEXT
                || message.unsubscribeUrl() != null && message.unsubscribeUrl().length() > MAX_URL
                || message.subject().chars().anyMatch(c -> c == '\r' || c == '\n')) {
            throw Problem.badRequest("invalid-mail", "A subject (one line, at most " + MAX_SUBJECT + " characters) and a text (at most "
                    + MAX_TEXT + ") are required.");
        }
        try {
            return mail.send(to, message);
        } catch (com.authorworks.identity.MailNotSentException e) {
            throw new Problem(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "mail-not-sent",
                    "The mail server did not take the mail; try again later.");
        }
    }
}
