package com.authorworks.discovery.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.content.AccessPolicy;
import com.authorworks.identity.PublicProfile;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;

/** An author's public page: who they are (identity's published profile), their published books, their readers, their public lists. */
@RestController
@RequestMapping("/api/v1/discover/authors")
class AuthorsController {

    static final int MAX_BOOKS = 100;

    private final Catalogue catalogue;
    private final ReaderNames profiles;
    private final ReadingLists lists;

    AuthorsController(Catalogue catalogue, ReaderNames profiles, ReadingLists lists) {
        this.catalogue = catalogue;
        this.profiles = profiles;
        this.lists = lists;
    }

    /**
     * @param displayName null (like the other profile fields) when identity does not know the author or cannot be reached
     * @param followers the author's followers in identity
     * @param bookFollowers the follows of their books shown here, added up
     */
    record AuthorPage(UUID id, String username, String displayName, String bio, String avatarUrl, List<String> links, Long followers,
                      long bookFollowers, List<DiscoverController.BookCard> books, List<ReadingListsController.ListSummary> lists) {
    }

    /** The author's published books the caller may read, newest first (at most 100); 404 for someone with neither a profile nor a book. */
    @GetMapping("/{id}")
    AuthorPage author(@PathVariable UUID id) {
        Optional<CurrentUser> caller = CurrentUser.find();
        List<AccessPolicy.Readership> readable = AccessPolicy.readableBy(caller);
        List<CatalogueBook> books = catalogue.byAuthor(id, readable, MAX_BOOKS);
        Optional<PublicProfile> profile = profiles.profile(id);
        if (profile.isEmpty() && books.isEmpty()) {
            throw Problem.notFound("author-not-found", "No author " + id + ".");
        }
        return new AuthorPage(id, profile.map(PublicProfile::username).orElse(null), profile.map(PublicProfile::displayName).orElse(null),
                profile.map(PublicProfile::bio).orElse(null), profile.map(PublicProfile::avatarUrl).orElse(null),
                profile.map(PublicProfile::links).orElse(List.of()), profile.map(PublicProfile::followers).orElse(null),
                catalogue.followersOfBooksBy(id, readable),
                books.stream().map(book -> DiscoverController.BookCard.of(new Discovery.Item(book, null, null, null))).toList(),
                lists.of(id, caller).stream().map(ReadingListsController.ListSummary::of).toList());
    }
}
