package com.authorworks.discovery.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.authorworks.content.AccessPolicy;
import com.authorworks.platform.CurrentUser;
import com.authorworks.platform.PageRequest;
import com.authorworks.platform.Problem;

/** The seed's discovery endpoints: search, trending and best rated (each with its explanation), recommendations and reindexing. */
@RestController
@RequestMapping("/api/v1/discover")
class DiscoverController {

    private static final int MAX_TEXT = 500;
    private static final int MAX_VALUES = 20;

    private final Discovery discovery;

    DiscoverController(Discovery discovery) {
        this.discovery = discovery;
    }

    /** A published book as lists show it. */
    record BookCard(String id, String title, String authorId, String authorName, String blurb, String genre, List<String> tags,
                    List<String> contentWarnings, String rating, String language, String status, long words, int chapters,
                    Instant publishedAt, Instant updatedAt, Double score, String reason, String because) {

        static BookCard of(Discovery.Item item) {
            CatalogueBook b = item.book();
            return new BookCard(b.id().toString(), b.title(), b.authorId().toString(), b.authorName(), b.blurb(), b.genre(), b.tags(),
                    b.contentWarnings(), b.rating(), b.language(), b.status(), b.words(), b.chapters(), b.firstPublishedAt(),
                    b.updatedAt(), item.score(), item.reason(), item.because() == null ? null : item.because().toString());
        }
    }

    record SearchPage(List<BookCard> items, long total, Map<String, List<SearchIndex.Facet>> facets, String nextCursor) {
    }

    @GetMapping("/books")
    SearchPage books(@RequestParam(required = false) String q,
                     @RequestParam(required = false) List<String> genre,
                     @RequestParam(required = false) List<String> tag,
                     @RequestParam(required = false) List<String> excludeTag,
                     @RequestParam(required = false) Long minWords,
                     @RequestParam(required = false) Long maxWords,
                     @RequestParam(required = false) String updatedSince,
                     @RequestParam(required = false) List<String> status,
                     @RequestParam(required = false) List<String> rating,
                     @RequestParam(required = false) List<String> language,
                     @RequestParam(required = false) String sort,
                     @RequestParam(required = false) String cursor,
                     @RequestParam(required = false) Integer size) {
        Optional<CurrentUser> caller = CurrentUser.find();
        Query query = query(new SearchParams(q, genre, tag, excludeTag, minWords, maxWords, updatedSince, status, rating, language, sort),
                cursor, size, caller);
        Discovery.Found found = discovery.search(query, caller);
        return new SearchPage(found.items().stream().map(BookCard::of).toList(), found.total(), found.facets(), found.nextCursor());
    }

    /** The search these parameters make, validated as {@code /books} validates them (a saved search is checked the same way). */
    static Query query(SearchParams p, String cursor, Integer size, Optional<CurrentUser> caller) {
        String text = p.q() == null ? null : p.q().strip();
        if (text != null && text.length() > MAX_TEXT) {
            throw Problem.badRequest("query-too-long", "A search is at most " + MAX_TEXT + " characters.");
        }
        Long minWords = p.minWords();
        Long maxWords = p.maxWords();
        if (minWords != null && minWords < 0 || maxWords != null && maxWords < 0
                || minWords != null && maxWords != null && minWords > maxWords) {
            throw Problem.badRequest("invalid-word-range", "minWords and maxWords are 0 or more, minWords not above maxWords.");
        }
        Query.Sort order = sort(p.sort(), text != null && !text.isEmpty());
        return new Query(text, values("genre", p.genre()), values("tag", p.tag()), values("excludeTag", p.excludeTag()), List.of(),
                minWords, maxWords, instant(p.updatedSince()),
                values("status", p.status()), values("rating", p.rating()), values("language", p.language()), order,
                cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor, order), size(size),
                AccessPolicy.readableBy(caller));
    }

    record TrendingPage(List<TrendingBook> items, int page, int size, long total) {
    }

    record TrendingBook(BookCard book, long reads, double score) {
    }

    /** The trending list: readers over the book's age, Hacker News style ({@code /trending/explain?book=} shows one book's parts). */
    @GetMapping("/trending")
    TrendingPage trending(@RequestParam(required = false) String genre, @RequestParam(required = false) List<String> excludeTag,
                          @RequestParam(required = false) String window, PageRequest page) {
        Optional<CurrentUser> caller = CurrentUser.find();
        Window within = Window.of(window, Window.ALL);
        Discovery.Trending trending = discovery.trending(caller, genre(genre), values("excludeTag", excludeTag),
                within.days == null ? null : Charts.since(within.days), page.offset(), page.size());
        return new TrendingPage(trending.items().stream()
                .map(t -> new TrendingBook(BookCard.of(new Discovery.Item(t.book(), t.score(), "trending", null)), t.reads(), t.score()))
                .toList(), page.page(), page.size(), trending.total());
    }

    /** A list's time window: the last day, week (seven UTC days, today included), month (30) or all time. */
    enum Window {
        DAY(1), WEEK(7), MONTH(30), ALL(null);

        final Integer days;

        Window(Integer days) {
            this.days = days;
        }

        static final List<String> WIRE = Arrays.stream(values()).map(w -> w.name().toLowerCase(Locale.ROOT)).toList();

        static Window of(String text, Window fallback) {
            if (text == null || text.isBlank()) {
                return fallback;
            }
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Problem(HttpStatus.BAD_REQUEST, "invalid-window", "window is one of " + String.join(", ", WIRE) + ".",
                        Map.of("allowed", WIRE));
            }
        }

        int daysOrAll() {
            return days == null ? 365 * 100 : days;
        }
    }

    record PopularPage(List<PopularBook> items, String window, int page, int size, long total) {
    }

    /** @param points reads × 1 + follows × 2 + first ratings × 3 within the window */
    record PopularBook(BookCard book, long reads, long follows, long ratings, long points) {

        static PopularBook of(Charts.Popular p) {
            return new PopularBook(BookCard.of(new Discovery.Item(p.book(), (double) p.points(), "popular", null)), p.reads(), p.follows(),
                    p.ratings(), p.points());
        }
    }

    /** Popular this week (or {@code window=day|month|all}): the most readers' starts, follows and first ratings in the window. */
    @GetMapping("/popular")
    PopularPage popular(@RequestParam(required = false) String genre, @RequestParam(required = false) List<String> excludeTag,
                        @RequestParam(required = false) String window, PageRequest page) {
        Window within = Window.of(window, Window.WEEK);
        Discovery.Popular popular = discovery.popular(CurrentUser.find(), genre(genre), values("excludeTag", excludeTag), within.daysOrAll(),
                page.offset(), page.size());
        return new PopularPage(popular.items().stream().map(PopularBook::of).toList(), within.name().toLowerCase(Locale.ROOT), page.page(),
                page.size(), popular.total());
    }

    record PopularExplanation(String bookId, String formula, String window, long reads, long follows, long ratings, long points) {
    }

    @GetMapping("/popular/explain")
    PopularExplanation explainPopular(@RequestParam String book, @RequestParam(required = false) String window) {
        Window within = Window.of(window, Window.WEEK);
        Charts.Popular p = discovery.explainPopular(bookId(book), within.daysOrAll(), CurrentUser.find());
        return new PopularExplanation(p.book().id().toString(), "points = reads * " + Charts.READ_POINTS + " + follows * " + Charts.FOLLOW_POINTS
                + " + first ratings * " + Charts.RATING_POINTS + ", within the window", within.name().toLowerCase(Locale.ROOT), p.reads(),
                p.follows(), p.ratings(), p.points());
    }

    record RisingPage(List<RisingBook> items, int page, int size, long total) {
    }

    /** @param priorAudience the followers of the author's books published before this one; {@code debut} when there are none */
    /** @param reservedSlot placed by the debuts' reserved slots (3 of every 10 places), not by its score */
    record RisingBook(BookCard book, long points, double ageDays, long priorAudience, boolean debut, double score, boolean reservedSlot) {

        static RisingBook of(Charts.Rising r) {
            return new RisingBook(BookCard.of(new Discovery.Item(r.book(), r.score(), "rising-star", null)), r.points(), r.ageDays(),
                    r.priorAudience(), r.debut(), r.score(), r.reserved());
        }
    }

    /** Rising stars: books first published in the last 30 days, by readers' interest for their age, damped by the author's prior audience. */
    @GetMapping("/rising-stars")
    RisingPage rising(@RequestParam(required = false) String genre, @RequestParam(required = false) List<String> excludeTag, PageRequest page) {
        Discovery.Rising rising = discovery.rising(CurrentUser.find(), genre(genre), values("excludeTag", excludeTag), page.offset(), page.size());
        return new RisingPage(rising.items().stream().map(RisingBook::of).toList(), page.page(), page.size(), rising.total());
    }

    record RisingExplanation(String bookId, String formula, long reads, long follows, long ratings, long points, double ageDays,
                             long priorAudience, boolean debut, boolean eligible, double score) {
    }

    @GetMapping("/rising-stars/explain")
    RisingExplanation explainRising(@RequestParam String book) {
        Charts.Rising r = discovery.explainRising(bookId(book), CurrentUser.find());
        return new RisingExplanation(r.book().id().toString(), "score = points / (D + 1) / (1 + ln(1 + A)); points = reads * "
                + Charts.READ_POINTS + " + follows * " + Charts.FOLLOW_POINTS + " + first ratings * " + Charts.RATING_POINTS
                + ", D = days since first published, A = followers of the author's earlier books; of every 10 places at least 3 go to"
                + " debuts while any are left (reservedSlot in the list)", r.reads(), r.follows(), r.ratings(),
                r.points(), r.ageDays(), r.priorAudience(), r.debut(), r.points() > 0 && r.ageDays() <= Charts.RISING_DAYS, r.score());
    }

    record Tags(List<Catalogue.TagCount> items) {
    }

    /** Tags of the books the caller may read starting with {@code prefix} (any case), with how many books carry each; most used first. */
    @GetMapping("/tags")
    Tags tags(@RequestParam(required = false) String prefix, @RequestParam(required = false) Integer size) {
        String start = prefix == null ? "" : prefix.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (start.length() > 100) {
            throw Problem.badRequest("invalid-prefix", "prefix is at most 100 characters.");
        }
        return new Tags(discovery.tags(CurrentUser.find(), start, size(size)));
    }

    record Explanation(String bookId, String formula, long readers, double points, double ageHours, double gravity, double score) {
    }

    @GetMapping("/trending/explain")
    Explanation explain(@RequestParam String book) {
        UUID id = bookId(book);
        Catalogue.Trend trend = discovery.explain(id, CurrentUser.find());
        return new Explanation(id.toString(), "score = (P - 1) / (T + 2)^G; P = readers + 1 (the author), T = hours since first published",
                trend.reads(), trend.reads() + 1, trend.ageHours(), Catalogue.GRAVITY, trend.score());
    }

    record BestRatedPage(List<RatedBook> items, int page, int size, long total) {
    }

    /** @param mean the mean overall mark (1–5); {@code score} the Bayesian average the list is ordered by */
    record RatedBook(BookCard book, long ratings, double mean, double score) {
    }

    /** The best-rated list: published books someone rated, by Bayesian average ({@code /best-rated/explain?book=} shows one book's parts). */
    @GetMapping("/best-rated")
    BestRatedPage bestRated(@RequestParam(required = false) String genre, PageRequest page) {
        Optional<CurrentUser> caller = CurrentUser.find();
        List<String> genres = values("genre", genre == null ? null : List.of(genre));
        Discovery.BestRated rated = discovery.bestRated(caller, genres.isEmpty() ? null : genres.getFirst(), page.offset(), page.size());
        return new BestRatedPage(rated.items().stream()
                .map(r -> new RatedBook(BookCard.of(new Discovery.Item(r.book(), r.tally().score(), "best-rated", null)), r.tally().ratings(),
                        r.tally().mean(), r.tally().score()))
                .toList(), page.page(), page.size(), rated.total());
    }

    /** @param mean null when nobody rated the book (its score is then the prior mean) */
    record RatingExplanation(String bookId, String formula, long ratings, long overallSum, Double mean, double priorMean, int priorWeight,
                             double score) {
    }

    @GetMapping("/best-rated/explain")
    RatingExplanation explainRating(@RequestParam String book) {
        Catalogue.Tally tally = discovery.explainRating(bookId(book), CurrentUser.find()).tally();
        return new RatingExplanation(book.strip(), "score = (C * m + S) / (C + n); n = ratings, S = the sum of their overall marks (1-5), "
                + "m = the prior mean, C = the prior's weight in ratings", tally.ratings(), tally.overallSum(), tally.mean(),
                Catalogue.PRIOR_MEAN, Catalogue.PRIOR_WEIGHT, tally.score());
    }

    record Recommendations(List<BookCard> items) {
    }

    /** Books like those the caller started reading ({@code reason: because-you-read}, {@code because}: which); else trending. */
    @GetMapping("/recommendations")
    Recommendations recommendations(@RequestParam(required = false) Integer size) {
        return new Recommendations(discovery.recommendations(CurrentUser.find(), size(size)).stream().map(BookCard::of).toList());
    }

    record Reindexed(int indexed) {
    }

    /** Rebuilds the search index from discovery's read model (admins only). */
    @PostMapping("/index")
    Reindexed reindex() {
        return new Reindexed(discovery.reindex(CurrentUser.require()));
    }

    /** An ISO-8601 instant ({@code 2026-12-01T10:00:00Z}) or day ({@code 2026-12-01}, its start in UTC); null when not given. */
    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            return value.length() == 10 ? java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    : java.time.OffsetDateTime.parse(value).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw Problem.badRequest("invalid-updated-since", "updatedSince is an ISO-8601 day (2026-12-01) or time (2026-12-01T10:00:00Z).");
        }
    }

    private static String genre(String genre) {
        List<String> genres = values("genre", genre == null ? null : List.of(genre));
        return genres.isEmpty() ? null : genres.getFirst();
    }

    /** The book a {@code book=} parameter names; not a book id is a book we don't have. */
    private static UUID bookId(String book) {
        try {
            return UUID.fromString(book.strip());
        } catch (IllegalArgumentException e) {
            throw Problem.notFound("book-not-found", "No published book " + abbreviate(book) + ".");
        }
    }

    private static final List<String> SORTS = Arrays.stream(Query.Sort.values()).map(Query.Sort::wire).toList();

    private static Query.Sort sort(String text, boolean hasText) {
        if (text == null || text.isBlank()) {
            return hasText ? Query.Sort.RELEVANCE : Query.Sort.PUBLISHED;
        }
        try {
            return Query.Sort.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Problem(HttpStatus.BAD_REQUEST, "invalid-sort", "sort is one of " + String.join(", ", SORTS) + ".",
                    Map.of("allowed", SORTS));
        }
    }

    static int size(Integer size) {
        if (size == null) {
            return PageRequest.DEFAULT_SIZE;
        }
        if (size < 1 || size > PageRequest.MAX_SIZE) {
            throw Problem.badRequest("invalid-page-size", "size is 1 to " + PageRequest.MAX_SIZE + ".");
        }
        return size;
    }

    /** Filter values in their wire form (lower case, hyphens); tags keep their spaces. */
    static List<String> values(String name, List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (String value : raw) {
            String clean = value(name, value);
            if (!clean.isEmpty()) {
                values.add(clean);
            }
        }
        if (values.size() > MAX_VALUES) {
            throw Problem.badRequest("invalid-filter", "At most " + MAX_VALUES + " " + name + " values.");
        }
        return values;
    }

    /** One filter value in its wire form; empty when there is none. */
    static String value(String name, String raw) {
        String clean = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (clean.length() > 100) {
            throw Problem.badRequest("invalid-filter", name + " values are at most 100 characters.");
        }
        return name.toLowerCase(Locale.ROOT).contains("tag") ? clean : clean.replace(' ', '-').replace('_', '-');
    }

    private static String abbreviate(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
    }
}
