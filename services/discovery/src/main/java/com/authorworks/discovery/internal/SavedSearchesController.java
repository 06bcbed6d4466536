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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.platform.CurrentUser;

/** A reader's saved searches (run again on demand) and saved blocklist (authors and tags never shown to them). */
@RestController
@RequestMapping("/api/v1/discover")
class SavedSearchesController {

    private final SavedSearches searches;
    private final Blocklists blocklists;
    private final Discovery discovery;
    private final ReaderNames names;

    SavedSearchesController(SavedSearches searches, Blocklists blocklists, Discovery discovery, ReaderNames names) {
        this.searches = searches;
        this.blocklists = blocklists;
        this.discovery = discovery;
        this.names = names;
    }

    /** @param query the parameters of {@code GET /api/v1/discover/books} (each may be left out) */
    record NewSavedSearch(@NotNull @Size(max = SavedSearches.MAX_NAME) String name, SearchParams query) {
    }

    /** Only what is given changes. */
    record SavedSearchChange(@Size(max = SavedSearches.MAX_NAME) String name, SearchParams query) {
    }

    record SavedSearchView(UUID id, String name, SearchParams query, Instant createdAt, Instant updatedAt) {

        static SavedSearchView of(SavedSearches.SavedSearch s) {
            return new SavedSearchView(s.id(), s.name(), s.params(), s.createdAt(), s.updatedAt());
        }
    }

    record SavedSearchList(List<SavedSearchView> items) {
    }

    @PostMapping("/saved-searches")
    ResponseEntity<SavedSearchView> create(@Valid @RequestBody NewSavedSearch body) {
        CurrentUser owner = CurrentUser.require();
        return ResponseEntity.status(HttpStatus.CREATED).body(SavedSearchView.of(searches.create(owner, body.name(), body.query())));
    }

    /** The caller's saved searches, oldest first. */
    @GetMapping("/saved-searches")
    SavedSearchList mine() {
        return new SavedSearchList(searches.of(CurrentUser.require().id()).stream().map(SavedSearchView::of).toList());
    }

    @GetMapping("/saved-searches/{searchId}")
    SavedSearchView get(@PathVariable UUID searchId) {
        return SavedSearchView.of(searches.find(searchId, CurrentUser.require()));
    }

    @PatchMapping("/saved-searches/{searchId}")
    SavedSearchView change(@PathVariable UUID searchId, @Valid @RequestBody SavedSearchChange body) {
        return SavedSearchView.of(searches.update(searchId, CurrentUser.require(), body.name(), body.query()));
    }

    @DeleteMapping("/saved-searches/{searchId}")
    ResponseEntity<Void> delete(@PathVariable UUID searchId) {
        searches.delete(searchId, CurrentUser.require());
        return ResponseEntity.noContent().build();
    }

    /** Runs the saved search now, as {@code GET /books} would with its parameters (the caller's blocklist applied). */
    @GetMapping("/saved-searches/{searchId}/results")
    DiscoverController.SearchPage results(@PathVariable UUID searchId, @RequestParam(required = false) String cursor,
                                          @RequestParam(required = false) Integer size) {
        CurrentUser owner = CurrentUser.require();
        SavedSearches.SavedSearch saved = searches.find(searchId, owner);
        Discovery.Found found = discovery.search(DiscoverController.query(saved.params(), cursor, size, Optional.of(owner)), Optional.of(owner));
        return new DiscoverController.SearchPage(found.items().stream().map(DiscoverController.BookCard::of).toList(), found.total(),
                found.facets(), found.nextCursor());
    }

    /** A hidden author, with their display name as identity knows it (null when it does not, or cannot be reached). */
    record HiddenAuthor(UUID id, String name) {
    }

    record BlocklistView(List<HiddenAuthor> authors, List<String> tags) {
    }

    /** The whole blocklist; it replaces the one before. */
    record BlocklistChange(@NotNull @Size(max = Blocklists.MAX_AUTHORS) List<UUID> authors,
                           @NotNull @Size(max = Blocklists.MAX_TAGS) List<String> tags) {
    }

    @GetMapping("/blocklist")
    BlocklistView blocklist() {
        return view(blocklists.of(CurrentUser.require().id()));
    }

    @PutMapping("/blocklist")
    BlocklistView replace(@Valid @RequestBody BlocklistChange body) {
        return view(blocklists.replace(CurrentUser.require().id(), body.authors(), body.tags()));
    }

    private BlocklistView view(Blocklists.Hidden list) {
        var known = names.of(list.authors());
        return new BlocklistView(list.authors().stream().map(id -> new HiddenAuthor(id, known.get(id))).toList(), list.tags());
    }
}
