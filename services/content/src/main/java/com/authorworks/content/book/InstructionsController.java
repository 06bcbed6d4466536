package com.authorworks.content.book;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.content.BookId;
import com.authorworks.content.internal.Books;
import com.authorworks.content.internal.StandingInstructions;
import com.authorworks.platform.CurrentUser;

/** A book's standing instructions to the models (docs/content.md#standing-instructions); the owner's only. */
@RestController
@RequestMapping("/api/v1/books/{id}/instructions")
class InstructionsController {

    private final Books books;
    private final StandingInstructions instructions;

    InstructionsController(Books books, StandingInstructions instructions) {
        this.books = books;
        this.instructions = instructions;
    }

    /** {@code text}: plain text, at most 1,000 characters; empty for none. */
    record InstructionsBody(String text) {
    }

    @GetMapping
    InstructionsBody get(@PathVariable("id") BookId id) {
        return new InstructionsBody(instructions.of(books.require(id, CurrentUser.require()).id()));
    }

    @PutMapping
    InstructionsBody put(@PathVariable("id") BookId id, @RequestBody InstructionsBody body) {
        var book = books.require(id, CurrentUser.require());
        return new InstructionsBody(instructions.set(book.id(), body == null ? null : body.text()));
    }
}
