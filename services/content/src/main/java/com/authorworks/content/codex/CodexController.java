package com.authorworks.content.codex;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.content.BookId;
import com.authorworks.content.internal.Book;
import com.authorworks.content.internal.Books;
import com.authorworks.content.internal.CodexEntryId;
import com.authorworks.content.internal.CodexFactId;
import com.authorworks.content.internal.Codexes;
import com.authorworks.content.internal.StoredCheckpoints;
import com.authorworks.engine.story.Codex;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;

/**
 * A book's codex, its owner's only (through the access policy, as every book route): entries with aliases and facts
 * that hold from a scene on (counted through the book, 0 the plan). The first read seeds it from the generator's ledger,
 * and every read brings in what the ledger learned since; the author's edits and deletions stay as they left them.
 */
@RestController
@RequestMapping("/api/v1/books/{id}/codex")
class CodexController {

    static final int NAME_CHARS = 200;
    static final int DESCRIPTION_CHARS = 4_000;
    static final int FACT_CHARS = 2_000;
    static final int ATTRIBUTE_CHARS = 100;
    static final int MOST_ALIASES = 20;
    static final int MOST_SCENE = 100_000;

    private final Books books;
    private final Codexes codexes;
    private final JdbcClient db;

    CodexController(Books books, Codexes codexes, JdbcClient db) {
        this.books = books;
        this.codexes = codexes;
        this.db = db;
    }

    record CodexView(List<Codexes.Entry> entries) {
    }

    /** {@code kind} one of character, place, object, lore, faction, relationship; {@code pinned} always, never or auto. */
    record EntryBody(String kind, String name, List<String> aliases, String description, String pinned) {
    }

    record FactBody(String text, String attribute, Integer fromScene) {
    }

    @GetMapping
    CodexView list(@PathVariable("id") BookId id, @RequestParam(required = false) String q, @RequestParam(required = false) String kind) {
        Book book = books.require(id, CurrentUser.require());
        Codexes.Kind wanted = kind == null || kind.isBlank() ? null : kind(kind);
        if (q != null && q.length() > NAME_CHARS) {
            throw Problem.badRequest("invalid-query", "q is at most " + NAME_CHARS + " characters.");
        }
        codexes.extract(book.id(), new StoredCheckpoints(db, book.id()));
        String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        return new CodexView(codexes.list(book.id()).stream()
                .filter(e -> wanted == null || e.kind() == wanted)
                .filter(e -> needle.isEmpty() || e.name().toLowerCase(Locale.ROOT).contains(needle)
                        || e.aliases().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).contains(needle))
                        || e.description().toLowerCase(Locale.ROOT).contains(needle))
                .toList());
    }

    @PostMapping
    ResponseEntity<Codexes.Entry> create(@PathVariable("id") BookId id, @RequestBody EntryBody body) {
        Book book = books.require(id, CurrentUser.require());
        if (body.kind() == null) {
            throw Problem.badRequest("invalid-kind", "kind is required: one of " + kinds() + ".");
        }
        if (body.name() == null) {
            throw Problem.badRequest("invalid-name", "name is required.");
        }
        Codexes.Entry entry = codexes.create(book.id(), kind(body.kind()), name(body.name()), aliases(body.aliases()),
                description(body.description()), pin(body.pinned()));
        return ResponseEntity.status(HttpStatus.CREATED).body(entry);
    }

    @PatchMapping("/{entryId}")
    Codexes.Entry update(@PathVariable("id") BookId id, @PathVariable UUID entryId, @RequestBody EntryBody body) {
        Book book = books.require(id, CurrentUser.require());
        codexes.entry(book.id(), new CodexEntryId(entryId)); // an unknown entry is 404 whatever the body
        return codexes.update(book.id(), new CodexEntryId(entryId), body.kind() == null ? null : kind(body.kind()),
                body.name() == null ? null : name(body.name()), body.aliases() == null ? null : aliases(body.aliases()),
                description(body.description()), pin(body.pinned()));
    }

    @DeleteMapping("/{entryId}")
    ResponseEntity<Void> delete(@PathVariable("id") BookId id, @PathVariable UUID entryId) {
        Book book = books.require(id, CurrentUser.require());
        codexes.delete(book.id(), new CodexEntryId(entryId));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{entryId}/facts")
    ResponseEntity<Codexes.Fact> addFact(@PathVariable("id") BookId id, @PathVariable UUID entryId, @RequestBody FactBody body) {
        Book book = books.require(id, CurrentUser.require());
        codexes.entry(book.id(), new CodexEntryId(entryId));
        if (body.text() == null) {
            throw Problem.badRequest("invalid-fact", "text is required.");
        }
        Codexes.Fact fact = codexes.addFact(book.id(), new CodexEntryId(entryId), text(body.text()), attribute(body.attribute()),
                scene(body.fromScene() == null ? 0 : body.fromScene()));
        return ResponseEntity.status(HttpStatus.CREATED).body(fact);
    }

    @PatchMapping("/{entryId}/facts/{factId}")
    Codexes.Fact updateFact(@PathVariable("id") BookId id, @PathVariable UUID entryId, @PathVariable UUID factId, @RequestBody FactBody body) {
        Book book = books.require(id, CurrentUser.require());
        codexes.fact(book.id(), new CodexEntryId(entryId), new CodexFactId(factId));
        return codexes.updateFact(book.id(), new CodexEntryId(entryId), new CodexFactId(factId), body.text() == null ? null : text(body.text()),
                attribute(body.attribute()), body.fromScene() == null ? null : scene(body.fromScene()));
    }

    @DeleteMapping("/{entryId}/facts/{factId}")
    ResponseEntity<Void> deleteFact(@PathVariable("id") BookId id, @PathVariable UUID entryId, @PathVariable UUID factId) {
        Book book = books.require(id, CurrentUser.require());
        codexes.deleteFact(book.id(), new CodexEntryId(entryId), new CodexFactId(factId));
        return ResponseEntity.noContent().build();
    }

    // --- input -------------------------------------------------------------------------------------

    private static Codexes.Kind kind(String kind) {
        try {
            return Codexes.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("invalid-kind", "kind is one of " + kinds() + ".");
        }
    }

    private static String kinds() {
        return String.join(", ", java.util.Arrays.stream(Codexes.Kind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList());
    }

    private static Codex.Pin pin(String pinned) {
        if (pinned == null) {
            return null;
        }
        try {
            return Codex.Pin.valueOf(pinned.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("invalid-pinned", "pinned is always, never or auto.");
        }
    }

    private static String name(String name) {
        if (name.isBlank() || name.strip().length() > NAME_CHARS) {
            throw Problem.badRequest("invalid-name", "A name is 1 to " + NAME_CHARS + " characters.");
        }
        return name.strip();
    }

    private static List<String> aliases(List<String> aliases) {
        if (aliases == null) {
            return List.of();
        }
        if (aliases.size() > MOST_ALIASES) {
            throw Problem.badRequest("invalid-aliases", "An entry has at most " + MOST_ALIASES + " aliases.");
        }
        for (String alias : aliases) {
            if (alias == null || alias.isBlank() || alias.strip().length() > NAME_CHARS) {
                throw Problem.badRequest("invalid-aliases", "An alias is 1 to " + NAME_CHARS + " characters.");
            }
        }
        return aliases.stream().map(String::strip).toList();
    }

    private static String description(String description) {
        if (description != null && description.length() > DESCRIPTION_CHARS) {
            throw Problem.badRequest("invalid-description", "A description is at most " + DESCRIPTION_CHARS + " characters.");
        }
        return description;
    }

    private static String text(String text) {
        if (text.isBlank() || text.strip().length() > FACT_CHARS) {
            throw Problem.badRequest("invalid-fact", "A fact is 1 to " + FACT_CHARS + " characters.");
        }
        return text.strip();
    }

    private static String attribute(String attribute) {
        if (attribute != null && attribute.strip().length() > ATTRIBUTE_CHARS) {
            throw Problem.badRequest("invalid-attribute", "An attribute is at most " + ATTRIBUTE_CHARS + " characters.");
        }
        return attribute;
    }

    private static int scene(int scene) {
        if (scene < 0 || scene > MOST_SCENE) {
            throw Problem.badRequest("invalid-from-scene", "fromScene is between 0 (the plan) and " + MOST_SCENE + ".");
        }
        return scene;
    }
}
