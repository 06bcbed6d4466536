package com.authorworks.messaging.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.authorworks.discovery.CommentPosted;
import com.authorworks.identity.PublicProfile;
import com.authorworks.identity.UserBlocks;
import com.authorworks.identity.Users;
import com.authorworks.platform.UserId;

/**
 * Discovery's comments, as notifications: whoever was answered hears of a reply, whoever a comment
 * names by {@code @username} of the mention, and the book's author of a comment on their book. Each
 * person hears once per comment, the most direct reason winning (reply, then mention, then comment), and
 * nobody of their own comment or from someone in a block with them (either way). Those watching the book or its
 * author hear of every comment on it; those who muted it (or its author) of none. Usernames and blocks are
 * asked of identity through its published {@link Users} and {@link UserBlocks} contracts; while identity
 * cannot be reached the listener fails and the event publication registry delivers the event again. The
 * source key is the comment and the recipient, so a redelivered event makes no second notification.
 */
@Component
class CommentNotifications {

    private final Notifier notifier;
    private final ScopeLevels levels;
    private final ObjectProvider<Users> users;
    private final ObjectProvider<UserBlocks> blocks;

    CommentNotifications(Notifier notifier, ScopeLevels levels, ObjectProvider<Users> users, ObjectProvider<UserBlocks> blocks) {
        this.notifier = notifier;
        this.levels = levels;
        this.users = users;
        this.blocks = blocks;
    }

    @ApplicationModuleListener(id = "messaging.comment-posted")
    void on(CommentPosted event) {
        Map<UserId, NotificationType> recipients = new LinkedHashMap<>();
        if (event.parentAuthor() != null) {
            recipients.put(event.parentAuthor(), NotificationType.REPLY);
        }
        for (UserId mentioned : mentioned(event.mentions())) {
            recipients.putIfAbsent(mentioned, NotificationType.MENTION);
        }
        recipients.putIfAbsent(event.bookAuthor(), NotificationType.COMMENT);
        ScopeLevels.About about = ScopeLevels.About.book(event.bookId().value(), event.bookAuthor());
        for (UserId watcher : levels.watchers(about, recipients.keySet())) {
            recipients.put(watcher, NotificationType.COMMENT); // watching a book is hearing of every comment on it
        }
        recipients.remove(event.author());
        UserBlocks blocking = blocks.getIfAvailable();
        List<UserId> apart = blocking == null || recipients.isEmpty() ? List.of()
                : blocking.blockedAmong(event.author(), List.copyOf(recipients.keySet()));
        apart.forEach(recipients::remove);

        String link = "/books/" + event.bookId() + "/read?chapter=" + event.chapterId() + "&comment=" + event.commentId();
        recipients.forEach((recipient, type) -> {
            String title = switch (type) {
                case REPLY -> "A reply to your comment on “" + event.bookTitle() + "”";
                case MENTION -> "You were mentioned in a comment on “" + event.bookTitle() + "”";
                default -> "A new comment on “" + event.bookTitle() + "”";
            };
            Map<String, Object> data = new HashMap<>();
            data.put("commentId", event.commentId().toString());
            data.put("bookId", event.bookId().toString());
            data.put("chapterId", event.chapterId().toString());
            data.put("authorId", event.author().toString());
            if (event.parentId() != null) {
                data.put("parentId", event.parentId().toString());
            }
            notifier.notify(new Inbox.Incoming(recipient, type, title, event.excerpt(), link, data,
                    "discovery.comment-posted:" + event.commentId() + ":" + recipient), about);
        });
    }

    /** The users the mentions name (those identity knows); nobody while no identity contract is configured. */
    private List<UserId> mentioned(List<String> usernames) {
        Users directory = users.getIfAvailable();
        if (directory == null || usernames.isEmpty()) {
            return List.of();
        }
        List<String> asked = usernames.stream().limit(Math.min(CommentPosted.MAX_MENTIONS, Users.MAX_PROFILES)).toList();
        return directory.findProfilesByUsername(asked).stream().map(PublicProfile::id).toList();
    }
}
