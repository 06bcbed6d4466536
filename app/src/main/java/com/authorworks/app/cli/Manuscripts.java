package com.authorworks.app.cli;

import java.util.List;

import com.authorworks.engine.DraftedBook;
import com.authorworks.publishing.Chapter;
import com.authorworks.publishing.Form;
import com.authorworks.publishing.Manuscript;
import com.authorworks.publishing.Scene;

/** A drafted book as the publishing formats take it; scenes not drafted yet are left out. */
final class Manuscripts {

    private Manuscripts() {
    }

    static Manuscript of(DraftedBook book, String author) {
        List<Chapter> chapters = book.chapters().stream()
                .map(chapter -> new Chapter(chapter.title(), chapter.scenes().stream()
                        .filter(scene -> scene.text().isPresent())
                        .map(scene -> new Scene(scene.title(), scene.text().get()))
                        .toList()))
                .filter(chapter -> !chapter.scenes().isEmpty())
                .toList();
        return new Manuscript(book.spec().title(), null, author, "en", Form.valueOf(book.spec().format().name()),
                null, null, null, chapters, book.sampleText());
    }
}
