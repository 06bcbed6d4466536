package com.authorworks.content.export;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.authorworks.content.internal.Book;
import com.authorworks.content.internal.BookFormat;
import com.authorworks.content.internal.BookStatus;
import com.authorworks.content.internal.Books;
import com.authorworks.content.internal.PartStatus;
import com.authorworks.content.internal.RichText;
import com.authorworks.platform.UserId;
import com.authorworks.publishing.Chapter;
import com.authorworks.publishing.Manuscript;
import com.authorworks.publishing.Scene;

/**
 * An imported manuscript as a new book, all or nothing: its chapters and scenes in order, each scene's
 * Markdown (Fountain for scripts) turned into HTML and saved through the usual sanitiser as version 1.
 */
@Component
class ManuscriptImports {

    static final String ORIGIN = "import";

    private final Books books;

    ManuscriptImports(Books books) {
        this.books = books;
    }

    @Transactional
    Book create(UserId owner, Manuscript manuscript) {
        BookFormat format = format(manuscript);
        Book book = books.create(owner, cut(manuscript.title(), 300), cut(manuscript.description(), 5000), format,
                BookStatus.DRAFT, "{}");
        int chapterNumber = 0;
        for (Chapter chapter : manuscript.chapters()) {
            chapterNumber++;
            String title = chapter.title().isBlank() ? "Chapter " + chapterNumber : chapter.title();
            var added = books.addChapter(book, cut(title, 300), null, PartStatus.DRAFT);
            int sceneNumber = 0;
            for (Scene scene : chapter.scenes()) {
                sceneNumber++;
                String html = manuscript.form().isScript() ? RichText.fromPlainText(scene.body()) : SceneText.html(scene.body());
                books.addScene(book, added, cut(scene.title() == null ? "Scene " + sceneNumber : scene.title(), 300), html,
                        PartStatus.DRAFT, owner, ORIGIN);
            }
        }
        return books.find(book.id()).orElseThrow();
    }

    /** Publishing's form as a book format; poetry has none of its own and is kept as a novel. */
    private static BookFormat format(Manuscript manuscript) {
        return switch (manuscript.form()) {
            case POETRY -> BookFormat.NOVEL;
            default -> BookFormat.valueOf(manuscript.form().name());
        };
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max);
    }
}
