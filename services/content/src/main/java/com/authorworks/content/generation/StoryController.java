package com.authorworks.content.generation;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.content.BookId;
import com.authorworks.content.ChapterId;
import com.authorworks.content.SceneId;
import com.authorworks.content.internal.Book;
import com.authorworks.content.internal.Books;
import com.authorworks.content.internal.Chapter;
import com.authorworks.content.internal.Scene;
import com.authorworks.engine.ContextManifest;
import com.authorworks.engine.GenerationEngine;
import com.authorworks.engine.StepKeys;
import com.authorworks.engine.story.ScenePosition;
import com.authorworks.engine.story.StoryLedger;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the generator knew: the context manifest of a scene's drafting call (what went into the
 * prompt and what was left out), the summaries it keeps of the book and its story ledger, read
 * from its checkpoints.
 */
@RestController
@RequestMapping("/api/v1/books/{id}")
class StoryController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Books books;
    private final JdbcClient db;
    private final TransactionTemplate transactions;
    private final GenerationMetrics metrics;

    StoryController(Books books, JdbcClient db, TransactionTemplate transactions, GenerationMetrics metrics) {
        this.books = books;
        this.db = db;
        this.transactions = transactions;
        this.metrics = metrics;
    }

    /** The story ledger: who is also called what, and every fact with the scenes it held in. */
    record Ledger(java.util.Map<String, String> aliases, List<LedgerFact> facts) {
    }

    /** {@code since} chapter 0 scene 0 is the plan (the cast); {@code until} null while the fact still holds. */
    record LedgerFact(String subject, String kind, String attribute, String value, ScenePosition since, ScenePosition until) {

        static LedgerFact of(StoryLedger.Entry entry) {
            var f = entry.fact();
            return new LedgerFact(f.subject(), f.kind().name(), f.attribute(), f.value(), f.since(), entry.until());
        }
    }

    /** The ledger as the generator keeps it, rebuilt from the checkpoints by the engine itself. */
    @GetMapping("/ledger")
    Ledger ledger(@PathVariable("id") BookId id) {
        Book book = books.require(id, CurrentUser.require());
        StoryLedger ledger = GenerationEngine.ledgerOf(checkpoints(book));
        return new Ledger(ledger.aliases(), ledger.history().stream().map(LedgerFact::of).toList());
    }

    /** A chapter's summary ({@code chapter} 0 is the whole book's). */
    record Summary(int chapter, JsonNode summary) {
    }

    @GetMapping("/chapters/{chapterId}/scenes/{sceneId}/manifest")
    ContextManifest manifest(@PathVariable("id") BookId id, @PathVariable ChapterId chapterId, @PathVariable SceneId sceneId) {
        Book book = books.require(id, CurrentUser.require());
        Chapter chapter = books.chapter(book, chapterId);
        Scene scene = books.scene(chapter, sceneId);
        return checkpoints(book).get(StepKeys.manifest(chapter.number(), scene.number()))
                .map(json -> JSON.readValue(json, ContextManifest.class))
                .orElseThrow(() -> Problem.notFound("manifest-not-found", "This scene was not drafted by the generator."));
    }

    @GetMapping("/summaries")
    List<Summary> summaries(@PathVariable("id") BookId id) {
        Book book = books.require(id, CurrentUser.require());
        BookCheckpoints store = checkpoints(book);
        List<Summary> summaries = new ArrayList<>();
        store.get(StepKeys.BOOK_SUMMARY).ifPresent(json -> summaries.add(new Summary(0, content(json))));
        for (Chapter chapter : books.chapters(book.id())) {
            store.get(StepKeys.chapterSummary(chapter.number())).ifPresent(json -> summaries.add(new Summary(chapter.number(), content(json))));
        }
        return summaries;
    }

    private BookCheckpoints checkpoints(Book book) {
        return new BookCheckpoints(db, transactions, book.id(), book.owner(), metrics);
    }

    /** A step's checkpoint holds its artifact as JSON text in {@code content}. */
    private static JsonNode content(String stepRecord) {
        return JSON.readTree(JSON.readTree(stepRecord).path("content").asString());
    }
}
