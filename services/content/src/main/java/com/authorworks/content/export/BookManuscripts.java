package com.authorworks.content.export;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.authorworks.content.internal.Book;
import com.authorworks.content.internal.Books;
import com.authorworks.content.internal.Covers;
import com.authorworks.identity.IdentityUnavailableException;
import com.authorworks.identity.PublicProfile;
import com.authorworks.identity.Users;
import com.authorworks.platform.UserId;
import com.authorworks.publishing.Chapter;
import com.authorworks.publishing.Form;
import com.authorworks.publishing.Manuscript;
import com.authorworks.publishing.Scene;

/** A book as publishing's {@link Manuscript}: its chapters and non-empty scenes in order, bodies converted. */
@Component
class BookManuscripts {

    private static final Logger log = LoggerFactory.getLogger(BookManuscripts.class);

    private final Books books;
    private final Covers covers;
    private final JdbcClient db;
    private final ObjectProvider<Users> users;

    BookManuscripts(Books books, Covers covers, JdbcClient db, ObjectProvider<Users> users) {
        this.books = books;
        this.covers = covers;
        this.db = db;
        this.users = users;
    }

    Manuscript of(Book book, String author) {
        Form form = form(book);
        List<Chapter> chapters = new ArrayList<>();
        for (var chapter : books.chapters(book.id())) {
            List<Scene> scenes = new ArrayList<>();
            for (var scene : books.scenes(chapter.id())) {
                String body = form.isScript() ? SceneText.plain(scene.content()) : SceneText.markdown(scene.content());
                if (!body.isBlank()) {
                    scenes.add(new Scene(scene.title(), body));
                }
            }
            if (!scenes.isEmpty()) {
                chapters.add(new Chapter(chapter.title(), scenes));
            }
        }
        return new Manuscript(book.title(), null, author == null ? displayName(book.owner()) : author, "en", form, null,
                book.description(), covers.image(book).orElse(null), chapters, writtenBySample(book));
    }

    static Form form(Book book) {
        return Form.valueOf(book.format().name());
    }

    /**
     * The owner's display name, else their username, from identity (in this process or over HTTP); publishing's
     * "Anonymous" when there is no identity to ask or it cannot be reached now (the export form sends the name the
     * author typed, which wins over all of these).
     */
    String displayName(UserId owner) {
        Users directory = users.getIfAvailable();
        try {
            return directory == null ? null : directory.findProfile(owner).map(BookManuscripts::authorName).orElse(null);
        } catch (IdentityUnavailableException e) {
            log.warn("Identity cannot be asked for the name of user {}: {}", owner, e.getMessage());
            return null;
        }
    }

    static String authorName(PublicProfile profile) {
        return profile.displayName() != null && !profile.displayName().isBlank() ? profile.displayName().strip() : profile.username();
    }

    /** Whether the offline sample writer wrote (some of) the book: then every export must say it is sample text. */
    boolean writtenBySample(Book book) {
        return db.sql("""
                SELECT EXISTS (SELECT 1 FROM content.generation_jobs
                               WHERE book_id = :book AND coalesce(request ->> 'provider', 'sample') = 'sample')""")
                .param("book", book.id().value()).query(Boolean.class).single();
    }
}
