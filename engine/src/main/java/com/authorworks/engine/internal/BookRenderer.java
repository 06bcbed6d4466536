package com.authorworks.engine.internal;

import java.util.ArrayList;
import java.util.List;

import com.authorworks.engine.BookSpec;
import com.authorworks.engine.CheckpointStore;
import com.authorworks.engine.DraftedBook;
import com.authorworks.engine.Format;
import com.authorworks.engine.StepKeys;
import com.authorworks.engine.StepRecord;
import com.authorworks.engine.story.Outline;

/** Reads the drafted work out of the checkpoints, using each scene's final (revised) text. */
public final class BookRenderer {

    private BookRenderer() {
    }

    public static DraftedBook book(CheckpointStore store) {
        BookSpec spec = Json.read(store.get(StepKeys.SPEC).orElseThrow(() -> new IllegalStateException("Not a book: no spec")), BookSpec.class);
        var outlineRecord = store.get(StepKeys.OUTLINE);
        if (outlineRecord.isEmpty()) {
            return new DraftedBook(spec, List.of());
        }
        Outline outline = Json.read(Json.read(outlineRecord.get(), StepRecord.class).content(), Outline.class);
        List<DraftedBook.Chapter> chapters = new ArrayList<>();
        for (int c = 1; c <= outline.chapters().size(); c++) {
            Outline.ChapterPlan plan = outline.chapter(c);
            List<DraftedBook.Scene> scenes = new ArrayList<>();
            for (int s = 1; s <= plan.scenes().size(); s++) {
                String draftKey = StepKeys.draft(c, s);
                var text = store.get(StepKeys.revision(c, s)).or(() -> store.get(draftKey))
                        .map(json -> Json.read(json, StepRecord.class).content().strip());
                scenes.add(new DraftedBook.Scene(s, plan.scenes().get(s - 1).title(), text));
            }
            chapters.add(new DraftedBook.Chapter(c, plan.title(), scenes));
        }
        return new DraftedBook(spec, chapters);
    }

    public static String markdown(CheckpointStore store) {
        DraftedBook book = book(store);
        Format format = book.spec().format();
        StringBuilder md = new StringBuilder("# ").append(book.spec().title()).append("\n\n");
        if (book.chapters().isEmpty()) {
            return md.append("_Not planned yet._\n").toString();
        }
        boolean code = format.script();
        for (DraftedBook.Chapter chapter : book.chapters()) {
            md.append("## ").append(format.unit()).append(' ').append(chapter.number()).append(": ")
                    .append(chapter.title()).append("\n\n");
            for (DraftedBook.Scene scene : chapter.scenes()) {
                if (scene.number() > 1) {
                    md.append(code ? "\n" : "* * *\n\n");
                }
                if (scene.text().isEmpty()) {
                    md.append("_Not drafted yet._\n\n");
                } else if (code) {
                    md.append("```fountain\n").append(scene.text().get()).append("\n```\n\n");
                } else {
                    md.append(scene.text().get()).append("\n\n");
                }
            }
        }
        return md.toString();
    }
}
