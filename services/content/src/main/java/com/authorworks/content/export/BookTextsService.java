package com.authorworks.content.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import com.authorworks.content.AccessPolicy;
import com.authorworks.content.BookId;
import com.authorworks.content.BookText;
import com.authorworks.content.BookTexts;
import com.authorworks.content.internal.ArtifactKind;
import com.authorworks.content.internal.Artifacts;
import com.authorworks.content.internal.Book;
import com.authorworks.content.internal.Books;
import com.authorworks.content.internal.Covers;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.UserId;
import com.authorworks.publishing.Cover;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Content's side of {@link BookTexts}: the book's scenes as plain text, its characters artifact, its cover. */
@Component
@Primary // the bean to use in this process; BookTextsEndpoint serves the same contract to other processes
class BookTextsService implements BookTexts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Books books;
    private final Artifacts artifacts;
    private final Covers covers;
    private final BookManuscripts manuscripts;

    BookTextsService(Books books, Artifacts artifacts, Covers covers, BookManuscripts manuscripts) {
        this.books = books;
        this.artifacts = artifacts;
        this.covers = covers;
        this.manuscripts = manuscripts;
    }

    @Override
    public Optional<BookText> find(BookId id, UserId caller) {
        Optional<Book> found = books.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Book book = found.get();
        // the signed-in caller's roles when the call is theirs (an admin owns every book); a background job has none
        CurrentUser user = CurrentUser.find().filter(current -> current.id().equals(caller))
                .orElse(new CurrentUser(caller, Set.of()));
        AccessPolicy.Access access = book.accessOf(Optional.of(user));
        if (!access.mayRead()) {
            return Optional.empty();
        }
        List<BookText.ChapterText> chapters = new ArrayList<>();
        for (var chapter : books.readableChapters(book, Optional.of(user))) {
            List<BookText.SceneText> scenes = new ArrayList<>();
            for (var scene : books.scenes(chapter.id())) {
                String text = SceneText.plain(scene.content());
                if (!text.isBlank()) {
                    scenes.add(new BookText.SceneText(scene.id(), scene.number(), scene.title(), text));
                }
            }
            if (!scenes.isEmpty()) {
                chapters.add(new BookText.ChapterText(chapter.id(), chapter.number(), chapter.title(), scenes));
            }
        }
        Optional<Cover> cover = covers.image(book);
        return Optional.of(new BookText(book.id(), book.owner(), book.title(), manuscripts.displayName(book.owner()), book.description(), "en", access, book.readership(),
                manuscripts.writtenBySample(book), cast(book), chapters, cover.map(Cover::image).orElse(null),
                cover.map(Cover::mediaType).orElse(null), book.updatedAt()));
    }

    private List<BookText.Person> cast(Book book) {
        return artifacts.find(book.id(), ArtifactKind.CHARACTERS).map(artifact -> {
            List<BookText.Person> people = new ArrayList<>();
            JsonNode root = JSON.readTree(artifact.document());
            JsonNode list = root.isArray() ? root : root.path("characters");
            for (JsonNode person : list) {
                String name = person.path("name").asString("").strip();
                if (name.isEmpty()) {
                    continue;
                }
                List<String> aliases = new ArrayList<>();
                person.path("aliases").forEach(alias -> aliases.add(alias.asString()));
                people.add(new BookText.Person(name, aliases, text(person, "role"), text(person, "description")));
            }
            return List.copyOf(people);
        }).orElse(List.of());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }
}
