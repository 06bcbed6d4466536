import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { label, type BestRatedPage, type Blocklist, type BookCard, type DiscoverQuery, type ListWindow, type PopularPage, type RisingPage,
  type SearchPage, type TrendingPage } from '../api/discovery';
import { ErrorNotice } from '../components/ErrorNotice';
import { UpdateList } from '../components/UpdateList';
import { usePageTitle } from '../components/usePageTitle';
import { useSession } from '../session/session';
import { BlocklistPanel, normalTag, SavedSearches, TagSuggestions } from './DiscoverPersonal';
import './discover.css';

export const GENRES = ['fantasy', 'science-fiction', 'mystery', 'thriller', 'romance', 'horror', 'historical', 'literary',
  'young-adult', 'children', 'adventure', 'humor', 'drama', 'poetry', 'non-fiction', 'other'];
export const RATINGS = ['general', 'teen', 'mature', 'explicit', 'not-rated'];

const WINDOWS: { value: ListWindow; label: string }[] = [
  { value: 'day', label: 'Today' },
  { value: 'week', label: 'This week' },
  { value: 'month', label: 'This month' },
  { value: 'all', label: 'All time' },
];

/**
 * `/discover`: published books, by keyword and by meaning (the discovery service fuses both), with
 * filters, tags to require and tags to hide. Hidden tags are applied by the server, so the counts
 * shown are the counts of what is listed.
 */
export function Discover() {
  usePageTitle('Discover');
  const { api, user } = useSession();
  const [text, setText] = useState('');
  // the reader's saved blocklist (signed in): every answer below leaves it out on the server, so a change reloads them
  const [blocklist, setBlocklist] = useState<Blocklist | null>(null);
  const [blockVersion, setBlockVersion] = useState(0);
  const [listWindow, setListWindow] = useState<ListWindow>('week');
  const [blockFailure, setBlockFailure] = useState<unknown>(null);
  useEffect(() => {
    if (!user) {
      setBlocklist(null);
      return;
    }
    let current = true;
    api.discovery
      .blocklist()
      .then((b) => current && setBlocklist(b))
      .catch(() => current && setBlocklist(null));
    return () => {
      current = false;
    };
  }, [api, user]);
  const changeBlocklist = async (authors: string[], tags: string[]) => {
    setBlockFailure(null);
    try {
      setBlocklist(await api.discovery.setBlocklist(authors, tags));
      setBlockVersion((v) => v + 1);
    } catch (e) {
      setBlockFailure(e);
    }
  };
  const neverShowAuthor = (authorId: string) => {
    if (blocklist && !blocklist.authors.some((a) => a.id === authorId)) {
      void changeBlocklist([...blocklist.authors.map((a) => a.id), authorId], blocklist.tags);
    }
  };
  const [query, setQuery] = useState<DiscoverQuery>({});
  const [page, setPage] = useState<SearchPage | null>(null);
  const [more, setMore] = useState<BookCard[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [hide, setHide] = useState('');
  const [moreCursor, setMoreCursor] = useState<string | null>(null);
  const [bestRated, setBestRated] = useState<BestRatedPage['items']>([]);
  // blockVersion reloads the list after the blocklist changed
  const latest = useCallback((cursor: string | null) => api.discovery.latest(cursor, query.genre, 10), [api, query.genre, blockVersion]);

  useEffect(() => {
    let current = true;
    setFailure(null);
    api.discovery
      .search(query)
      .then((p) => {
        if (!current) return;
        setPage(p);
        setMore([]);
        setMoreCursor(null);
      })
      .catch((e) => current && setFailure(e));
    return () => {
      current = false;
    };
  }, [api, query, blockVersion]);

  // the best-rated list follows the genre chosen; without it the page still searches
  useEffect(() => {
    let current = true;
    api.discovery
      .bestRated(query.genre)
      .then((p) => current && setBestRated(p.items))
      .catch(() => current && setBestRated([]));
    return () => {
      current = false;
    };
  }, [api, query.genre, blockVersion]);

  // popular this week and rising stars follow the genre and the hidden tags; without them the page still searches
  const [popular, setPopular] = useState<PopularPage['items']>([]);
  const [rising, setRising] = useState<RisingPage['items']>([]);
  const [trending, setTrending] = useState<TrendingPage['items']>([]);
  const hidden = (query.excludeTags ?? []).join('\n');
  useEffect(() => {
    let current = true;
    const excluded = hidden ? hidden.split('\n') : [];
    api.discovery
      .popular(query.genre, excluded, 5, listWindow)
      .then((p) => current && setPopular(p.items))
      .catch(() => current && setPopular([]));
    api.discovery
      .trending(query.genre, excluded, listWindow)
      .then((p) => current && setTrending(p.items))
      .catch(() => current && setTrending([]));
    api.discovery
      .rising(query.genre, excluded)
      .then((p) => current && setRising(p.items))
      .catch(() => current && setRising([]));
    return () => {
      current = false;
    };
  }, [api, query.genre, hidden, listWindow, blockVersion]);

  // recommendations: from the reader's history when signed in (else the trending list, as the server answers)
  const [recommended, setRecommended] = useState<BookCard[]>([]);
  useEffect(() => {
    let current = true;
    api.discovery
      .recommendations()
      .then((r) => current && setRecommended(r))
      .catch(() => current && setRecommended([]));
    return () => {
      current = false;
    };
  }, [api, user, blockVersion]);
  const inGenre = query.genre ? ` in ${label(query.genre).toLowerCase()}` : '';
  const windowLabel = WINDOWS.find((w) => w.value === listWindow)!.label.toLowerCase();

  const change = (changes: Partial<DiscoverQuery>) => setQuery((q) => ({ ...q, ...changes, cursor: undefined }));

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    change({ q: text });
  };

  const hideTag = (raw: string) => {
    const tag = normalTag(raw);
    if (tag && !(query.excludeTags ?? []).includes(tag)) {
      change({ excludeTags: [...(query.excludeTags ?? []), tag], tags: (query.tags ?? []).filter((t) => t !== tag) });
    }
    setHide('');
  };

  const onHide = (e: FormEvent) => {
    e.preventDefault();
    hideTag(hide);
  };

  const toggleTag = (tag: string) => {
    const tags = query.tags ?? [];
    change({ tags: tags.includes(tag) ? tags.filter((t) => t !== tag) : [...tags, tag] });
  };

  const loadMore = async () => {
    const cursor = more.length > 0 ? moreCursor : page?.nextCursor;
    if (!cursor) return;
    try {
      const next = await api.discovery.search({ ...query, cursor });
      setMore((m) => [...m, ...next.items]);
      setMoreCursor(next.nextCursor ?? null);
    } catch (e) {
      setFailure(e);
    }
  };
  const hasMore = more.length > 0 ? Boolean(moreCursor) : Boolean(page?.nextCursor);
  const books = [...(page?.items ?? []), ...more];

  return (
    <section className="discover">
      <h1>Discover</h1>
      <form role="search" className="discover-search" onSubmit={onSearch}>
        <label htmlFor="discover-q">Search</label>
        <input id="discover-q" type="search" value={text} onChange={(e) => setText(e.target.value)}
          placeholder="A title, an author, or what the story is about" />
        <button type="submit">Search</button>
      </form>
      <div className="discover-layout">
        <aside className="discover-filters" aria-label="Filters">
          <label htmlFor="discover-genre">Genre</label>
          <select id="discover-genre" value={query.genre ?? ''} onChange={(e) => change({ genre: e.target.value || undefined })}>
            <option value="">Any genre</option>
            {GENRES.map((g) => (
              <option key={g} value={g}>{label(g)}</option>
            ))}
          </select>
          <label htmlFor="discover-rating">Rating</label>
          <select id="discover-rating" value={query.rating ?? ''} onChange={(e) => change({ rating: e.target.value || undefined })}>
            <option value="">Any rating</option>
            {RATINGS.map((r) => (
              <option key={r} value={r}>{label(r)}</option>
            ))}
          </select>
          <label htmlFor="discover-sort">Sort by</label>
          <select id="discover-sort" value={query.sort ?? ''} onChange={(e) => change({ sort: e.target.value || undefined })}>
            <option value="">Best match</option>
            <option value="published">Newest</option>
            <option value="updated">Recently updated</option>
            <option value="words">Longest</option>
            <option value="follows">Most followed</option>
            <option value="rating">Highest rated</option>
            <option value="title">Title</option>
          </select>
          <label htmlFor="discover-updated">Updated since</label>
          <input id="discover-updated" type="date" value={query.updatedSince ?? ''}
            onChange={(e) => change({ updatedSince: e.target.value || undefined })} />
          <form className="discover-hide" onSubmit={onHide}>
            <label htmlFor="discover-hide">Hide books tagged</label>
            <input id="discover-hide" value={hide} onChange={(e) => setHide(e.target.value)} autoComplete="off" />
            <TagSuggestions prefix={hide} onPick={hideTag} label="Tag suggestions" />
            <button type="submit">Hide</button>
          </form>
          {(query.excludeTags ?? []).length > 0 && (
            <ul className="chips" aria-label="Hidden tags">
              {(query.excludeTags ?? []).map((tag) => (
                <li key={tag}>
                  <button type="button" className="chip chip-excluded"
                    onClick={() => change({ excludeTags: (query.excludeTags ?? []).filter((t) => t !== tag) })}>
                    {tag} <span className="visually-hidden">(show again)</span>×
                  </button>
                </li>
              ))}
            </ul>
          )}
          {(page?.facets.tag ?? []).length > 0 && (
            <fieldset className="discover-tags">
              <legend>Tags</legend>
              {(page?.facets.tag ?? []).map((facet) => (
                <label key={facet.value} className="tag-option">
                  <input type="checkbox" checked={(query.tags ?? []).includes(facet.value)} onChange={() => toggleTag(facet.value)} />
                  {facet.value} <span className="count">({facet.count})</span>
                </label>
              ))}
            </fieldset>
          )}
          {user && (
            <SavedSearches query={query} onRun={(saved) => {
              setText(saved.q ?? '');
              setQuery(saved);
            }} />
          )}
          {user && blocklist && (
            <>
              <ErrorNotice error={blockFailure} />
              <BlocklistPanel blocklist={blocklist} onChange={changeBlocklist} />
            </>
          )}
        </aside>
        <div className="discover-results">
          <ErrorNotice error={failure} />
          {page === null && !failure && <p role="status">Looking for books…</p>}
          {page && (
            <p role="status" className="meta">
              {page.total === 1 ? '1 book' : `${page.total} books`}
            </p>
          )}
          {page && books.length === 0 && (
            <div className="empty-state">
              <h2>Nothing found</h2>
              <p>Try other words, or fewer filters.</p>
            </div>
          )}
          {books.length > 0 && (
            <ul className="book-list" aria-label="Search results">
              {books.map((b) => (
                <li key={b.id} className="book-card">
                  <h2>
                    <Link to={`/discover/${encodeURIComponent(b.id)}`}>{b.title}</Link>
                  </h2>
                  <p className="meta">
                    {b.authorName ? `${b.authorName} · ` : ''}
                    {b.genre ? `${label(b.genre)} · ` : ''}
                    {label(b.rating)} · {b.words.toLocaleString('en')} words
                  </p>
                  <p className="blurb">{b.blurb}</p>
                  {b.tags.length > 0 && <p className="tags">{b.tags.join(' · ')}</p>}
                  {user && blocklist && b.authorId !== user.id && (
                    <button type="button" className="link-button" onClick={() => neverShowAuthor(b.authorId)}>
                      Never show books by {b.authorName ?? 'this author'}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {hasMore && (
            <button type="button" onClick={loadMore}>
              More books
            </button>
          )}
        </div>
      </div>
      {recommended.length > 0 && (
        <section className="discover-best-rated" aria-labelledby="discover-recommended">
          <h2 id="discover-recommended">{user ? 'Recommended for you' : 'Recommended'}</h2>
          <ol>
            {recommended.map((b) => (
              <li key={b.id}>
                <Link to={`/discover/${encodeURIComponent(b.id)}`}>{b.title}</Link>
                <span className="meta">
                  {b.authorName ? ` · ${b.authorName}` : ''}
                  {b.reason === 'because-you-read' && b.because && (
                    <>
                      {' · like '}
                      <Link to={`/discover/${encodeURIComponent(b.because)}`}>{recommended.find((r) => r.id === b.because)?.title ?? 'a book you read'}</Link>
                    </>
                  )}
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}
      <div className="discover-window">
        <label htmlFor="discover-window">Popular and trending</label>
        <select id="discover-window" value={listWindow} onChange={(e) => setListWindow(e.target.value as ListWindow)}>
          {WINDOWS.map((w) => (
            <option key={w.value} value={w.value}>{w.label}</option>
          ))}
        </select>
      </div>
      {trending.length > 0 && (
        <section className="discover-best-rated" aria-labelledby="discover-trending">
          <h2 id="discover-trending">Trending {windowLabel}{inGenre}</h2>
          <ol>
            {trending.map((t) => (
              <li key={t.book.id}>
                <Link to={`/discover/${encodeURIComponent(t.book.id)}`}>{t.book.title}</Link>
                <span className="meta">
                  {' '}· {t.reads === 1 ? '1 reader' : `${t.reads} readers`}
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}
      {popular.length > 0 && (
        <section className="discover-best-rated" aria-labelledby="discover-popular">
          <h2 id="discover-popular">Popular {windowLabel}{inGenre}</h2>
          <ol>
            {popular.map((p) => (
              <li key={p.book.id}>
                <Link to={`/discover/${encodeURIComponent(p.book.id)}`}>{p.book.title}</Link>
                <span className="meta">
                  {' '}· {p.reads === 1 ? '1 new reader' : `${p.reads} new readers`}, {p.follows === 1 ? '1 follow' : `${p.follows} follows`}
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}
      {rising.length > 0 && (
        <section className="discover-best-rated" aria-labelledby="discover-rising">
          <h2 id="discover-rising">Rising stars{inGenre}</h2>
          <ol>
            {rising.map((r) => (
              <li key={r.book.id}>
                <Link to={`/discover/${encodeURIComponent(r.book.id)}`}>{r.book.title}</Link>
                <span className="meta">
                  {r.book.authorName ? ` · ${r.book.authorName}` : ''}
                  {r.debut ? ' · debut' : ''}
                  {r.reservedSlot ? ' (a place kept for debuts)' : ''}
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}
      {bestRated.length > 0 && (
        <section className="discover-best-rated" aria-labelledby="discover-best-rated">
          <h2 id="discover-best-rated">Best rated{query.genre ? ` in ${label(query.genre).toLowerCase()}` : ''}</h2>
          <ol>
            {bestRated.map((r) => (
              <li key={r.book.id}>
                <Link to={`/discover/${encodeURIComponent(r.book.id)}`}>{r.book.title}</Link>
                <span className="meta">
                  {' '}· {r.mean.toFixed(1)} of 5 from {r.ratings === 1 ? '1 rating' : `${r.ratings} ratings`}
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}
      <section className="discover-latest" aria-labelledby="discover-latest">
        <h2 id="discover-latest">Latest updates{query.genre ? ` in ${label(query.genre).toLowerCase()}` : ''}</h2>
        <UpdateList load={latest} quietFailure empty={<p className="meta">No new chapters lately.</p>} />
      </section>
    </section>
  );
}
