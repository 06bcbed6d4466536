package com.authorworks.discovery.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.authorworks.content.AccessPolicy;
import com.authorworks.content.BookDeleted;
import com.authorworks.content.BookPublished;
import com.authorworks.content.BookRead;
import com.authorworks.content.BookUnpublished;
import com.authorworks.content.PublishedBook;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.Problem;

/**
 * The discovery service's work: keeps the read model and the index in step with content's events,
 * and answers searches, trending and recommendations from them. What a caller sees is what content's
 * {@link AccessPolicy} lets them read: the index filters by the readerships the policy grants, and
 * every result is checked against the policy again before it leaves.
 */
@Component
class Discovery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Discovery.class);

    private final Catalogue catalogue;
    private final Blocklists blocklists;
    private final Charts charts;
    private final Embeddings embeddings;
    private final Path indexPath;
    private final double minSimilarity;
    private volatile SearchIndex index;

    Discovery(Catalogue catalogue, Charts charts, Embeddings embeddings, DiscoveryProperties properties,
              @Value("${authorworks.data:data}") Path data, Blocklists blocklists) {
        this.blocklists = blocklists;
        this.catalogue = catalogue;
        this.charts = charts;
        this.embeddings = embeddings;
        this.indexPath = properties.index() != null ? properties.index() : data.resolve("discovery").resolve("index");
        this.minSimilarity = properties.minSimilarity();
    }

    // --- the read model, fed by content's events ---------------------------------------------

    // Each listener runs in its own transaction: the claim holds the book's announcement row until it
    // commits, so two announcements of one book are applied one after the other, the newer last.

    @ApplicationModuleListener(id = "discovery.book-published")
    void on(BookPublished event) {
        PublishedBook book = event.book();
        if (!catalogue.claim(book.bookId().value(), event.revision())) {
            return;
        }
        if (book.readership() == AccessPolicy.Readership.OWNER) {
            // only what someone besides the owner may read belongs in the catalogue (and is worth embedding)
            takeDown(book.bookId().value());
            return;
        }
        float[] vector = embeddings.embed(CatalogueBook.describe(book.title(), book.blurb(), book.genre(), book.tags()));
        CatalogueBook entry = new CatalogueBook(book.bookId().value(), book.authorId().value(), book.authorName(), book.title(),
                book.blurb(), book.genre(), book.tags(), book.contentWarnings(), book.rating(), book.language(), book.status(),
                book.readership(), book.words(), book.chapters(), book.firstPublishedAt(), book.publishedAt(), book.updatedAt(), vector);
        catalogue.upsert(entry);
        index().put(entry, () -> catalogue.tally(entry.id()));
    }

    @ApplicationModuleListener(id = "discovery.book-unpublished")
    void on(BookUnpublished event) {
        if (catalogue.claim(event.bookId().value(), event.revision())) {
            takeDown(event.bookId().value());
        }
    }

    private void takeDown(UUID book) {
        catalogue.remove(book);
        index().remove(book);
    }

    @ApplicationModuleListener(id = "discovery.book-deleted")
    void on(BookDeleted event) {
        catalogue.forget(event.bookId().value());
        index().remove(event.bookId().value());
    }

    @ApplicationModuleListener(id = "discovery.book-read")
    void on(BookRead event) {
        catalogue.read(event.bookId().value(), event.readerId().value(), event.at());
    }

    /** Remakes the index from the read model (admins only); returns how many books it holds. */
    int reindex(CurrentUser caller) {
        if (!caller.isAdmin()) {
            throw Problem.forbidden("admin-only", "Only an admin can rebuild the search index.");
        }
        return index().rebuild(catalogue);
    }

    // --- answers -----------------------------------------------------------------------------

    record Found(List<Item> items, long total, Map<String, List<SearchIndex.Facet>> facets, String nextCursor) {
    }

    /** A book in a list, with why it is there: a score and, for recommendations, the book it is like. */
    record Item(CatalogueBook book, Double score, String reason, UUID because) {
    }

    /** The books the caller's lists may hold: readable by them, of the genre (null: any), without these tags or what they blocked. */
    private Charts.Filter filter(Optional<CurrentUser> caller, String genre, List<String> excludedTags) {
        return new Charts.Filter(AccessPolicy.readableBy(caller), genre, excludedTags, blocklists.hidden(caller));
    }

    Found search(Query query, Optional<CurrentUser> caller) {
        float[] vector = query.hasText() ? embeddings.embed(query.text()) : null;
        SearchIndex.Results results = index().search(query.hiding(blocklists.hidden(caller)), vector);
        Map<UUID, CatalogueBook> books = catalogue.find(results.hits().stream().map(SearchIndex.Hit::id).toList());
        List<Item> items = new ArrayList<>();
        for (SearchIndex.Hit hit : results.hits()) {
            CatalogueBook book = books.get(hit.id());
            if (book != null && readable(book, caller)) {
                items.add(new Item(book, Double.isNaN(hit.score()) ? null : hit.score(), null, null));
            }
        }
        return new Found(items, results.total(), results.facets(), results.next() == null ? null : results.next().encode());
    }

    record Trending(List<Catalogue.Trend> items, long total) {
    }

    /** Trending among the books the caller may read of the genre (null: all) without the hidden tags; {@code since} null: every reader counts. */
    Trending trending(Optional<CurrentUser> caller, String genre, List<String> excludedTags, java.time.LocalDate since, long offset, int size) {
        Charts.Filter filter = filter(caller, genre, excludedTags);
        List<Catalogue.Trend> trends = catalogue.trending(filter, since, size, offset).stream()
                .filter(trend -> readable(trend.book(), caller)).toList();
        return new Trending(trends, catalogue.count(filter));
    }

    record Popular(List<Charts.Popular> items, long total) {
    }

    /** Popular this week: the most points from readers' starts, follows and first ratings in the last seven days. */
    Popular popular(Optional<CurrentUser> caller, String genre, List<String> excludedTags, int days, long offset, int size) {
        Charts.Filter filter = filter(caller, genre, excludedTags);
        java.time.LocalDate since = Charts.since(days);
        return new Popular(charts.popular(filter, since, size, offset).stream().filter(p -> readable(p.book(), caller)).toList(),
                charts.countPopular(filter, since));
    }

    Charts.Popular explainPopular(UUID book, int days, Optional<CurrentUser> caller) {
        return charts.popularity(book, Charts.since(days)).filter(p -> readable(p.book(), caller))
                .orElseThrow(() -> Problem.notFound("book-not-found", "No published book " + book + "."));
    }

    record Rising(List<Charts.Rising> items, long total) {
    }

    Rising rising(Optional<CurrentUser> caller, String genre, List<String> excludedTags, long offset, int size) {
        Charts.Filter filter = filter(caller, genre, excludedTags);
        return new Rising(charts.rising(filter, size, offset).stream().filter(r -> readable(r.book(), caller)).toList(),
                charts.countRising(filter));
    }

    Charts.Rising explainRising(UUID book, Optional<CurrentUser> caller) {
        return charts.risingParts(book).filter(r -> readable(r.book(), caller))
                .orElseThrow(() -> Problem.notFound("book-not-found", "No published book " + book + "."));
    }

    Catalogue.Trend explain(UUID book, Optional<CurrentUser> caller) {
        return catalogue.trend(book).filter(trend -> readable(trend.book(), caller))
                .orElseThrow(() -> Problem.notFound("book-not-found", "No published book " + book + "."));
    }

    /** The published books someone rated that the caller may read, by Bayesian average. */
    record BestRated(List<Catalogue.Rated> items, long total) {
    }

    BestRated bestRated(Optional<CurrentUser> caller, String genre, long offset, int size) {
        Charts.Filter filter = filter(caller, genre, List.of());
        List<Catalogue.Rated> rated = catalogue.bestRated(filter, size, offset).stream()
                .filter(r -> readable(r.book(), caller)).toList();
        return new BestRated(rated, catalogue.countRated(filter));
    }

    /** One book's best-rated parts (a book nobody rated is explained too: its score is the prior's). */
    Catalogue.Rated explainRating(UUID book, Optional<CurrentUser> caller) {
        return catalogue.rated(book).filter(r -> readable(r.book(), caller))
                .orElseThrow(() -> Problem.notFound("book-not-found", "No published book " + book + "."));
    }

    /** Brings the book's follows and rating sort values in the index up to its tally (after a follow or rating committed). */
    void retally(UUID book) {
        index().retally(book, () -> catalogue.tally(book));
    }

    /**
     * Books like the ones the reader started: nearest to the mean of their embeddings, never one they
     * started or wrote, each with the book of theirs it is closest to. Without a reading history
     * (or signed out), the trending list.
     */
    List<Item> recommendations(Optional<CurrentUser> caller, int size) {
        List<CatalogueBook> history = caller.map(user -> catalogue.history(user.id().value(), 20)).orElse(List.of());
        if (history.isEmpty()) {
            return trending(caller, null, List.of(), null, 0, size).items().stream()
                    .map(trend -> new Item(trend.book(), trend.score(), "trending", null)).toList();
        }
        UUID reader = caller.orElseThrow().id().value();
        float[] profile = new float[Embeddings.DIMENSIONS];
        for (CatalogueBook read : history) {
            for (int i = 0; i < profile.length; i++) {
                profile[i] += read.embedding()[i];
            }
        }
        Blocklists.Hidden hidden = blocklists.hidden(caller);
        List<UUID> authors = java.util.stream.Stream.concat(java.util.stream.Stream.of(reader), hidden.authors().stream()).toList();
        List<SearchIndex.Hit> hits = index().nearest(Embeddings.normalise(profile), size, AccessPolicy.readableBy(caller),
                catalogue.readBy(reader), authors, hidden.tags());
        Map<UUID, CatalogueBook> books = catalogue.find(hits.stream().map(SearchIndex.Hit::id).toList());
        List<Item> items = new ArrayList<>();
        for (SearchIndex.Hit hit : hits) {
            CatalogueBook book = books.get(hit.id());
            if (book != null && readable(book, caller)) {
                CatalogueBook because = history.stream()
                        .max(Comparator.comparingDouble(read -> Embeddings.cosine(read.embedding(), book.embedding()))).orElseThrow();
                items.add(new Item(book, hit.score(), "because-you-read", because.id()));
            }
        }
        return items;
    }

    List<Catalogue.TagCount> tags(Optional<CurrentUser> caller, String prefix, int size) {
        return catalogue.tags(AccessPolicy.readableBy(caller), blocklists.hidden(caller), prefix, size);
    }

    Optional<CatalogueBook> book(UUID id) {
        return catalogue.find(id);
    }

    private static boolean readable(CatalogueBook book, Optional<CurrentUser> caller) {
        return AccessPolicy.access(new com.authorworks.platform.UserId(book.authorId()), book.readership(), caller).mayRead();
    }

    // --- lifecycle ---------------------------------------------------------------------------

    private SearchIndex index() {
        SearchIndex current = index;
        if (current == null) {
            throw new IllegalStateException("The search index is not open yet");
        }
        return current;
    }

    /** Opens the index, and rebuilds it when it does not hold what the read model holds (new, deleted, or out of step). */
    @Override
    public synchronized void start() {
        SearchIndex opened = new SearchIndex(indexPath, minSimilarity);
        long expected = catalogue.count();
        if (opened.size() != expected || !opened.current()) {
            log.info("The search index at {} holds {} books (fields version {}), the catalogue {}: rebuilding it", indexPath, opened.size(),
                    opened.current() ? SearchIndex.FIELDS_VERSION : "older", expected);
            opened.rebuild(catalogue);
        }
        index = opened;
    }

    @Override
    public synchronized void stop() {
        if (index != null) {
            try {
                index.close();
            } catch (java.io.IOException e) {
                log.warn("Closing the search index failed", e);
            }
            index = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return index != null;
    }

    @Override
    public int getPhase() {
        // open before the web server starts taking requests (which starts at a later phase)
        return Integer.MIN_VALUE + 1000;
    }
}
