package com.authorworks.content.generation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

import com.authorworks.content.SceneDrafted;
import com.authorworks.content.internal.ArtifactKind;
import com.authorworks.content.internal.Artifacts;
import com.authorworks.content.internal.Book;
import com.authorworks.content.internal.Books;
import com.authorworks.content.internal.Chapter;
import com.authorworks.content.internal.PartStatus;
import com.authorworks.content.internal.RichText;
import com.authorworks.content.internal.Scene;
import com.authorworks.content.internal.Versions;
import com.authorworks.engine.GenerationEngine;
import com.authorworks.engine.StepKeys;
import com.authorworks.engine.StepRecord;
import com.authorworks.engine.story.Outline;

import tools.jackson.databind.json.JsonMapper;

/**
 * Copies what the engine finished into the book the author reads and edits: plan steps become
 * artifacts, the outline becomes chapters and planned scenes, drafts (or their revisions) become
 * scene text. Idempotent, so a resumed run can sync everything again without duplicating anything,
 * and it never overwrites a scene the author has edited since the generator wrote it (unless the
 * author asked for that scene to be generated again, which marks it planned).
 */
@Component
class GeneratedWork {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SCENE_STEP = Pattern.compile("(draft|revision)/c(\\d+)/s(\\d+)");
    private static final Map<String, ArtifactKind> PLAN = Map.of(
            StepKeys.GENRE, ArtifactKind.GENRE, StepKeys.STYLE, ArtifactKind.STYLE, StepKeys.CHARACTERS, ArtifactKind.CHARACTERS,
            StepKeys.SYNOPSIS, ArtifactKind.SYNOPSIS, StepKeys.OUTLINE, ArtifactKind.OUTLINE);

    /** Version origins that mean the generator wrote the text, so it may write it again. */
    private static final java.util.Set<String> GENERATOR = java.util.Set.of("planned", "generated", "revision");

    private final Books books;
    private final Artifacts artifacts;
    private final Versions versions;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    GeneratedWork(Books books, Artifacts artifacts, Versions versions, ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.books = books;
        this.artifacts = artifacts;
        this.versions = versions;
        this.events = events;
        this.transactions = transactions;
    }

    /** Brings everything the engine has finished into the book. */
    void sync(Book book, GenerationEngine engine) {
        for (String key : StepKeys.PLAN) {
            engine.step(key).ifPresent(step -> stepFinished(book, engine, step));
        }
        for (String key : engine.finishedSteps()) {
            if (SCENE_STEP.matcher(key).matches()) {
                engine.step(key).ifPresent(step -> stepFinished(book, engine, step));
            }
        }
    }

    /** One finished step: a plan artifact, a draft or a revision. Other steps leave the book as it is. */
    synchronized void stepFinished(Book book, GenerationEngine engine, StepRecord step) {
        ArtifactKind kind = PLAN.get(step.key());
        if (kind != null) {
            boolean same = artifacts.find(book.id(), kind).map(a -> JSON.readTree(a.document()).equals(JSON.readTree(step.content())))
                    .orElse(false);
            if (!same) {
                artifacts.save(book.id(), kind, step.content(), null, null, "generated");
            }
            if (kind == ArtifactKind.OUTLINE) {
                outline(book, JSON.readValue(step.content(), Outline.class));
            }
            return;
        }
        Matcher m = SCENE_STEP.matcher(step.key());
        if (!m.matches()) {
            return;
        }
        int c = Integer.parseInt(m.group(2));
        int s = Integer.parseInt(m.group(3));
        boolean revision = m.group(1).equals("revision");
        if (!revision && engine.step(StepKeys.revision(c, s)).isPresent()) {
            return;
        }
        Optional<Chapter> chapter = books.chapterAt(book.id(), c);
        Optional<Scene> scene = chapter.flatMap(ch -> books.sceneAt(ch.id(), s));
        if (scene.isEmpty()) {
            return;
        }
        Scene current = scene.get();
        boolean untouchedByAuthor = current.status() == PartStatus.PLANNED
                || versions.latestOrigin(book.id(), Versions.scene(current.id())).filter(GENERATOR::contains).isPresent();
        if (!untouchedByAuthor) {
            chapterDrafted(book, chapter.get());
            return;
        }
        String html = RichText.fromPlainText(step.content());
        if (!html.equals(current.content())) {
            Scene before = current;
            // the event is recorded with the text it announces, or not at all
            current = transactions.execute(tx -> {
                Scene saved = books.saveScene(book, chapter.get(), before, html, before.version(), null, revision ? "revision" : "generated");
                events.publishEvent(new SceneDrafted(book.id(), book.owner(), saved.id(), c, s, saved.wordCount()));
                return saved;
            });
        }
        if (current.status() == PartStatus.PLANNED) {
            books.updateScene(book, chapter.get(), current, null, PartStatus.DRAFT);
        }
        chapterDrafted(book, chapter.get());
    }

    /** A planned chapter becomes a draft once none of its scenes is still only planned. */
    private void chapterDrafted(Book book, Chapter chapter) {
        if (chapter.status() == PartStatus.PLANNED
                && books.scenes(chapter.id()).stream().noneMatch(scene -> scene.status() == PartStatus.PLANNED)) {
            books.updateChapter(book, chapter, null, null, PartStatus.DRAFT);
        }
    }

    /**
     * The author edited the outline: chapters and scenes that still carry the title (for chapters
     * also the summary) the outline gave them take the new one; a part the author renamed keeps
     * its own. Added and removed parts are left to {@link #outline} and to the author.
     */
    void outlineEdited(Book book, Outline before, Outline after) {
        int chapters = Math.min(before.chapters().size(), after.chapters().size());
        for (int c = 1; c <= chapters; c++) {
            Outline.ChapterPlan was = before.chapter(c);
            Outline.ChapterPlan now = after.chapter(c);
            Optional<Chapter> found = books.chapterAt(book.id(), c);
            if (found.isEmpty()) {
                continue;
            }
            Chapter chapter = found.get();
            String title = follows(chapter.title(), was.title(), now.title());
            String description = follows(chapter.description(), was.summary(), now.summary());
            if (title != null || description != null) {
                chapter = books.updateChapter(book, chapter, title, description, null);
            }
            List<Scene> scenes = books.scenes(chapter.id());
            int planned = Math.min(Math.min(was.scenes().size(), now.scenes().size()), scenes.size());
            for (int s = 0; s < planned; s++) {
                Scene scene = scenes.get(s);
                String sceneTitle = follows(scene.title(), was.scenes().get(s).title(), now.scenes().get(s).title());
                if (sceneTitle != null) {
                    books.updateScene(book, chapter, scene, sceneTitle, null);
                }
            }
        }
    }

    /** The new text when the current one is still the old outline's and the outline changed it, else null. */
    private static String follows(String current, String was, String now) {
        String old = was == null ? "" : was;
        String next = now == null ? "" : now;
        return old.equals(current == null ? "" : current) && !old.equals(next) ? next : null;
    }

    /**
     * Adds the outline's chapters and planned scenes that the book does not have yet (all of them
     * the first time; after an edited outline, those it added). Nothing is removed: extra chapters
     * and scenes are the author's to delete.
     */
    private void outline(Book book, Outline outline) {
        for (int c = 1; c <= outline.chapters().size(); c++) {
            Outline.ChapterPlan plan = outline.chapter(c);
            Chapter chapter = books.chapterAt(book.id(), c)
                    .orElseGet(() -> books.addChapter(book, plan.title(), plan.summary(), PartStatus.PLANNED));
            for (int s = books.scenes(chapter.id()).size(); s < plan.scenes().size(); s++) {
                books.addScene(book, chapter, plan.scenes().get(s).title(), "", PartStatus.PLANNED, null, "planned");
            }
        }
    }
}
