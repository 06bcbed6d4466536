package com.authorworks.identity.internal.mail;

import java.util.Date;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Builds the one message shape both mailers send, so a dropped .eml is exactly what SMTP would carry. */
final class MimeMessages {

    private MimeMessages() {
    }

    static MimeMessage build(Session session, String from, OutgoingMail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to()));
        message.setSubject(mail.subject(), "UTF-8");
        message.setText(mail.text(), "UTF-8");
        for (var header : mail.headers().entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        message.setSentDate(new Date());
        message.saveChanges();
        return message;
    }
}
