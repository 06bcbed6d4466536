package com.authorworks.messaging.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a notification is about; its wire name is the lower-case, hyphenated constant
 * ({@code generation-finished}). Each type has a default channel, which a user's preferences override.
 */
enum NotificationType {

    /** A book of yours finished generating (content's {@code BookGenerationCompleted}). */
    GENERATION_FINISHED(Channel.EMAIL),
    /** A book of yours stopped generating on an error (content's {@code BookGenerationFailed}). */
    GENERATION_FAILED(Channel.EMAIL),
    /** A book of yours went public (content's {@code BookPublished}, the first announcement of each publication). */
    BOOK_PUBLISHED(Channel.IN_APP),
    /** A reader started following a book of yours (discovery's {@code BookFollowed}). */
    NEW_FOLLOWER(Channel.IN_APP),
    /** A reader rated a book of yours, perhaps with a review (discovery's {@code BookRated}). */
    NEW_RATING(Channel.IN_APP),
    /** A book you follow has a new chapter (discovery's {@code FollowedBookUpdated}, from content's {@code ChapterPublished}). */
    NEW_CHAPTER(Channel.IN_APP),
    /** A reader commented on a chapter of a book of yours (discovery's {@code CommentPosted}). */
    COMMENT(Channel.IN_APP),
    /** Someone answered a comment of yours (discovery's {@code CommentPosted} with a parent). */
    REPLY(Channel.IN_APP),
    /** An admin resolved or dismissed a report of yours (messaging's moderation queue). */
    MODERATION_OUTCOME(Channel.IN_APP),
    /** A comment named you by {@code @username} (discovery's {@code CommentPosted}). */
    MENTION(Channel.IN_APP),
    /** A fan joined a tier of yours (subscriptions' {@code MembershipStarted}). */
    NEW_SUBSCRIBER(Channel.IN_APP),
    /**
     * A payment for your membership failed, or the last retry did and the membership ended (subscriptions'
     * {@code MembershipPaymentFailed}). By mail by default: the fan has to act before access ends.
     */
    PAYMENT_FAILED(Channel.EMAIL),
    /** A fan tipped you (subscriptions' {@code TipReceived}). */
    TIP_RECEIVED(Channel.IN_APP),
    /** A member's renewal of a tier of yours was paid (subscriptions' {@code MembershipRenewed}). */
    PAYMENT_RECEIVED(Channel.IN_APP),
    /** A membership of a tier of yours is over: the fan left, or the last retry failed (subscriptions' {@code MembershipEnded}). */
    MEMBERSHIP_ENDED(Channel.IN_APP),
    /** A message from the platform's admins. */
    ANNOUNCEMENT(Channel.IN_APP);

    final Channel defaultChannel;

    NotificationType(Channel defaultChannel) {
        this.defaultChannel = defaultChannel;
    }

    /** Whether a user may turn this type off altogether: not the admins' announcements (their mails, yes). */
    boolean allows(Channel channel) {
        return channel != Channel.NONE || this != ANNOUNCEMENT;
    }

    String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<NotificationType> parse(String wire) {
        return Arrays.stream(values()).filter(type -> type.wire().equals(wire)).findFirst();
    }

    /**
     * Where a notification of a type goes: the bell only, the bell and an email, the bell and the daily or weekly
     * digest mail, or nowhere (not kept at all).
     */
    enum Channel {
        IN_APP, EMAIL, DIGEST, NONE;

        String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Optional<Channel> parse(String wire) {
            return Arrays.stream(values()).filter(channel -> channel.wire().equals(wire)).findFirst();
        }
    }
}
