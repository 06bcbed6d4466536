package com.authorworks.content.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.authorworks.content.BookDeleted;
import com.authorworks.content.AccessPolicy;
import com.authorworks.content.Audience;
import com.authorworks.content.BookId;
import com.authorworks.content.Publication;
import com.authorworks.content.ChapterId;
import com.authorworks.content.SceneId;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Page;
import com.authorworks.platform.PageRequest;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;
import com.authorworks.storage.FileId;
import com.authorworks.storage.FilesReleased;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Books, their chapters and scenes in PostgreSQL, looked up through the {@link AccessPolicy}: a book
 * the caller may not read does not exist for them (404), so ids cannot be probed; a book they may
 * read but not change (a published book of someone else's) is read through {@link #readable} only.
 */
@Component
public class Books {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient db;
    private final Versions versions;
    private final BookFiles files;
    private final ApplicationEventPublisher events;
    private final ChapterGates gates;

    Books(JdbcClient db, Versions versions, BookFiles files, ApplicationEventPublisher events, ChapterGates gates) {
        this.db = db;
        this.versions = versions;
        this.files = files;
        this.events = events;
        this.gates = gates;
    }

    // --- access policy -------------------------------------------------------------------------

    /** The book if the user may see and change it (the owner, an admin); else a 404 {@code book-not-found}. */
    public Book require(BookId id, CurrentUser user) {
        return find(id).filter(book -> book.accessOf(Optional.of(user)) == AccessPolicy.Access.OWN)
                .orElseThrow(() -> notFound(id));
    }

    /** The book if the caller (signed in or not) may read it; else a 404 {@code book-not-found}. */
    public Book readable(BookId id, Optional<CurrentUser> caller) {
        return find(id).filter(book -> book.accessOf(caller).mayRead()).orElseThrow(() -> notFound(id));
    }

    public Optional<Book> find(BookId id) {
        return db.sql("SELECT * FROM content.books WHERE id = :id").param("id", id.value()).query(Books::book).optional();
    }

    private static Problem notFound(BookId id) {
        return Problem.notFound("book-not-found", "No book " + id + ".");
    }

    // --- books ---------------------------------------------------------------------------------

    public Page<Book> list(UserId owner, BookStatus status, BookFormat format, String q, PageRequest page) {
        String where = " WHERE user_id = :user AND (CAST(:status AS text) IS NULL OR status = :status)"
                + " AND (CAST(:format AS text) IS NULL OR format = :format)"
                + " AND (CAST(:q AS text) IS NULL OR title ILIKE '%' || :q || '%' ESCAPE '\\' OR description ILIKE '%' || :q || '%' ESCAPE '\\')";
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("user", owner.value());
        params.put("status", status == null ? null : status.name());
        params.put("format", format == null ? null : format.wire());
        params.put("q", q == null || q.isBlank() ? null : q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
        long total = db.sql("SELECT count(*) FROM content.books" + where).params(params).query(Long.class).single();
        List<Book> items = db.sql("SELECT * FROM content.books" + where + " ORDER BY updated_at DESC, id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset()).query(Books::book).list();
        return Page.of(items, page, total);
    }

    /**
     * An author's shelf: every book of theirs when {@code everything} (the owner's own view), else
     * only their published books whose audience is one of {@code audiences}; newest publication first.
     */
    public Page<Book> shelf(UserId owner, boolean everything, List<Audience> audiences, PageRequest page) {
        String where = " WHERE user_id = :user AND (:everything OR (publication = 'PUBLISHED' AND audience IN (:audiences)))";
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("user", owner.value());
        params.put("everything", everything);
        params.put("audiences", audiences.isEmpty() ? List.of("-") : audiences.stream().map(Enum::name).toList());
        long total = db.sql("SELECT count(*) FROM content.books" + where).params(params).query(Long.class).single();
        List<Book> items = db.sql("SELECT * FROM content.books" + where
                        + " ORDER BY published_at DESC NULLS LAST, updated_at DESC, id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset()).query(Books::book).list();
        return Page.of(items, page, total);
    }

    @Transactional
    public Book create(UserId owner, String title, String description, BookFormat format, BookStatus status, String metadata) {
        BookId id = BookId.random();
        db.sql("""
                INSERT INTO content.books (id, user_id, title, description, format, status, metadata_json)
                VALUES (:id, :user, :title, :description, :format, :status, CAST(:metadata AS jsonb))""")
                .param("id", id.value()).param("user", owner.value()).param("title", title)
                .param("description", description == null ? "" : description).param("format", format.wire())
                .param("status", status.name()).param("metadata", metadata == null ? "{}" : metadata).update();
        return find(id).orElseThrow();
    }

    @Transactional
    public Book update(Book book, String title, String description, BookStatus status, String metadata) {
        db.sql("""
                UPDATE content.books SET title = coalesce(:title, title), description = coalesce(:description, description),
                  status = coalesce(:status, status), metadata_json = coalesce(CAST(:metadata AS jsonb), metadata_json),
                  updated_at = now()
                WHERE id = :id""")
                .param("id", book.id().value()).param("title", title).param("description", description)
                .param("status", status == null ? null : status.name()).param("metadata", metadata).update();
        return find(book.id()).orElseThrow();
    }

    public void setStatus(BookId id, BookStatus status) {
        db.sql("UPDATE content.books SET status = :status, updated_at = now() WHERE id = :id")
                .param("id", id.value()).param("status", status.name()).update();
    }

    public void touch(BookId id) {
        db.sql("UPDATE content.books SET updated_at = now() WHERE id = :id").param("id", id.value()).update();
    }

    /**
     * A copy of the book under a new title: its chapters and scenes with their text and statuses (each scene's
     * text as version 1 of the copy), description and format. Its history, generation jobs, cover and exports stay
     * with the original; the copy was written by hand from here on (not {@code generated}).
     */
    @Transactional
    public Book duplicate(Book book, String title) {
        ObjectNode metadata = (ObjectNode) JSON.readTree(book.metadata() == null ? "{}" : book.metadata());
        metadata.remove("generated");
        metadata.put("duplicateOf", book.id().toString());
        Book copy = create(book.owner(), title, book.description(), book.format(), BookStatus.DRAFT, metadata.toString());
        for (Chapter chapter : chapters(book.id())) {
            Chapter copied = addChapter(copy, chapter.title(), chapter.description(), chapter.status());
            for (Scene scene : scenes(chapter.id())) {
                addScene(copy, copied, scene.title(), scene.content(), scene.status(), book.owner(),
                        scene.content().isEmpty() ? Versions.PLANNED : "duplicate");
            }
        }
        return find(copy.id()).orElseThrow();
    }

    /**
     * Deletes the book and, in the same transaction, publishes {@link BookDeleted} and releases the files it
     * kept in storage ({@link FilesReleased}), so storage frees them even if it is down right now (the event
     * waits in the registry until storage's listener has run).
     */
    @Transactional
    public void delete(Book book) {
        List<FileId> kept = files.of(book.id());
        db.sql("DELETE FROM content.books WHERE id = :id").param("id", book.id().value()).update();
        events.publishEvent(new BookDeleted(book.id(), book.owner()));
        if (!kept.isEmpty()) {
            events.publishEvent(new FilesReleased(book.owner(), kept));
        }
    }

    public long words(BookId id) {
        return db.sql("""
                SELECT coalesce(sum(s.word_count), 0) FROM content.scenes s JOIN content.chapters c ON c.id = s.chapter_id
                WHERE c.book_id = :id""").param("id", id.value()).query(Long.class).single();
    }

    /** A book's words and how many of its scenes are drafted (more than the outline's plan). */
    public record Counts(long words, int scenes, int drafted) {
        public static final Counts NONE = new Counts(0, 0, 0);
    }

    /** {@link Counts} of several books in one query; a book without scenes is absent. */
    public Map<BookId, Counts> counts(List<BookId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<BookId, Counts> counts = new java.util.HashMap<>();
        db.sql("""
                SELECT c.book_id, coalesce(sum(s.word_count), 0) AS words, count(s.id) AS scenes,
                       count(s.id) FILTER (WHERE s.status <> 'PLANNED') AS drafted
                FROM content.chapters c JOIN content.scenes s ON s.chapter_id = c.id
                WHERE c.book_id IN (:ids) GROUP BY c.book_id""")
                .param("ids", ids.stream().map(BookId::value).toList())
                .query((rs, row) -> counts.put(new BookId(rs.getObject("book_id", UUID.class)),
                        new Counts(rs.getLong("words"), rs.getInt("scenes"), rs.getInt("drafted")))).list();
        return counts;
    }

    // --- chapters ------------------------------------------------------------------------------

    public List<Chapter> chapters(BookId book) {
        return db.sql("SELECT * FROM content.chapters WHERE book_id = :book ORDER BY number")
                .param("book", book.value()).query(Books::chapter).list();
    }

    public Chapter chapter(Book book, ChapterId id) {
        return db.sql("SELECT * FROM content.chapters WHERE id = :id AND book_id = :book")
                .param("id", id.value()).param("book", book.id().value()).query(Books::chapter).optional()
                .orElseThrow(() -> Problem.notFound("chapter-not-found", "No chapter " + id + " in this book."));
    }

    /**
     * The chapters the caller may read in full, in order: every one for the owner, the released ones for a reader
     * that their gating lets them read (the {@link AccessPolicy}'s chapter decision; locked chapters are left out).
     */
    public List<Chapter> readableChapters(Book book, Optional<CurrentUser> caller) {
        return visibleChapters(book, caller).stream().filter(gated -> gated.decision().mayRead()).map(Gated::chapter).toList();
    }

    /** A chapter with the policy's decision for one caller: read in full, or locked (a teaser). */
    public record Gated(Chapter chapter, AccessPolicy.ChapterDecision decision) {
    }

    /** The chapters the caller sees, in order: those they read and those locked for them (membership gating). */
    public List<Gated> visibleChapters(Book book, Optional<CurrentUser> caller) {
        List<Chapter> all = chapters(book.id());
        Map<ChapterId, AccessPolicy.ChapterDecision> decisions = gates.decide(book, all, caller);
        return all.stream().map(chapter -> new Gated(chapter, decisions.get(chapter.id())))
                .filter(gated -> gated.decision().visible()).toList();
    }

    /** The teaser a reader of a chapter locked for them gets: its first words, plain. */
    public String teaser(ChapterId chapter) {
        return gates.teaser(chapter);
    }

    /** The chapter if the caller sees it (read or locked); else a 404 {@code chapter-not-found}, as for one that does not exist. */
    public Gated visibleChapter(Book book, ChapterId id, Optional<CurrentUser> caller) {
        Chapter chapter = chapter(book, id);
        AccessPolicy.ChapterDecision decision = gates.decide(book, chapter, caller);
        if (!decision.visible()) {
            throw Problem.notFound("chapter-not-found", "No chapter " + id + " in this book.");
        }
        return new Gated(chapter, decision);
    }

    public Optional<Chapter> chapterAt(BookId book, int number) {
        return db.sql("SELECT * FROM content.chapters WHERE book_id = :book AND number = :number")
                .param("book", book.value()).param("number", number).query(Books::chapter).optional();
    }

    @Transactional
    public Chapter addChapter(Book book, String title, String description, PartStatus status) {
        ChapterId id = ChapterId.random();
        lockBook(book.id());
        db.sql("""
                INSERT INTO content.chapters (id, book_id, number, title, description, status)
                VALUES (:id, :book, (SELECT coalesce(max(number), 0) + 1 FROM content.chapters WHERE book_id = :book),
                        :title, :description, :status)""")
                .param("id", id.value()).param("book", book.id().value()).param("title", title)
                .param("description", description == null ? "" : description).param("status", status.name()).update();
        touch(book.id());
        return chapter(book, id);
    }

    @Transactional
    public Chapter updateChapter(Book book, Chapter chapter, String title, String description, PartStatus status) {
        db.sql("""
                UPDATE content.chapters SET title = coalesce(:title, title), description = coalesce(:description, description),
                  status = coalesce(:status, status) WHERE id = :id""")
                .param("id", chapter.id().value()).param("title", title).param("description", description)
                .param("status", status == null ? null : status.name()).update();
        touch(book.id());
        return chapter(book, chapter.id());
    }

    @Transactional
    public void deleteChapter(Book book, Chapter chapter) {
        lockBook(book.id());
        db.sql("DELETE FROM content.chapters WHERE id = :id").param("id", chapter.id().value()).update();
        db.sql("UPDATE content.chapters SET number = number - 1 WHERE book_id = :book AND number > :number")
                .param("book", book.id().value()).param("number", chapter.number()).update();
        touch(book.id());
    }

    /** Puts the chapters in the given order; the list must name every chapter of the book exactly once. */
    @Transactional
    public List<Chapter> reorderChapters(Book book, List<UUID> order) {
        lockBook(book.id());
        List<UUID> current = chapters(book.id()).stream().map(c -> c.id().value()).toList();
        requirePermutation(current, order, "chapter");
        for (int i = 0; i < order.size(); i++) {
            db.sql("UPDATE content.chapters SET number = :number WHERE id = :id")
                    .param("number", i + 1).param("id", order.get(i)).update();
        }
        touch(book.id());
        return chapters(book.id());
    }

    // --- scenes --------------------------------------------------------------------------------

    public List<Scene> scenes(ChapterId chapter) {
        return db.sql("SELECT * FROM content.scenes WHERE chapter_id = :chapter ORDER BY number")
                .param("chapter", chapter.value()).query(Books::scene).list();
    }

    public Scene scene(Chapter chapter, SceneId id) {
        return db.sql("SELECT * FROM content.scenes WHERE id = :id AND chapter_id = :chapter")
                .param("id", id.value()).param("chapter", chapter.id().value()).query(Books::scene).optional()
                .orElseThrow(() -> Problem.notFound("scene-not-found", "No scene " + id + " in this chapter."));
    }

    public Optional<Scene> sceneAt(ChapterId chapter, int number) {
        return db.sql("SELECT * FROM content.scenes WHERE chapter_id = :chapter AND number = :number")
                .param("chapter", chapter.value()).param("number", number).query(Books::scene).optional();
    }

    /** Adds a scene at the end of the chapter; its text is sanitised and saved as version 1. */
    @Transactional
    public Scene addScene(Book book, Chapter chapter, String title, String html, PartStatus status, UserId author, String origin) {
        SceneId id = SceneId.random();
        lockBook(book.id());
        String content = RichText.sanitise(html);
        int words = RichText.wordCount(content);
        db.sql("""
                INSERT INTO content.scenes (id, chapter_id, number, title, content, word_count, status, version)
                VALUES (:id, :chapter, (SELECT coalesce(max(number), 0) + 1 FROM content.scenes WHERE chapter_id = :chapter),
                        :title, :content, :words, :status, 1)""")
                .param("id", id.value()).param("chapter", chapter.id().value()).param("title", title)
                .param("content", content).param("words", words).param("status", status.name()).update();
        versions.append(book.id(), Versions.scene(id), 1, content, words, author, origin);
        touch(book.id());
        return scene(chapter, id);
    }

    /**
     * Saves new text as the scene's next version. With a {@code baseVersion} the save only applies
     * if nobody saved since; otherwise it is refused with 409 {@code edit-conflict} naming the
     * current version, and the caller's text is not lost (they still hold it; nothing was overwritten).
     */
    @Transactional
    public Scene saveScene(Book book, Chapter chapter, Scene scene, String html, Integer baseVersion, UserId author, String origin) {
        String content = RichText.sanitise(html);
        int words = RichText.wordCount(content);
        Optional<Integer> saved = db.sql("""
                UPDATE content.scenes SET content = :content, word_count = :words, version = version + 1
                WHERE id = :id AND (CAST(:base AS integer) IS NULL OR version = :base) RETURNING version""")
                .param("id", scene.id().value()).param("content", content).param("words", words).param("base", baseVersion)
                .query(Integer.class).optional();
        if (saved.isEmpty()) {
            Scene current = scene(chapter, scene.id());
            throw editConflict(baseVersion, current.version());
        }
        versions.append(book.id(), Versions.scene(scene.id()), saved.get(), content, words, author, origin);
        touch(book.id());
        events.publishEvent(new com.authorworks.content.SceneRevised(book.id(), book.owner(), scene.id(), saved.get(), origin));
        return scene(chapter, scene.id());
    }

    public static Problem editConflict(Integer base, int current) {
        return new Problem(HttpStatus.CONFLICT, "edit-conflict", "Someone saved version " + current
                + " since version " + base + " you edited: load it, merge your changes and save again.",
                Map.of("currentVersion", current));
    }

    @Transactional
    public Scene updateScene(Book book, Chapter chapter, Scene scene, String title, PartStatus status) {
        db.sql("UPDATE content.scenes SET title = coalesce(:title, title), status = coalesce(:status, status) WHERE id = :id")
                .param("id", scene.id().value()).param("title", title).param("status", status == null ? null : status.name()).update();
        touch(book.id());
        return scene(chapter, scene.id());
    }

    @Transactional
    public void deleteScene(Book book, Chapter chapter, Scene scene) {
        lockBook(book.id());
        db.sql("DELETE FROM content.scenes WHERE id = :id").param("id", scene.id().value()).update();
        db.sql("UPDATE content.scenes SET number = number - 1 WHERE chapter_id = :chapter AND number > :number")
                .param("chapter", chapter.id().value()).param("number", scene.number()).update();
        touch(book.id());
    }

    @Transactional
    public List<Scene> reorderScenes(Book book, Chapter chapter, List<UUID> order) {
        lockBook(book.id());
        List<UUID> current = scenes(chapter.id()).stream().map(s -> s.id().value()).toList();
        requirePermutation(current, order, "scene");
        for (int i = 0; i < order.size(); i++) {
            db.sql("UPDATE content.scenes SET number = :number WHERE id = :id").param("number", i + 1).param("id", order.get(i)).update();
        }
        touch(book.id());
        return scenes(chapter.id());
    }

    /** Serialises structural changes (numbering) of one book. */
    private void lockBook(BookId id) {
        db.sql("SELECT id FROM content.books WHERE id = :id FOR UPDATE").param("id", id.value()).query(UUID.class).optional();
    }

    private static void requirePermutation(List<UUID> current, List<UUID> order, String what) {
        if (order == null || order.size() != current.size() || !new HashSet<>(order).equals(new HashSet<>(current))) {
            throw Problem.badRequest("invalid-order", "The order must list every " + what + " id exactly once ("
                    + current.size() + " of them).");
        }
    }

    // --- mapping -------------------------------------------------------------------------------

    static Book book(ResultSet rs, int row) throws SQLException {
        Listing listing = new Listing(rs.getString("blurb"), rs.getString("genre"), strings(rs.getString("tags")),
                strings(rs.getString("content_warnings")), rs.getString("rating"), rs.getString("language"), rs.getString("serial_status"));
        return new Book(new BookId(rs.getObject("id", UUID.class)), new UserId(rs.getObject("user_id", UUID.class)),
                rs.getString("title"), rs.getString("description"), BookFormat.valueOf(rs.getString("format").toUpperCase().replace('-', '_')),
                BookStatus.valueOf(rs.getString("status")), rs.getString("metadata_json"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                Publication.valueOf(rs.getString("publication")), Audience.valueOf(rs.getString("audience")),
                instant(rs, "publish_at"), instant(rs, "first_published_at"), instant(rs, "published_at"), listing);
    }

    private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static List<String> strings(String jsonArray) {
        List<String> values = new java.util.ArrayList<>();
        JSON.readTree(jsonArray).forEach(node -> values.add(node.asString()));
        return values;
    }

    private static Chapter chapter(ResultSet rs, int row) throws SQLException {
        return new Chapter(new ChapterId(rs.getObject("id", UUID.class)), new BookId(rs.getObject("book_id", UUID.class)),
                rs.getInt("number"), rs.getString("title"), rs.getString("description"), PartStatus.valueOf(rs.getString("status")),
                Publication.valueOf(rs.getString("publication")), instant(rs, "publish_at"), instant(rs, "published_at"));
    }

    private static Scene scene(ResultSet rs, int row) throws SQLException {
        return new Scene(new SceneId(rs.getObject("id", UUID.class)), new ChapterId(rs.getObject("chapter_id", UUID.class)),
                rs.getInt("number"), rs.getString("title"), rs.getString("content"), rs.getInt("word_count"),
                PartStatus.valueOf(rs.getString("status")), rs.getInt("version"));
    }
}
