package com.authorworks.content.scenes;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.authorworks.content.AccessPolicy;
import com.authorworks.content.BookId;
import com.authorworks.content.ChapterId;
import com.authorworks.content.SceneId;
import com.authorworks.content.Scenes;
import com.authorworks.content.internal.Book;
import com.authorworks.content.internal.Books;
import com.authorworks.content.internal.ChapterGates;
import com.authorworks.content.internal.Chapter;
import com.authorworks.content.internal.Scene;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;
import com.authorworks.platform.UserId;

/** The {@link Scenes} contract in the content service's own process. */
@Component
@Primary
class SceneTexts implements Scenes {

    private final Books books;
    private final JdbcClient db;
    private final ChapterGates gates;

    SceneTexts(Books books, JdbcClient db, ChapterGates gates) {
        this.books = books;
        this.db = db;
        this.gates = gates;
    }

    @Override
    public SceneText read(UserId user, SceneId id) {
        Located located = locate(id);
        // the chapter's access: a reader of the book reads only its released chapters, and a gated one only as a member
        AccessPolicy.ChapterDecision decision = gates.decide(located.book(), located.chapter(), Optional.of(caller(user)));
        if (!decision.mayRead()) {
            throw notFound(id);
        }
        return view(located, books.scene(located.chapter(), id), decision.access());
    }

    @Override
    public SceneText save(UserId user, SceneId id, SceneEdit edit) {
        if (edit == null || edit.html() == null) {
            throw Problem.badRequest("html-required", "The scene's new text (html) is required.");
        }
        Located located = locate(id);
        CurrentUser caller = caller(user);
        if (located.book().accessOf(Optional.of(caller)) != AccessPolicy.Access.OWN) {
            throw notFound(id);
        }
        Scene scene = books.scene(located.chapter(), id);
        String origin = edit.origin() == null || edit.origin().isBlank() ? "editor" : edit.origin();
        Scene saved = books.saveScene(located.book(), located.chapter(), scene, edit.html(), edit.baseVersion(), user, origin);
        return view(located, saved, AccessPolicy.Access.OWN);
    }

    /** The request's own user keeps their roles (an admin stays one); a user named by a service token has none. */
    private static CurrentUser caller(UserId user) {
        return CurrentUser.find().filter(current -> current.id().equals(user)).orElse(new CurrentUser(user, Set.of()));
    }

    private record Located(Book book, Chapter chapter) {
    }

    private Located locate(SceneId id) {
        Optional<UUID[]> ids = db.sql("""
                SELECT c.book_id, s.chapter_id FROM content.scenes s JOIN content.chapters c ON c.id = s.chapter_id
                WHERE s.id = :id""").param("id", id.value())
                .query((rs, row) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).optional();
        if (ids.isEmpty()) {
            throw notFound(id);
        }
        Book book = books.find(new BookId(ids.get()[0])).orElseThrow(() -> notFound(id));
        Chapter chapter = books.chapters(book.id()).stream().filter(c -> c.id().equals(new ChapterId(ids.get()[1])))
                .findFirst().orElseThrow(() -> notFound(id));
        return new Located(book, chapter);
    }

    private static SceneText view(Located located, Scene scene, AccessPolicy.Access access) {
        return new SceneText(scene.id(), located.book().id(), located.chapter().id(), scene.title(), scene.content(),
                scene.version(), access);
    }

    private static Problem notFound(SceneId id) {
        return Problem.notFound("scene-not-found", "No scene " + id + ".");
    }
}
