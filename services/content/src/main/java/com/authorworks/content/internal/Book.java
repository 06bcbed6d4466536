package com.authorworks.content.internal;

import java.time.Instant;
import java.util.Optional;

import com.authorworks.content.AccessPolicy;
import com.authorworks.content.Audience;
import com.authorworks.content.BookId;
import com.authorworks.content.Publication;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.UserId;

/**
 * A book's own fields; {@code metadata} is a JSON object kept as text. {@code publication},
 * {@code audience}, the publishing times and the {@code listing} are its public life.
 */
public record Book(BookId id, UserId owner, String title, String description, BookFormat format, BookStatus status,
                   String metadata, Instant createdAt, Instant updatedAt, Publication publication, Audience audience,
                   Instant publishAt, Instant firstPublishedAt, Instant publishedAt, Listing listing) {

    /** What the caller may do with this book, as the access policy decides. */
    public AccessPolicy.Access accessOf(Optional<CurrentUser> caller) {
        return AccessPolicy.access(owner, publication, audience, caller);
    }

    /** What the caller may do with one of this book's chapters: readers only read released ones. */
    public AccessPolicy.Access chapterAccessOf(Chapter chapter, Optional<CurrentUser> caller) {
        return AccessPolicy.chapterAccess(accessOf(caller), chapter.publication());
    }

    public AccessPolicy.Readership readership() {
        return AccessPolicy.readership(publication, audience);
    }
}
