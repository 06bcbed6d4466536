package com.authorworks.identity.internal.mail;

import jakarta.mail.MessagingException;

import com.authorworks.identity.MailNotSentException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Sends through the SMTP server configured with SMTP_HOST and friends. */
final class SmtpMailer implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(SmtpMailer.class);

    private final JavaMailSenderImpl sender;
    private final String from;

    SmtpMailer(JavaMailSenderImpl sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void send(OutgoingMail mail) {
        try {
            deliver(mail);
        } catch (MailNotSentException e) {
            log.warn("Could not send {} mail to {} via {}:{}: {}", mail.kind(), mail.to(), sender.getHost(),
                    sender.getPort(), e.getMessage());
        }
    }

    @Override
    public void deliver(OutgoingMail mail) {
        try {
            sender.send(MimeMessages.build(sender.getSession(), from, mail));
            log.info("Sent {} mail to {} via {}:{}", mail.kind(), mail.to(), sender.getHost(), sender.getPort());
        } catch (MessagingException | MailException e) {
            throw new MailNotSentException("SMTP " + sender.getHost() + ":" + sender.getPort() + ": " + e.getMessage(), e);
        }
    }
}
