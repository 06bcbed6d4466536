package com.authorworks.engine.internal;

import com.authorworks.engine.BookSpec;
import com.authorworks.engine.CheckpointStore;
import com.authorworks.engine.StepKeys;
import com.authorworks.engine.StepRecord;
import com.authorworks.engine.story.Outline;

/** Renders the drafted work as Markdown, chapter by chapter, using each scene's final (revised) text. */
public final class BookRenderer {

    private BookRenderer() {
    }

    public static String markdown(CheckpointStore store) {
        BookSpec spec = Json.read(store.get(StepKeys.SPEC).orElseThrow(() -> new IllegalStateException("Not a book: no spec")), BookSpec.class);
        StringBuilder md = new StringBuilder("# ").append(spec.title()).append("\n\n");
        var outlineRecord = store.get(StepKeys.OUTLINE);
        if (outlineRecord.isEmpty()) {
            return md.append("_Not planned yet._\n").toString();
        }
        Outline outline = Json.read(Json.read(outlineRecord.get(), StepRecord.class).content(), Outline.class);
        boolean code = spec.format() == com.authorworks.engine.Format.SCREENPLAY || spec.format() == com.authorworks.engine.Format.TV_EPISODE;
        for (int c = 1; c <= outline.chapters().size(); c++) {
            Outline.ChapterPlan chapter = outline.chapter(c);
            md.append("## ").append(spec.format().unit()).append(' ').append(c).append(": ").append(chapter.title()).append("\n\n");
            for (int s = 1; s <= chapter.scenes().size(); s++) {
                String draftKey = StepKeys.draft(c, s);
                var text = store.get(StepKeys.revision(c, s)).or(() -> store.get(draftKey))
                        .map(json -> Json.read(json, StepRecord.class).content());
                if (s > 1) {
                    md.append(code ? "\n" : "* * *\n\n");
                }
                if (text.isEmpty()) {
                    md.append("_Not drafted yet._\n\n");
                } else if (code) {
                    md.append("```fountain\n").append(text.get().strip()).append("\n```\n\n");
                } else {
                    md.append(text.get().strip()).append("\n\n");
                }
            }
        }
        return md.toString();
    }
}
