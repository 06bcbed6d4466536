package com.authorworks.identity.internal.mail;

import com.authorworks.identity.MailNotSentException;

/**
 * Sends mail. A failure is logged, not thrown: the action that sent the mail (a registration, a
 * reset request) has already happened, and the user can ask for the mail again.
 */
public interface Mailer {

    void send(OutgoingMail mail);

    /**
     * Sends mail for a caller that keeps it and tries again (messaging's outbox): a failure is thrown as
     * {@link MailNotSentException}. The dev outbox never fails this way.
     */
    default void deliver(OutgoingMail mail) {
        send(mail);
    }
}
