package com.authorworks.identity.internal.mail;

/**
 * Sends mail. A failure is logged, not thrown: the action that sent the mail (a registration, a
 * reset request) has already happened, and the user can ask for the mail again.
 */
public interface Mailer {

    void send(OutgoingMail mail);
}
