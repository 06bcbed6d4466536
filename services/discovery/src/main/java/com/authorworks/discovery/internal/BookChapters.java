package com.authorworks.discovery.internal;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.authorworks.content.BookId;
import com.authorworks.content.BookText;
import com.authorworks.content.BookTexts;
import com.authorworks.content.ContentUnavailableException;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Which chapters a published book has, for comments: discovery's read model knows books, not their
 * chapters, so content is asked through its published {@link BookTexts} contract (as the book's owner:
 * whether the caller may read the book was decided on the catalogue already). Remembered for a minute per
 * book, so a page of comments does not ask content each time; a chapter added since is found once the
 * minute is up.
 */
@Component
class BookChapters {

    private final ObjectProvider<BookTexts> texts;
    private final Cache<UUID, Set<UUID>> chapters = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1)).build();

    BookChapters(ObjectProvider<BookTexts> texts) {
        this.texts = texts;
    }

    /** The chapter of this book; else a 404 {@code chapter-not-found}. */
    void require(CatalogueBook book, UUID chapter) {
        if (!of(book).contains(chapter)) {
            throw Problem.notFound("chapter-not-found", "The book has no chapter " + chapter + ".");
        }
    }

    private Set<UUID> of(CatalogueBook book) {
        return chapters.get(book.id(), id -> {
            BookTexts content = texts.getIfAvailable();
            if (content == null) {
                throw unavailable(null);
            }
            try {
                return content.find(new BookId(id), new UserId(book.authorId())).map(text -> text.chapters().stream()
                        .map(BookText.ChapterText::id).map(chapter -> chapter.value()).collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
            } catch (ContentUnavailableException e) {
                throw unavailable(e);
            }
        });
    }

    private static Problem unavailable(Exception cause) {
        return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "content-unavailable", "The book's chapters cannot be looked up just now: try again shortly.");
    }
}
