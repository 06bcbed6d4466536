package com.authorworks.content;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.UserId;

/**
 * Who may read what: the one decision every read path calls (the reader and the API in content,
 * search results and lists in discovery, and later feeds, notifications and exports). Pure: it
 * decides from a book's owner, publication and audience, so a service that holds only those facts
 * (discovery's read model, an event) decides exactly as content does. The subscriptions issue adds
 * tiers here.
 *
 * <p>Chapters are released one by one (serial release): a reader who may read a book reads only its
 * {@link Publication#PUBLISHED} chapters; its owner (and admins) read every chapter ({@link #chapterAccess}).
 */
public final class AccessPolicy {

    /** Who may read a book besides its owner and admins. */
    public enum Readership {
        /** Anyone, signed in or not. */
        ANYONE,
        /** Any signed-in user. */
        SIGNED_IN,
        /** Nobody else: the owner and admins only. */
        OWNER
    }

    /** What one caller may do with one book. */
    public enum Access {
        NONE, READ, OWN;

        public boolean mayRead() {
            return this != NONE;
        }
    }

    private AccessPolicy() {
    }

    /** Only a published book has readers besides its owner; its audience says which. */
    public static Readership readership(Publication publication, Audience audience) {
        if (publication != Publication.PUBLISHED) {
            return Readership.OWNER;
        }
        return audience == Audience.SIGNED_IN ? Readership.SIGNED_IN : Readership.ANYONE;
    }

    /** The owner and admins own a book (read and change it); others read it when its readership includes them. */
    public static Access access(UserId owner, Readership readership, Optional<CurrentUser> caller) {
        if (caller.filter(user -> user.id().equals(owner) || user.isAdmin()).isPresent()) {
            return Access.OWN;
        }
        return switch (readership) {
            case ANYONE -> Access.READ;
            case SIGNED_IN -> caller.isPresent() ? Access.READ : Access.NONE;
            case OWNER -> Access.NONE;
        };
    }

    public static Access access(UserId owner, Publication publication, Audience audience, Optional<CurrentUser> caller) {
        return access(owner, readership(publication, audience), caller);
    }

    /**
     * What a caller may do with one chapter of a book, given what they may do with the book: the owner owns
     * every chapter; a reader reads a chapter only once it is released ({@code PUBLISHED}), never a draft,
     * a scheduled chapter before its time, or one taken down.
     */
    public static Access chapterAccess(Access book, Publication chapter) {
        if (book == Access.OWN) {
            return Access.OWN;
        }
        return book.mayRead() && chapter == Publication.PUBLISHED ? Access.READ : Access.NONE;
    }

    /**
     * The readerships a caller who is not the owner may read, for queries that filter many books at
     * once (an author's shelf, search): derived from {@link #access}, never decided a second time.
     */
    public static List<Readership> readableBy(Optional<CurrentUser> caller) {
        Optional<CurrentUser> stranger = caller.map(user -> new CurrentUser(user.id(), java.util.Set.of()));
        UserId nobody = new UserId(new java.util.UUID(0, 0));
        return Arrays.stream(Readership.values())
                .filter(readership -> access(nobody, readership, stranger).mayRead())
                .toList();
    }
}
