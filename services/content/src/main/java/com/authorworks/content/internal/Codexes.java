package com.authorworks.content.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.authorworks.content.BookId;
import com.authorworks.engine.CheckpointStore;
import com.authorworks.engine.GenerationEngine;
import com.authorworks.engine.StepKeys;
import com.authorworks.engine.StepRecord;
import com.authorworks.engine.story.Codex;
import com.authorworks.engine.story.Outline;
import com.authorworks.engine.story.ScenePosition;
import com.authorworks.engine.story.StoryLedger;
import com.authorworks.platform.Problem;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import tools.jackson.databind.json.JsonMapper;

/**
 * A book's codex in PostgreSQL: entries with their names and aliases (one entry per name in a book) and their
 * time-indexed facts. Extraction ({@link #extract}) brings in the engine's ledger, idempotently: each extracted fact
 * has a key, and a fact the author edited or deleted keeps it (a tombstone), so extraction neither overwrites nor
 * re-adds it; an entry the author deleted is not brought back either. Callers check access first.
 */
@Component
public class Codexes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The state of each book's checkpoints when its codex was last extracted in this process. Extraction is
     * idempotent, so it is skipped while the checkpoints stay as they were and the author has not edited the codex
     * here since: the ledger is rebuilt from every checkpoint, and the codex is asked for by every drafting prompt.
     */
    private static final Cache<BookId, String> EXTRACTED = Caffeine.newBuilder().maximumSize(10_000).build();

    public enum Kind { CHARACTER, PLACE, OBJECT, LORE, FACTION, RELATIONSHIP }

    public record Fact(UUID id, String text, String attribute, int fromScene, String source, boolean edited) {
    }

    public record Entry(UUID id, Kind kind, String name, List<String> aliases, String description, Codex.Pin pinned,
                        String source, List<Fact> facts) {
    }

    private final JdbcClient db;
    private final TransactionTemplate transactions;

    Codexes(JdbcClient db, TransactionTemplate transactions) {
        this.db = db;
        this.transactions = transactions;
    }

    /** The codexes over a database, for code that is not a bean (the engine's checkpoint store). */
    public static Codexes over(JdbcClient db, TransactionTemplate transactions) {
        return new Codexes(db, transactions);
    }

    // --- reading -----------------------------------------------------------------------------------

    /** The live entries, by kind then name, each with its live facts in story order. */
    public List<Entry> list(BookId book) {
        return list(db, book);
    }

    private static List<Entry> list(JdbcClient db, BookId book) {
        Map<UUID, List<String>> aliases = new HashMap<>();
        db.sql("SELECT entry_id, spelled FROM content.codex_names WHERE book_id = :book AND alias ORDER BY position, spelled")
                .param("book", book.value())
                .query((rs, n) -> aliases.computeIfAbsent(rs.getObject("entry_id", UUID.class), k -> new ArrayList<>()).add(rs.getString("spelled")))
                .list();
        Map<UUID, List<Fact>> facts = new HashMap<>();
        db.sql("""
                SELECT id, entry_id, text, attribute, from_scene, source, author_edited FROM content.codex_facts
                WHERE book_id = :book AND NOT deleted ORDER BY from_scene, created_at, id""")
                .param("book", book.value())
                .query((rs, n) -> facts.computeIfAbsent(rs.getObject("entry_id", UUID.class), k -> new ArrayList<>())
                        .add(new Fact(rs.getObject("id", UUID.class), rs.getString("text"), rs.getString("attribute"),
                                rs.getInt("from_scene"), rs.getString("source"), rs.getBoolean("author_edited"))))
                .list();
        return db.sql("""
                SELECT id, kind, name, description, pinned, extracted_from FROM content.codex_entries
                WHERE book_id = :book AND NOT deleted ORDER BY kind, lower(name), id""")
                .param("book", book.value())
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new Entry(id, Kind.valueOf(rs.getString("kind")), rs.getString("name"),
                            List.copyOf(aliases.getOrDefault(id, List.of())), rs.getString("description"),
                            Codex.Pin.valueOf(rs.getString("pinned")), rs.getString("extracted_from") == null ? "AUTHOR" : "EXTRACTED",
                            List.copyOf(facts.getOrDefault(id, List.of())));
                }).list();
    }

    public Entry entry(BookId book, CodexEntryId id) {
        return list(book).stream().filter(e -> e.id().equals(id.value())).findFirst()
                .orElseThrow(() -> Problem.notFound("codex-entry-not-found", "This book's codex has no such entry."));
    }

    /**
     * The codex as the engine reads it (under {@link StepKeys#CODEX}): empty while the book has none yet, so the
     * engine's own ledger stands in. An extracted fact the author edited is the author's.
     */
    public Optional<String> document(BookId book) {
        return document(db, book);
    }

    public static Optional<String> document(JdbcClient db, BookId book) {
        boolean any = db.sql("SELECT EXISTS (SELECT 1 FROM content.codex_entries WHERE book_id = :book)").param("book", book.value())
                .query(Boolean.class).single();
        if (!any) {
            return Optional.empty();
        }
        List<Codex.Entry> entries = list(db, book).stream().map(e -> new Codex.Entry(e.kind().name(), e.name(), e.aliases(), e.description(),
                e.pinned(), e.facts().stream().map(f -> new Codex.Fact(f.text(), f.attribute(), f.fromScene(),
                        f.source().equals("EXTRACTED") && !f.edited())).toList())).toList();
        return Optional.of(JSON.writeValueAsString(new Codex(entries)));
    }

    // --- the author's edits ---------------------------------------------------------------------------

    public Entry create(BookId book, Kind kind, String name, List<String> aliases, String description, Codex.Pin pinned) {
        EXTRACTED.invalidate(book);
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> {
            db.sql("""
                    INSERT INTO content.codex_entries (id, book_id, kind, name, description, pinned, author_edited)
                    VALUES (:id, :book, :kind, :name, :description, :pinned, true)""")
                    .param("id", id).param("book", book.value()).param("kind", kind.name()).param("name", name.strip())
                    .param("description", description == null ? "" : description).param("pinned", pinned == null ? "AUTO" : pinned.name())
                    .update();
            names(book, id, name, aliases == null ? List.of() : aliases);
        });
        return entry(book, new CodexEntryId(id));
    }

    /** Changes what is given (null leaves it as it is). */
    public Entry update(BookId book, CodexEntryId id, Kind kind, String name, List<String> aliases, String description, Codex.Pin pinned) {
        EXTRACTED.invalidate(book);
        Entry current = entry(book, id);
        transactions.executeWithoutResult(tx -> {
            db.sql("""
                    UPDATE content.codex_entries SET kind = :kind, name = :name, description = :description, pinned = :pinned,
                        author_edited = true, updated_at = now() WHERE id = :id AND book_id = :book""")
                    .param("kind", (kind == null ? current.kind() : kind).name()).param("name", name == null ? current.name() : name.strip())
                    .param("description", description == null ? current.description() : description)
                    .param("pinned", (pinned == null ? current.pinned() : pinned).name())
                    .param("id", id.value()).param("book", book.value()).update();
            if (name != null || aliases != null) {
                db.sql("DELETE FROM content.codex_names WHERE entry_id = :id").param("id", id.value()).update();
                names(book, id.value(), name == null ? current.name() : name, aliases == null ? current.aliases() : aliases);
            }
        });
        return entry(book, id);
    }

    /** Deletes an entry; it stays as a tombstone so that extraction does not bring it back. */
    public void delete(BookId book, CodexEntryId id) {
        EXTRACTED.invalidate(book);
        entry(book, id);
        transactions.executeWithoutResult(tx -> {
            db.sql("UPDATE content.codex_entries SET deleted = true, updated_at = now() WHERE id = :id AND book_id = :book")
                    .param("id", id.value()).param("book", book.value()).update();
            db.sql("DELETE FROM content.codex_names WHERE entry_id = :id").param("id", id.value()).update();
            db.sql("UPDATE content.codex_facts SET deleted = true, updated_at = now() WHERE entry_id = :id").param("id", id.value()).update();
        });
    }

    public Fact addFact(BookId book, CodexEntryId entry, String text, String attribute, int fromScene) {
        EXTRACTED.invalidate(book);
        entry(book, entry);
        UUID id = UUID.randomUUID();
        db.sql("""
                INSERT INTO content.codex_facts (id, entry_id, book_id, text, attribute, from_scene, source, author_edited)
                VALUES (:id, :entry, :book, :text, :attribute, :from, 'AUTHOR', true)""")
                .param("id", id).param("entry", entry.value()).param("book", book.value()).param("text", text.strip())
                .param("attribute", blankToNull(attribute)).param("from", fromScene).update();
        return fact(book, entry, new CodexFactId(id));
    }

    /** Changes what is given; the fact is the author's from now on, and extraction leaves it alone. */
    public Fact updateFact(BookId book, CodexEntryId entry, CodexFactId id, String text, String attribute, Integer fromScene) {
        EXTRACTED.invalidate(book);
        Fact current = fact(book, entry, id);
        db.sql("""
                UPDATE content.codex_facts SET text = :text, attribute = :attribute, from_scene = :from, author_edited = true, updated_at = now()
                WHERE id = :id AND entry_id = :entry""")
                .param("text", text == null ? current.text() : text.strip())
                .param("attribute", attribute == null ? current.attribute() : blankToNull(attribute))
                .param("from", fromScene == null ? current.fromScene() : fromScene).param("id", id.value()).param("entry", entry.value())
                .update();
        return fact(book, entry, id);
    }

    /** Deletes a fact; an extracted one stays as a tombstone so that extraction does not add it again. */
    public void deleteFact(BookId book, CodexEntryId entry, CodexFactId id) {
        EXTRACTED.invalidate(book);
        fact(book, entry, id);
        db.sql("UPDATE content.codex_facts SET deleted = true, author_edited = true, updated_at = now() WHERE id = :id AND entry_id = :entry")
                .param("id", id.value()).param("entry", entry.value()).update();
    }

    public Fact fact(BookId book, CodexEntryId entry, CodexFactId id) {
        return entry(book, entry).facts().stream().filter(f -> f.id().equals(id.value())).findFirst()
                .orElseThrow(() -> Problem.notFound("codex-fact-not-found", "This codex entry has no such fact."));
    }

    /** The entry's name and aliases; one that another entry of the book has already is a 409. */
    private void names(BookId book, UUID entry, String name, List<String> aliases) {
        Set<String> seen = new HashSet<>();
        List<String[]> all = new ArrayList<>();
        all.add(new String[] {name.strip(), "false"});
        aliases.forEach(a -> all.add(new String[] {a.strip(), "true"}));
        int position = 0;
        for (String[] n : all) {
            String key = key(n[0]);
            if (!seen.add(key)) {
                continue;
            }
            try {
                db.sql("""
                        INSERT INTO content.codex_names (book_id, name_key, spelled, alias, entry_id, position)
                        VALUES (:book, :key, :spelled, :alias, :entry, :position)""")
                        .param("book", book.value()).param("key", key).param("spelled", n[0]).param("alias", Boolean.parseBoolean(n[1]))
                        .param("entry", entry).param("position", position++).update();
            } catch (DuplicateKeyException e) {
                throw Problem.conflict("duplicate-codex-name", "Another entry of this book's codex is already called '" + n[0] + "'.");
            }
        }
    }

    // --- extraction ------------------------------------------------------------------------------------

    /**
     * Brings the engine's ledger (as the book's checkpoints make it) into the codex: an entry per subject, a fact per
     * ledger fact, from the scene that established it (counted through the book; the cast's are the plan's, 0). What the
     * author deleted or edited stays as they left it; an extracted fact the ledger no longer has (its scene was
     * generated again) goes, so regenerating a scene re-extracts its facts.
     */
    public void extract(BookId book, CheckpointStore checkpoints) {
        String state = checkpointsState(book);
        if (state.equals(EXTRACTED.getIfPresent(book))) {
            return;
        }
        extractLedger(book, checkpoints);
        EXTRACTED.put(book, state);
    }

    /** How many checkpoints the book has, when the last was written and their size: any put or delete changes it. */
    private String checkpointsState(BookId book) {
        return db.sql("""
                SELECT count(*) || '/' || coalesce(max(updated_at)::text, '-') || '/' || coalesce(sum(length(document)), 0)
                FROM content.checkpoints WHERE book_id = :book""").param("book", book.value()).query(String.class).single();
    }

    private void extractLedger(BookId book, CheckpointStore checkpoints) {
        StoryLedger ledger = GenerationEngine.ledgerOf(checkpoints);
        List<StoryLedger.Entry> history = ledger.history();
        List<Integer> scenesPerChapter = checkpoints.get(StepKeys.OUTLINE)
                .map(json -> JSON.readValue(JSON.readValue(json, StepRecord.class).content(), Outline.class).chapters().stream()
                        .map(c -> c.scenes().size()).toList())
                .orElse(List.of());
        Map<String, List<StoryLedger.Entry>> bySubject = new LinkedHashMap<>();
        history.forEach(e -> bySubject.computeIfAbsent(e.fact().subject(), k -> new ArrayList<>()).add(e));
        Map<String, List<String>> aliasesOf = new HashMap<>();
        ledger.aliases().forEach((alias, name) -> aliasesOf.computeIfAbsent(key(name), k -> new ArrayList<>()).add(alias));
        transactions.executeWithoutResult(tx -> {
            // one extraction of a book at a time (parallel chapters' prompts ask at once)
            db.sql("SELECT pg_advisory_xact_lock(hashtext(:book))").param("book", book.value().toString()).query((rs, n) -> 1).list();
            Set<String> existing = new HashSet<>(db.sql("SELECT extraction_key FROM content.codex_facts WHERE book_id = :book AND extraction_key IS NOT NULL")
                    .param("book", book.value()).query(String.class).list());
            Set<String> current = new LinkedHashSet<>();
            bySubject.forEach((subject, entries) -> {
                Optional<UUID> entry = entryFor(book, subject, entries, aliasesOf.getOrDefault(key(subject), List.of()));
                for (StoryLedger.Entry e : entries) {
                    var f = e.fact();
                    if (f.since().equals(ScenePosition.PLAN) && f.attribute().equals("description")) {
                        continue; // the entry's description
                    }
                    int from = f.since().equals(ScenePosition.PLAN) ? 0 : Codex.sceneIndex(scenesPerChapter, f.since().chapter(), f.since().scene());
                    String extractionKey = digest(key(subject) + '\u0000' + f.attribute() + '\u0000' + f.value() + '\u0000' + from);
                    current.add(extractionKey);
                    if (entry.isEmpty() || existing.contains(extractionKey) || f.value() == null || f.value().isBlank()) {
                        continue;
                    }
                    db.sql("""
                            INSERT INTO content.codex_facts (id, entry_id, book_id, text, attribute, from_scene, source, extraction_key)
                            VALUES (:id, :entry, :book, :text, :attribute, :from, 'EXTRACTED', :key)
                            ON CONFLICT (book_id, extraction_key) WHERE extraction_key IS NOT NULL DO NOTHING""")
                            .param("id", UUID.randomUUID()).param("entry", entry.get()).param("book", book.value())
                            .param("text", clip(f.attribute() + ": " + f.value().strip(), 2000)).param("attribute", clip(f.attribute(), 100))
                            .param("from", Math.min(from, 100_000)).param("key", extractionKey).update();
                }
            });
            List<String> stale = existing.stream().filter(k -> !current.contains(k)).toList();
            if (!stale.isEmpty()) {
                db.sql("""
                        DELETE FROM content.codex_facts WHERE book_id = :book AND extraction_key IN (:keys)
                        AND source = 'EXTRACTED' AND NOT author_edited AND NOT deleted""")
                        .param("book", book.value()).param("keys", stale).update();
            }
        });
    }

    /** The live entry a ledger subject's facts go to, made if there is none; none if the author deleted it. */
    private Optional<UUID> entryFor(BookId book, String subject, List<StoryLedger.Entry> facts, List<String> aliases) {
        String key = key(subject);
        record Made(UUID id, boolean deleted) {
        }
        Optional<Made> made = db.sql("SELECT id, deleted FROM content.codex_entries WHERE book_id = :book AND extracted_from = :key")
                .param("book", book.value()).param("key", key)
                .query((rs, n) -> new Made(rs.getObject("id", UUID.class), rs.getBoolean("deleted"))).optional();
        if (made.isPresent()) {
            return made.get().deleted() ? Optional.empty() : Optional.of(made.get().id());
        }
        Optional<UUID> named = db.sql("SELECT entry_id FROM content.codex_names WHERE book_id = :book AND name_key = :key")
                .param("book", book.value()).param("key", key).query(UUID.class).optional();
        if (named.isPresent()) {
            return named;
        }
        UUID id = UUID.randomUUID();
        String description = facts.stream().filter(e -> e.fact().since().equals(ScenePosition.PLAN) && e.fact().attribute().equals("description"))
                .map(e -> e.fact().value()).filter(v -> v != null).findFirst().orElse("");
        Kind kind = switch (facts.getFirst().fact().kind()) {
            case CHARACTER -> Kind.CHARACTER;
            case PLACE -> Kind.PLACE;
            case OBJECT -> Kind.OBJECT;
            case RELATIONSHIP -> Kind.RELATIONSHIP;
        };
        int inserted = db.sql("""
                INSERT INTO content.codex_entries (id, book_id, kind, name, description, extracted_from)
                VALUES (:id, :book, :kind, :name, :description, :key)
                ON CONFLICT (book_id, extracted_from) WHERE extracted_from IS NOT NULL DO NOTHING""")
                .param("id", id).param("book", book.value()).param("kind", kind.name()).param("name", clip(subject.strip(), 200))
                .param("description", clip(description, 4000)).param("key", key).update();
        if (inserted == 0) {
            return Optional.empty();
        }
        int position = 0;
        List<String> all = new ArrayList<>(List.of(subject));
        all.addAll(aliases);
        for (String name : all) {
            db.sql("""
                    INSERT INTO content.codex_names (book_id, name_key, spelled, alias, entry_id, position)
                    VALUES (:book, :key, :spelled, :alias, :entry, :position) ON CONFLICT DO NOTHING""")
                    .param("book", book.value()).param("key", key(name)).param("spelled", clip(name.strip(), 200))
                    .param("alias", position > 0).param("entry", id).param("position", position++).update();
        }
        return Optional.of(id);
    }

    /** An extracted fact's key: a digest, so that any value fits the index. */
    private static String digest(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static String clip(String text, int most) {
        return text.length() <= most ? text : text.substring(0, most);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
