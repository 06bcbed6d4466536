package com.authorworks.content.book;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.content.BookId;
import com.authorworks.content.internal.Book;
import com.authorworks.content.internal.Books;
import com.authorworks.content.internal.Chapter;
import com.authorworks.content.internal.Scene;
import com.authorworks.platform.CurrentUser;

/**
 * Find and replace across a book's scenes ({@link TextSearch}: text only, never markup). Find is a
 * preview; replace saves each changed scene as its next version, all of them or none, so history
 * can take any of them back.
 */
@RestController
@RequestMapping("/api/v1/books/{id}")
class FindReplaceController {

    /** Matches shown in context per scene; the count is always complete. */
    static final int SAMPLES_PER_SCENE = 5;

    private final Books books;
    private final TransactionTemplate transaction;

    FindReplaceController(Books books, TransactionTemplate transaction) {
        this.books = books;
        this.transaction = transaction;
    }

    /** The options are off unless sent as true. */
    record FindRequest(@NotNull String find, Boolean matchCase, Boolean wholeWord, Boolean regex) {

        TextSearch.Options options() {
            return new TextSearch.Options(find, Boolean.TRUE.equals(matchCase), Boolean.TRUE.equals(wholeWord), Boolean.TRUE.equals(regex));
        }
    }

    /**
     * @param versions the scenes to change and the version of each the author previewed: a scene
     *                 saved since is left alone (and named in {@code changedSincePreview}); absent, every scene
     */
    record ReplaceRequest(@NotNull String find, @NotNull String replace, Boolean matchCase, Boolean wholeWord, Boolean regex,
                          @Size(max = 5_000) Map<UUID, Integer> versions) {

        TextSearch.Options options() {
            return new FindRequest(find, matchCase, wholeWord, regex).options();
        }
    }

    record SceneMatches(String chapterId, int chapterNumber, String chapterTitle, String sceneId, int sceneNumber, String sceneTitle,
                        int version, int count, List<TextSearch.Sample> samples) {
    }

    record FindResult(int total, List<SceneMatches> scenes) {
    }

    record ReplaceResult(int replaced, int scenesChanged, List<String> changedSincePreview) {
    }

    @PostMapping("/find")
    FindResult find(@PathVariable("id") BookId id, @Valid @RequestBody FindRequest body) {
        Book book = books.require(id, CurrentUser.require());
        TextSearch search = new TextSearch(body.options());
        List<SceneMatches> found = new ArrayList<>();
        int total = 0;
        for (Chapter chapter : books.chapters(book.id())) {
            for (Scene scene : books.scenes(chapter.id())) {
                TextSearch.Found matches = search.find(scene.content(), SAMPLES_PER_SCENE);
                if (matches.count() > 0) {
                    total += matches.count();
                    found.add(new SceneMatches(chapter.id().toString(), chapter.number(), chapter.title(), scene.id().toString(),
                            scene.number(), scene.title(), scene.version(), matches.count(), matches.samples()));
                }
            }
        }
        return new FindResult(total, found);
    }

    @PostMapping("/replace")
    ReplaceResult replace(@PathVariable("id") BookId id, @Valid @RequestBody ReplaceRequest body) {
        CurrentUser user = CurrentUser.require();
        Book book = books.require(id, user);
        TextSearch search = new TextSearch(body.options());
        return transaction.execute(tx -> {
            int replaced = 0;
            int changed = 0;
            List<String> moved = new ArrayList<>();
            for (Chapter chapter : books.chapters(book.id())) {
                for (Scene scene : books.scenes(chapter.id())) {
                    Integer previewed = body.versions() == null ? null : body.versions().get(scene.id().value());
                    if (body.versions() != null && previewed == null) {
                        continue;
                    }
                    if (previewed != null && previewed != scene.version()) {
                        moved.add(scene.id().toString());
                        continue;
                    }
                    TextSearch.Replaced result = search.replace(scene.content(), body.replace());
                    if (result.count() > 0) {
                        books.saveScene(book, chapter, scene, result.html(), scene.version(), user.id(), "edit");
                        replaced += result.count();
                        changed++;
                    }
                }
            }
            return new ReplaceResult(replaced, changed, moved);
        });
    }
}
