package com.authorworks.content;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.UserId;
import com.authorworks.subscriptions.TierId;

/**
 * Who may read what: the one decision every read path calls (the reader and the API in content,
 * search results and lists in discovery, and later feeds, notifications and exports). Pure: it
 * decides from a book's owner, publication and audience, so a service that holds only those facts
 * (discovery's read model, an event) decides exactly as content does. The subscriptions issue adds
 * tiers here.
 *
 * <p>Chapters are released one by one (serial release): a reader who may read a book reads only its
 * {@link Publication#PUBLISHED} chapters; its owner (and admins) read every chapter ({@link #chapterAccess}).
 *
 * <p>Chapters may be gated by membership ({@link ChapterAccess}, issue 15 §5): {@link #chapterDecision} takes what
 * the subscriptions service says of the reader ({@link Standing}, from its {@code Memberships} contract; content
 * asks, then passes the answer in, so the policy stays pure) and the time, and says read, locked (a teaser and
 * what unlocks it) or nothing.
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
     * What the subscriptions service says of a reader and a chapter's author: {@code member} (a paid tier of the
     * author that grants access now) and which of the tiers the chapter names the reader's tier is at least.
     */
    public record Standing(boolean member, Set<TierId> meets) {

        public static final Standing NONE = new Standing(false, Set.of());

        public Standing {
            meets = Set.copyOf(meets);
        }
    }

    /**
     * A locked chapter: the reader sees a teaser. {@code unlocksAt} is when it opens for this reader (null when
     * the schedule never opens it to them); {@code anyMember}: any paid tier of the author unlocks it now;
     * {@code tiers}: the tiers (and those above them) that unlock it now.
     */
    public record Lock(Instant unlocksAt, boolean anyMember, List<TierId> tiers) {
    }

    /** The decision for one chapter and caller: {@code access} as for its release, locked or not. */
    public record ChapterDecision(Access access, Lock lock) {

        /** The caller reads the full text. */
        public boolean mayRead() {
            return access.mayRead() && lock == null;
        }

        /** The caller sees the chapter exists (its text, or when locked its teaser). */
        public boolean visible() {
            return access.mayRead();
        }
    }

    /**
     * The gating decision (issue 15 §5), on top of {@link #chapterAccess}: the owner reads everything; a reader who
     * may not read the released chapter gets nothing; else the chapter is read when it is one of the book's first
     * {@code freePreview} chapters, or when one of its rule's grants has begun ({@code releasedAt} plus its days)
     * and includes the reader (everyone; any member; a member at the tier or above), and locked otherwise.
     */
    public static ChapterDecision chapterDecision(Access book, Publication publication, int number, int freePreview,
                                                  ChapterAccess rule, Instant releasedAt, Standing reader, Instant now) {
        Access access = chapterAccess(book, publication);
        if (access != Access.READ || number <= freePreview || rule == null || rule.visibility() == ChapterAccess.Visibility.PUBLIC) {
            return new ChapterDecision(access, null);
        }
        Instant released = releasedAt == null ? now : releasedAt;
        List<Grant> grants = new ArrayList<>();
        if (rule.visibility() == ChapterAccess.Visibility.MEMBERS) {
            grants.add(new Grant(null, true, released));
        } else {
            rule.tiers().forEach(tier -> grants.add(new Grant(tier, false, released)));
        }
        rule.later().forEach(step -> grants.add(new Grant(step.tier(), step.tier() == null, released.plus(Duration.ofDays(step.afterDays())))));
        if (rule.everyoneAfterDays() != null) {
            grants.add(new Grant(null, false, released.plus(Duration.ofDays(rule.everyoneAfterDays()))));
        }
        Standing standing = reader == null ? Standing.NONE : reader;
        List<Grant> open = grants.stream().filter(grant -> !grant.from().isAfter(now)).toList();
        if (open.stream().anyMatch(grant -> grant.includes(standing))) {
            return new ChapterDecision(Access.READ, null);
        }
        Instant unlocksAt = grants.stream().filter(grant -> grant.from().isAfter(now) && grant.includes(standing))
                .map(Grant::from).min(Comparator.naturalOrder()).orElse(null);
        boolean anyMember = open.stream().anyMatch(Grant::anyMember);
        List<TierId> tiers = open.stream().map(Grant::tier).filter(java.util.Objects::nonNull).distinct().toList();
        return new ChapterDecision(Access.READ, new Lock(unlocksAt, anyMember, tiers));
    }

    /** From {@code from}: everyone (no tier, not {@code anyMember}), any member, or members at {@code tier} or above. */
    private record Grant(TierId tier, boolean anyMember, Instant from) {

        boolean includes(Standing reader) {
            if (tier != null) {
                return reader.member() && reader.meets().contains(tier);
            }
            return !anyMember || reader.member();
        }
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
