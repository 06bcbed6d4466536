package com.authorworks.identity.internal.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.authorworks.platform.PrivateFiles;

/**
 * Without SMTP, each mail is written as an .eml file under {@code <data>/mail/} for the developer
 * to open, readable by the platform's user only (0600 in a 0700 folder). The log says where the
 * file is but never its content: the links in it are secrets.
 */
final class MailDropMailer implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(MailDropMailer.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Path directory;
    private final String from;
    private final Session session = Session.getInstance(new Properties());

    MailDropMailer(Path directory, String from) {
        this.directory = directory;
        this.from = from;
    }

    @Override
    public void send(OutgoingMail mail) {
        Path file = directory.resolve(STAMP.format(LocalDateTime.now()) + "-" + mail.kind() + "-"
                + UUID.randomUUID().toString().substring(0, 8) + ".eml");
        try {
            // The mail holds a token that signs in or resets a password: for the owner's eyes only.
            PrivateFiles.folder(directory);
            try (OutputStream out = PrivateFiles.newFile(file)) {
                MimeMessages.build(session, from, mail).writeTo(out);
            }
            log.info("No SMTP_HOST configured: {} mail to {} written to {}", mail.kind(), mail.to(), file.toAbsolutePath());
        } catch (IOException | MessagingException e) {
            log.warn("Could not write {} mail to {}: {}", mail.kind(), file, e.getMessage());
        }
    }
}
