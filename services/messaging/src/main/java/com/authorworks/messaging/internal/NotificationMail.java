package com.authorworks.messaging.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.authorworks.identity.MailToUser;
import com.authorworks.identity.UserMail;
import com.authorworks.platform.web.PublicUrl;

/**
 * A notification by email, through identity's mailer ({@link UserMail}: identity holds the addresses). Each
 * mail carries a signed one-click unsubscribe link for its type, in the text and as {@code List-Unsubscribe}.
 */
@Component
class NotificationMail {

    private static final Logger log = LoggerFactory.getLogger(NotificationMail.class);

    private final ObjectProvider<UserMail> mail;
    private final UnsubscribeLinks links;
    private final PublicUrl publicUrl;

    NotificationMail(ObjectProvider<UserMail> mail, UnsubscribeLinks links, PublicUrl publicUrl) {
        this.mail = mail;
        this.links = links;
        this.publicUrl = publicUrl;
    }

    void send(Notification notification) {
        UserMail sender = mail.getIfAvailable();
        if (sender == null) {
            log.warn("No identity service to mail {} notification {} through (set AUTHORWORKS_JWKS_URI)", notification.type().wire(),
                    notification.id());
            return;
        }
        String token = links.token(notification.recipient(), notification.type());
        String oneClick = publicUrl.link("/api/v1/notifications/unsubscribe?token=" + token).toString();
        String page = publicUrl.link("/unsubscribe?token=" + token).toString();
        StringBuilder text = new StringBuilder(notification.title()).append("\n\n").append(notification.body()).append('\n');
        if (notification.link() != null) {
            text.append('\n').append(publicUrl.link(notification.link())).append('\n');
        }
        text.append("\n--\nYou get this mail because of your notification preferences (")
                .append(publicUrl.link("/notifications/preferences")).append(").\nStop these mails: ").append(page).append('\n');
        try {
            boolean sent = sender.send(notification.recipient(),
                    new MailToUser(notification.title(), text.toString(), "notification-" + notification.type().wire(), oneClick));
            if (!sent) {
                log.info("Notification {} not mailed: its recipient has no verified address", notification.id());
            }
        } catch (RuntimeException e) {
            log.warn("Could not mail notification {}: {}", notification.id(), e.getMessage());
        }
    }
}
