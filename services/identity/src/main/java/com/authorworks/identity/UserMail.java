package com.authorworks.identity;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import com.authorworks.platform.UserId;

/**
 * Mail to a user, for services that do not know users' addresses (messaging's email notifications):
 * identity looks the address up and sends through its mailer (SMTP, or the dev outbox). A published
 * contract; across processes only another service may call it (a service token, no user), so no user
 * can mail anyone through it.
 */
@HttpExchange("/api/v1/internal/identity/mail")
public interface UserMail {

    /**
     * Sends the mail to the user's verified address; false (and nothing sent) when they have none.
     *
     * @throws MailNotSentException when the mail server did not take it (the caller may try again)
     */
    @PostExchange("/{id}")
    boolean send(@PathVariable("id") UserId to, @RequestBody MailToUser mail);
}
