package com.authorworks.content.export;

import java.util.Optional;

import org.springframework.web.bind.annotation.RestController;

import com.authorworks.content.BookId;
import com.authorworks.content.BookText;
import com.authorworks.content.BookTexts;
import com.authorworks.platform.UserId;
import com.authorworks.platform.contracts.Callers;

/**
 * The {@link BookTexts} contract for other processes (media's own process), mapped by the interface's
 * {@code @HttpExchange} annotations. A call may act only for the user its credentials name; then it is
 * exactly the in-process call, the access policy deciding.
 */
@RestController
class BookTextsEndpoint implements BookTexts {

    private final BookTextsService texts;

    BookTextsEndpoint(BookTextsService texts) {
        this.texts = texts;
    }

    @Override
    public Optional<BookText> find(BookId book, UserId caller) {
        Callers.actingFor(caller);
        return texts.find(book, caller);
    }
}
