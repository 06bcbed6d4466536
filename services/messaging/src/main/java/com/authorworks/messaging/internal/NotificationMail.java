package com.authorworks.messaging.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.authorworks.identity.MailToUser;
import com.authorworks.identity.UserMail;
import com.authorworks.platform.UserId;
import com.authorworks.platform.web.PublicUrl;

/**
 * A notification by email, or a digest of several, through identity's mailer ({@link UserMail}: identity holds the
 * addresses). Each mail carries a signed one-click unsubscribe link, in the text and as {@code List-Unsubscribe}
 * (a digest: one link per type in it, the header stopping the first). Called by the {@link MailOutbox}, which
 * retries what throws.
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

    /** True when sent, false when there is nobody to send to (no verified address, or no identity here); throws when the mail server failed. */
    boolean send(Notification notification) {
        StringBuilder text = new StringBuilder(notification.title()).append("\n\n").append(notification.body()).append('\n');
        if (notification.link() != null) {
            text.append('\n').append(publicUrl.link(notification.link())).append('\n');
        }
        String token = links.token(notification.recipient(), notification.type());
        text.append("\n--\nYou get this mail because of your notification preferences (")
                .append(publicUrl.link("/notifications/preferences")).append(").\nStop these mails: ")
                .append(publicUrl.link("/unsubscribe?token=" + token)).append('\n');
        return deliver(notification.recipient(), new MailToUser(notification.title(), text.toString(),
                "notification-" + notification.type().wire(), oneClick(token)));
    }

    /** One mail listing the notifications of a digest period (at most 200 of them, the rest counted). */
    boolean sendDigest(UserId user, List<Notification> notifications, MailSettings.Digest period) {
        String subject = (period == MailSettings.Digest.WEEKLY ? "Your weekly digest: " : "Your daily digest: ") + notifications.size()
                + (notifications.size() == 1 ? " notification" : " notifications");
        StringBuilder text = new StringBuilder(subject).append("\n");
        Set<NotificationType> types = new LinkedHashSet<>();
        notifications.stream().limit(200).forEach(notification -> {
            types.add(notification.type());
            text.append("\n* ").append(notification.title()).append('\n');
            if (notification.body() != null && !notification.body().isBlank()) {
                text.append("  ").append(notification.body().replace("\n", "\n  ")).append('\n');
            }
            if (notification.link() != null) {
                text.append("  ").append(publicUrl.link(notification.link())).append('\n');
            }
        });
        if (notifications.size() > 200) {
            text.append("\n… and ").append(notifications.size() - 200).append(" more in the app: ").append(publicUrl.link("/notifications"))
                    .append('\n');
        }
        notifications.stream().skip(200).forEach(n -> types.add(n.type()));
        text.append("\n--\nYou get this digest because of your notification preferences (")
                .append(publicUrl.link("/notifications/preferences")).append(").\n");
        String first = null;
        for (NotificationType type : types) {
            String token = links.token(user, type);
            first = first == null ? token : first;
            text.append("Stop ").append(type.wire()).append(" mails: ").append(publicUrl.link("/unsubscribe?token=" + token)).append('\n');
        }
        return deliver(user, new MailToUser(subject, text.toString(), "notification-digest", oneClick(first)));
    }

    private String oneClick(String token) {
        return publicUrl.link("/api/v1/notifications/unsubscribe?token=" + token).toString();
    }

    private boolean deliver(UserId to, MailToUser message) {
        UserMail sender = mail.getIfAvailable();
        if (sender == null) {
            log.warn("No identity service to mail {} through (set AUTHORWORKS_JWKS_URI)", message.kind());
            return false;
        }
        boolean sent = sender.send(to, message);
        if (!sent) {
            log.info("Mail {} to {} not sent: no verified address", message.kind(), to);
        }
        return sent;
    }
}
