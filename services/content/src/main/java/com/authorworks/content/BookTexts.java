package com.authorworks.content;

import java.util.Optional;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

import com.authorworks.platform.UserId;
import com.authorworks.platform.contracts.Contracts;

/**
 * A book's words and people, for services that turn it into something else (media's audiobooks): its
 * chapters and scenes as plain text in order, its story bible's characters and its cover. The content
 * service's published contract (in its own process its bean implements it).
 */
@HttpExchange("/api/v1/internal/content/books")
public interface BookTexts {

    /**
     * The book as {@code caller} may read it, decided by the {@link AccessPolicy}; empty when there is no such
     * book or the caller may not read it (the same answer, so ids cannot be probed).
     */
    @GetExchange("/{id}/text")
    Optional<BookText> find(@PathVariable("id") BookId book, @RequestHeader(Contracts.ON_BEHALF_OF) UserId caller);
}
