package com.authorworks.discovery.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

import com.authorworks.content.AccessPolicy;

/**
 * The Lucene index over the catalogue: BM25 over title, blurb, tags and author; a vector per book
 * (HNSW, cosine) for semantic search; filters, facets and sorts over the listing fields. It is a cache
 * of the read model: every book is written from a {@link CatalogueBook}, and {@link #rebuild} remakes it.
 */
class SearchIndex implements AutoCloseable {

    /** Reciprocal rank fusion's k: the usual 60 (Cormack et al.), which keeps one list's top from drowning the other. */
    static final int RRF_K = 60;
    /** How many hits of each kind are fused; relevance-sorted results page within them. */
    static final int FUSED = 1000;

    private static final Map<String, Float> TEXT_FIELDS = Map.of("title", 3f, "tags_text", 2f, "author", 2f, "blurb", 1f);
    /** The documents' fields as this version writes them; an index written with others is rebuilt (2: followers and rated). */
    static final String FIELDS_VERSION = "2";

    private static final List<String> FACETS = List.of("genre", "tag", "rating", "language", "status");

    private final Directory directory;
    private final Analyzer analyzer = new PerFieldAnalyzerWrapper(new EnglishAnalyzer());
    private final FacetsConfig facets = new FacetsConfig();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ReentrantLock writing = new ReentrantLock();
    private final double minScore;
    private volatile FacetState facetState;

    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    SearchIndex(Path path, double minSimilarity) {
        try {
            Files.createDirectories(path);
            this.directory = FSDirectory.open(path);
            this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index at " + path, e);
        }
        facets.setMultiValued("tag", true);
        // Lucene's cosine score is (1 + cos) / 2
        this.minScore = (1 + minSimilarity) / 2;
    }

    int size() {
        return writer.getDocStats().numDocs;
    }

    /** Writes the book with its readers' tally, read under the write lock so a tally written meanwhile is not lost. */
    void put(CatalogueBook book, Supplier<Catalogue.Tally> tally) {
        writing.lock();
        try {
            writer.updateDocument(new Term("id", book.id().toString()), facets.build(document(book, tally.get())));
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writing.unlock();
        }
    }

    /**
     * Updates the book's follows and rating sort values in place (no re-analysis, no new vector); a book
     * not in the index is left alone. The tally is read under the write lock, so of two changes the
     * later one's tally is the one that stays.
     */
    void retally(UUID id, Supplier<Catalogue.Tally> tally) {
        writing.lock();
        try {
            Catalogue.Tally current = tally.get();
            writer.updateDocValues(new Term("id", id.toString()), new NumericDocValuesField("followers", current.followers()),
                    new DoubleDocValuesField("rated", current.score()));
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writing.unlock();
        }
    }

    void remove(UUID id) {
        writing.lock();
        try {
            writer.deleteDocuments(new Term("id", id.toString()));
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writing.unlock();
        }
    }

    /** Remakes the index from the catalogue; searches see the old index until the new one is complete. */
    int rebuild(Catalogue catalogue) {
        writing.lock();
        try {
            writer.deleteAll();
            int[] count = {0};
            Map<UUID, Catalogue.Tally> tallies = catalogue.tallies();
            catalogue.each(book -> {
                try {
                    writer.addDocument(facets.build(document(book, tallies.getOrDefault(book.id(), Catalogue.Tally.NONE))));
                    count[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            commit();
            return count[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writing.unlock();
        }
    }

    /** Whether the index was written with this version's fields (else it is rebuilt at start). */
    boolean current() {
        try {
            return DirectoryReader.indexExists(directory)
                    && FIELDS_VERSION.equals(SegmentInfos.readLatestCommit(directory).getUserData().get("fields"));
        } catch (IOException e) {
            return false;
        }
    }

    private void commit() throws IOException {
        writer.setLiveCommitData(Map.of("fields", FIELDS_VERSION).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private static Document document(CatalogueBook book, Catalogue.Tally tally) {
        Document doc = new Document();
        String id = book.id().toString();
        doc.add(new StringField("id", id, Field.Store.YES));
        doc.add(new SortedDocValuesField("id", new BytesRef(id)));
        doc.add(new TextField("title", book.title(), Field.Store.NO));
        doc.add(new SortedDocValuesField("title_sort", new BytesRef(book.title().toLowerCase(Locale.ROOT))));
        doc.add(new TextField("blurb", book.blurb(), Field.Store.NO));
        doc.add(new TextField("tags_text", String.join(" . ", book.tags()), Field.Store.NO));
        if (book.authorName() != null) {
            doc.add(new TextField("author", book.authorName(), Field.Store.NO));
        }
        doc.add(new StringField("author_id", book.authorId().toString(), Field.Store.NO));
        doc.add(new StringField("readership", book.readership().name(), Field.Store.NO));
        keyword(doc, "genre", book.genre());
        keyword(doc, "rating", book.rating());
        keyword(doc, "language", book.language());
        keyword(doc, "status", book.status());
        book.tags().forEach(tag -> keyword(doc, "tag", tag));
        doc.add(new LongPoint("words", book.words()));
        doc.add(new NumericDocValuesField("words", book.words()));
        doc.add(new NumericDocValuesField("published", book.firstPublishedAt().toEpochMilli()));
        doc.add(new NumericDocValuesField("updated", book.updatedAt().toEpochMilli()));
        doc.add(new NumericDocValuesField("followers", tally.followers()));
        doc.add(new DoubleDocValuesField("rated", tally.score()));
        doc.add(new KnnFloatVectorField("vector", book.embedding(), VectorSimilarityFunction.COSINE));
        return doc;
    }

    private static void keyword(Document doc, String field, String value) {
        if (value != null && !value.isEmpty()) {
            doc.add(new StringField(field, value, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(field, value));
        }
    }

    // --- searching -----------------------------------------------------------------------------

    record Hit(UUID id, double score) {
    }

    record Facet(String value, long count) {
    }

    record Results(List<Hit> hits, long total, Map<String, List<Facet>> facets, Cursor next) {
    }

    /**
     * Searches the catalogue. With text: BM25 and the nearest embeddings above the similarity floor,
     * fused by reciprocal rank (relevance), or the union of both sorted by a field. Without text:
     * everything the filters let through.
     */
    Results search(Query query, float[] queryVector) {
        IndexSearcher searcher = acquire();
        try {
            org.apache.lucene.search.Query filter = filter(query);
            org.apache.lucene.search.Query matches = filter;
            List<Hit> ranked = null;
            if (query.hasText()) {
                org.apache.lucene.search.Query keywords = keywords(query.text());
                TopDocs bm25 = keywords == null ? new TopDocs(new org.apache.lucene.search.TotalHits(0, org.apache.lucene.search.TotalHits.Relation.EQUAL_TO), new ScoreDoc[0])
                        : searcher.search(new BooleanQuery.Builder().add(keywords, Occur.MUST).add(filter, Occur.FILTER).build(), FUSED);
                TopDocs semantic = close(searcher.search(new KnnFloatVectorQuery("vector", queryVector, FUSED / 10, filter), FUSED));
                List<BytesRef> semanticIds = new ArrayList<>();
                for (ScoreDoc hit : semantic.scoreDocs) {
                    semanticIds.add(new BytesRef(id(searcher, hit.doc).toString()));
                }
                BooleanQuery.Builder either = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
                if (keywords != null) {
                    either.add(keywords, Occur.SHOULD);
                }
                either.add(new TermInSetQuery("id", semanticIds), Occur.SHOULD);
                matches = new BooleanQuery.Builder().add(either.build(), Occur.MUST).add(filter, Occur.FILTER).build();
                if (query.sort() == Query.Sort.RELEVANCE) {
                    ranked = fuse(searcher, bm25, semantic);
                }
            }
            FacetsCollectorManager.FacetsResult counted = FacetsCollectorManager.search(searcher, matches, 1, new FacetsCollectorManager());
            long total = searcher.count(matches);
            Map<String, List<Facet>> facetCounts = facetCounts(searcher, counted);
            if (ranked != null) {
                return page(ranked, query, total, facetCounts);
            }
            Query.Sort sort = query.sort() == Query.Sort.RELEVANCE ? Query.Sort.PUBLISHED : query.sort();
            return sorted(searcher, matches, sort, query, total, facetCounts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    /** The books nearest a vector among those the caller may read, leaving out some ids, some authors' books and books with some tags. */
    List<Hit> nearest(float[] vector, int k, List<AccessPolicy.Readership> readable, Collection<UUID> excluded,
                      Collection<UUID> excludedAuthors, Collection<String> excludedTags) {
        IndexSearcher searcher = acquire();
        try {
            BooleanQuery.Builder filter = new BooleanQuery.Builder()
                    .add(new MatchAllDocsQuery(), Occur.FILTER)
                    .add(anyOf("readership", readable.stream().map(Enum::name).toList()), Occur.FILTER);
            if (!excluded.isEmpty()) {
                filter.add(anyOf("id", excluded.stream().map(UUID::toString).toList()), Occur.MUST_NOT);
            }
            if (!excludedAuthors.isEmpty()) {
                filter.add(anyOf("author_id", excludedAuthors.stream().map(UUID::toString).toList()), Occur.MUST_NOT);
            }
            if (!excludedTags.isEmpty()) {
                filter.add(anyOf("tag", excludedTags), Occur.MUST_NOT);
            }
            TopDocs top = searcher.search(new KnnFloatVectorQuery("vector", vector, k, filter.build()), k);
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc hit : top.scoreDocs) {
                hits.add(new Hit(id(searcher, hit.doc), hit.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    private org.apache.lucene.search.Query filter(Query query) {
        BooleanQuery.Builder filter = new BooleanQuery.Builder()
                .add(new MatchAllDocsQuery(), Occur.FILTER)
                .add(anyOf("readership", query.readable().stream().map(Enum::name).toList()), Occur.FILTER);
        addAnyOf(filter, "genre", query.genres());
        addAnyOf(filter, "status", query.statuses());
        addAnyOf(filter, "rating", query.ratings());
        addAnyOf(filter, "language", query.languages());
        query.tags().forEach(tag -> filter.add(new TermQuery(new Term("tag", tag)), Occur.FILTER));
        // one clause each however long the reader's blocklist (up to 500 authors and 500 tags): no clause-count limit to reach
        if (!query.excludedTags().isEmpty()) {
            filter.add(anyOf("tag", query.excludedTags()), Occur.MUST_NOT);
        }
        if (!query.excludedAuthors().isEmpty()) {
            filter.add(anyOf("author_id", query.excludedAuthors().stream().map(UUID::toString).toList()), Occur.MUST_NOT);
        }
        if (query.minWords() != null || query.maxWords() != null) {
            filter.add(LongPoint.newRangeQuery("words", query.minWords() == null ? 0 : query.minWords(),
                    query.maxWords() == null ? Long.MAX_VALUE : query.maxWords()), Occur.FILTER);
        }
        if (query.updatedSince() != null) {
            // a filter over the doc values the updated sort already keeps: no new field, no reindex
            filter.add(NumericDocValuesField.newSlowRangeQuery("updated", query.updatedSince().toEpochMilli(), Long.MAX_VALUE), Occur.FILTER);
        }
        return filter.build();
    }

    private static void addAnyOf(BooleanQuery.Builder filter, String field, List<String> values) {
        if (!values.isEmpty()) {
            filter.add(anyOf(field, values), Occur.FILTER);
        }
    }

    private static org.apache.lucene.search.Query anyOf(String field, Collection<String> values) {
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    /** Each analysed word of the text in any text field (title weighs most); null when no word survives analysis. */
    private org.apache.lucene.search.Query keywords(String text) throws IOException {
        Set<String> words = new java.util.LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream("title", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && words.size() < 32) {
                words.add(term.toString());
            }
            tokens.end();
        }
        if (words.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String word : words) {
            TEXT_FIELDS.forEach((field, boost) -> any.add(new BoostQuery(new TermQuery(new Term(field, word)), boost), Occur.SHOULD));
        }
        return any.build();
    }

    /** Only the embeddings close enough to count as a match. */
    private TopDocs close(TopDocs nearest) {
        ScoreDoc[] close = java.util.Arrays.stream(nearest.scoreDocs).filter(hit -> hit.score >= minScore).toArray(ScoreDoc[]::new);
        return new TopDocs(new org.apache.lucene.search.TotalHits(close.length, org.apache.lucene.search.TotalHits.Relation.EQUAL_TO), close);
    }

    private static List<Hit> fuse(IndexSearcher searcher, TopDocs bm25, TopDocs semantic) throws IOException {
        TopDocs fused = TopDocs.rrf(FUSED, RRF_K, new TopDocs[] {bm25, semantic});
        List<Hit> hits = new ArrayList<>();
        for (ScoreDoc hit : fused.scoreDocs) {
            hits.add(new Hit(id(searcher, hit.doc), hit.score));
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(hit -> hit.id().toString()));
        return hits;
    }

    private static Results page(List<Hit> ranked, Query query, long total, Map<String, List<Facet>> facets) {
        int from = 0;
        if (query.after() != null) {
            double score = Double.parseDouble(query.after().value());
            String id = query.after().id().toString();
            while (from < ranked.size() && (ranked.get(from).score() > score
                    || ranked.get(from).score() == score && ranked.get(from).id().toString().compareTo(id) <= 0)) {
                from++;
            }
        }
        List<Hit> page = ranked.subList(from, Math.min(ranked.size(), from + query.size()));
        Cursor next = from + query.size() < ranked.size() && !page.isEmpty()
                ? new Cursor(Query.Sort.RELEVANCE, Double.toString(page.getLast().score()), page.getLast().id()) : null;
        return new Results(List.copyOf(page), total, facets, next);
    }

    private static Results sorted(IndexSearcher searcher, org.apache.lucene.search.Query matches, Query.Sort sort, Query query, long total,
                                  Map<String, List<Facet>> facets) throws IOException {
        SortField primary = switch (sort) {
            case PUBLISHED -> new SortField("published", SortField.Type.LONG, true);
            case UPDATED -> new SortField("updated", SortField.Type.LONG, true);
            case WORDS -> new SortField("words", SortField.Type.LONG, true);
            case TITLE -> new SortField("title_sort", SortField.Type.STRING);
            case FOLLOWS -> new SortField("followers", SortField.Type.LONG, true);
            case RATING -> new SortField("rated", SortField.Type.DOUBLE, true);
            case RELEVANCE -> throw new IllegalStateException("relevance is fused, not sorted");
        };
        Sort order = new Sort(primary, new SortField("id", SortField.Type.STRING));
        FieldDoc after = null;
        if (query.after() != null) {
            Object value = switch (sort) {
                case TITLE -> new BytesRef(query.after().value());
                case RATING -> Double.parseDouble(query.after().value());
                default -> (long) Double.parseDouble(query.after().value());
            };
            // the id makes every sort key unique; the last doc id keeps the cursor's own book from counting as "after" itself
            after = new FieldDoc(searcher.getIndexReader().maxDoc() - 1, Float.NaN, new Object[] {value, new BytesRef(query.after().id().toString())});
        }
        TopFieldDocs top = searcher.searchAfter(after, matches, query.size() + 1, order, false);
        List<Hit> hits = new ArrayList<>();
        Cursor next = null;
        for (int i = 0; i < Math.min(query.size(), top.scoreDocs.length); i++) {
            FieldDoc doc = (FieldDoc) top.scoreDocs[i];
            UUID id = id(searcher, doc.doc);
            hits.add(new Hit(id, Double.NaN));
            if (i == query.size() - 1 && top.scoreDocs.length > query.size()) {
                Object value = doc.fields[0];
                next = new Cursor(sort, value instanceof BytesRef bytes ? bytes.utf8ToString() : value.toString(), id);
            }
        }
        return new Results(hits, total, facets, next);
    }

    private Map<String, List<Facet>> facetCounts(IndexSearcher searcher, FacetsCollectorManager.FacetsResult counted) throws IOException {
        Map<String, List<Facet>> counts = new LinkedHashMap<>();
        FACETS.forEach(dim -> counts.put(dim, List.of()));
        if (searcher.getIndexReader().numDocs() == 0) {
            return counts;
        }
        SortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
        SortedSetDocValuesFacetCounts facetCounts = new SortedSetDocValuesFacetCounts(state, counted.facetsCollector());
        for (String dim : FACETS) {
            FacetResult result;
            try {
                result = facetCounts.getTopChildren(dim.equals("tag") ? 30 : 20, dim);
            } catch (IllegalArgumentException notIndexedYet) {
                continue;
            }
            if (result != null) {
                List<Facet> values = new ArrayList<>();
                for (LabelAndValue value : result.labelValues) {
                    values.add(new Facet(value.label, value.value.longValue()));
                }
                counts.put(dim, values);
            }
        }
        return counts;
    }

    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        FacetState current = facetState;
        if (current == null || current.reader() != reader) {
            current = new FacetState(reader, new DefaultSortedSetDocValuesReaderState(reader, facets));
            facetState = current;
        }
        return current.state();
    }

    private static UUID id(IndexSearcher searcher, int doc) throws IOException {
        return UUID.fromString(searcher.storedFields().document(doc, Set.of("id")).get("id"));
    }

    private IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
