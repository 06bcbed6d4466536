package com.authorworks.discovery.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.platform.CurrentUser;

/** Readers' reading lists: create, rename, share or hide, delete, and the books in them, in the reader's order. */
@RestController
@RequestMapping("/api/v1/discover/lists")
class ReadingListsController {

    private final ReadingLists lists;

    ReadingListsController(ReadingLists lists) {
        this.lists = lists;
    }

    /** @param visibility {@code private} (the default) or {@code public} */
    record NewList(@NotNull @Size(max = ReadingLists.MAX_NAME) String name, @Size(max = ReadingLists.MAX_DESCRIPTION) String description,
                   String visibility) {
    }

    /** Only what is given changes. */
    record ListChange(@Size(max = ReadingLists.MAX_NAME) String name, @Size(max = ReadingLists.MAX_DESCRIPTION) String description,
                      String visibility) {
    }

    record BookOrder(@NotNull @Size(max = ReadingLists.MAX_BOOKS) List<UUID> bookIds) {
    }

    /** @param books how many of its books are published just now */
    record ListSummary(UUID id, UUID ownerId, String name, String description, String visibility, int books, Instant createdAt,
                       Instant updatedAt) {

        static ListSummary of(ReadingLists.ReadingList l) {
            return new ListSummary(l.id(), l.ownerId(), l.name(), l.description(), l.visibility(), l.books(), l.createdAt(), l.updatedAt());
        }
    }

    /** A list with its books the caller may read, in order. */
    record ListView(UUID id, UUID ownerId, String name, String description, String visibility, List<DiscoverController.BookCard> books,
                    Instant createdAt, Instant updatedAt) {
    }

    record Lists(List<ListSummary> items) {
    }

    @PostMapping
    ResponseEntity<ListView> create(@Valid @RequestBody NewList body) {
        CurrentUser owner = CurrentUser.require();
        Boolean isPublic = ReadingLists.isPublic(body.visibility());
        ReadingLists.ReadingList list = lists.create(owner, body.name(), body.description(), isPublic != null && isPublic);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(list, Optional.of(owner)));
    }

    /** The caller's lists, oldest first. */
    @GetMapping
    Lists mine() {
        CurrentUser owner = CurrentUser.require();
        return new Lists(lists.of(owner.id().value(), Optional.of(owner)).stream().map(ListSummary::of).toList());
    }

    /** A public list, or one of the caller's; a private list of someone else's is 404. */
    @GetMapping("/{listId}")
    ListView list(@PathVariable UUID listId) {
        Optional<CurrentUser> caller = CurrentUser.find();
        return view(lists.visible(listId, caller), caller);
    }

    @PatchMapping("/{listId}")
    ListView change(@PathVariable UUID listId, @Valid @RequestBody ListChange body) {
        CurrentUser owner = CurrentUser.require();
        return view(lists.change(listId, owner, body.name(), body.description(), ReadingLists.isPublic(body.visibility())), Optional.of(owner));
    }

    @DeleteMapping("/{listId}")
    ResponseEntity<Void> delete(@PathVariable UUID listId) {
        lists.delete(listId, CurrentUser.require());
        return ResponseEntity.noContent().build();
    }

    /** Adds a published book the caller may read at the end of the list (one already there stays where it is). */
    @PutMapping("/{listId}/books/{id}")
    ListView add(@PathVariable UUID listId, @PathVariable UUID id) {
        CurrentUser owner = CurrentUser.require();
        return view(lists.add(listId, id, owner), Optional.of(owner));
    }

    @DeleteMapping("/{listId}/books/{id}")
    ResponseEntity<Void> remove(@PathVariable UUID listId, @PathVariable UUID id) {
        lists.remove(listId, id, CurrentUser.require());
        return ResponseEntity.noContent().build();
    }

    /** Puts the given books first, in that order (the others keep theirs after them). */
    @PutMapping("/{listId}/order")
    ListView reorder(@PathVariable UUID listId, @Valid @RequestBody BookOrder body) {
        CurrentUser owner = CurrentUser.require();
        return view(lists.reorder(listId, body.bookIds(), owner), Optional.of(owner));
    }

    private ListView view(ReadingLists.ReadingList list, Optional<CurrentUser> caller) {
        return new ListView(list.id(), list.ownerId(), list.name(), list.description(), list.visibility(),
                lists.books(list, caller).stream().map(book -> DiscoverController.BookCard.of(new Discovery.Item(book, null, null, null))).toList(),
                list.createdAt(), list.updatedAt());
    }
}
