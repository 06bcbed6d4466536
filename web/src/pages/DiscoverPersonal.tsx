import { useEffect, useState, type FormEvent } from 'react';
import { fromSavedQuery, toSavedQuery, type Blocklist, type DiscoverQuery, type SavedSearch } from '../api/discovery';
import { ErrorNotice } from '../components/ErrorNotice';
import { useSession } from '../session/session';

export function normalTag(text: string) {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Tags of the books the reader may read that start with what was typed, with how many books carry each
 * (`GET /api/v1/discover/tags?prefix=`); choosing one hands it to `onPick`.
 */
export function TagSuggestions({ prefix, onPick, label }: { prefix: string; onPick: (tag: string) => void; label: string }) {
  const { api } = useSession();
  const [tags, setTags] = useState<{ tag: string; books: number }[]>([]);
  const typed = normalTag(prefix);
  useEffect(() => {
    if (typed.length < 2) {
      setTags([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      api.discovery
        .tags(typed)
        .then((t) => current && setTags(t))
        .catch(() => current && setTags([]));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, typed]);
  if (tags.length === 0) return null;
  return (
    <ul className="chips tag-suggestions" aria-label={label}>
      {tags.map((t) => (
        <li key={t.tag}>
          <button type="button" className="chip" onClick={() => onPick(t.tag)}>
            {t.tag} <span className="count">({t.books})</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The reader's saved searches: save the page's search by name, run one again (it becomes the page's search), delete one. */
export function SavedSearches({ query, onRun }: { query: DiscoverQuery; onRun: (query: DiscoverQuery) => void }) {
  const { api } = useSession();
  const [searches, setSearches] = useState<SavedSearch[] | null>(null);
  const [name, setName] = useState('');
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    api.discovery
      .savedSearches()
      .then((s) => current && setSearches(s))
      .catch((e) => current && setFailure(e));
    return () => {
      current = false;
    };
  }, [api]);

  const onSave = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    setFailure(null);
    try {
      const saved = await api.discovery.saveSearch(name.trim(), toSavedQuery(query));
      setSearches((s) => [...(s ?? []), saved]);
      setName('');
    } catch (err) {
      setFailure(err);
    }
  };

  const onDelete = async (id: string) => {
    setFailure(null);
    try {
      await api.discovery.deleteSavedSearch(id);
      setSearches((s) => (s ?? []).filter((x) => x.id !== id));
    } catch (err) {
      setFailure(err);
    }
  };

  return (
    <section className="discover-personal" aria-labelledby="discover-saved">
      <h2 id="discover-saved">Saved searches</h2>
      <ErrorNotice error={failure} />
      <form className="discover-hide" onSubmit={onSave}>
        <label htmlFor="discover-save-name">Save this search as</label>
        <input id="discover-save-name" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
        <button type="submit">Save search</button>
      </form>
      {searches && searches.length === 0 && <p className="meta">No saved searches yet.</p>}
      {searches && searches.length > 0 && (
        <ul className="saved-searches" aria-label="Your saved searches">
          {searches.map((s) => (
            <li key={s.id}>
              <button type="button" className="link-button" onClick={() => onRun(fromSavedQuery(s.query))}>{s.name}</button>{' '}
              <button type="button" className="chip" aria-label={`Delete ${s.name}`} onClick={() => onDelete(s.id)}>×</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The reader's saved blocklist: authors and tags never shown to them, anywhere (the server leaves them out of
 * search, counts, lists, the feed and recommendations). `onChange` saves the whole list.
 */
export function BlocklistPanel({ blocklist, onChange }: {
  blocklist: Blocklist;
  onChange: (authors: string[], tags: string[]) => Promise<void>;
}) {
  const [tag, setTag] = useState('');
  const authors = blocklist.authors.map((a) => a.id);
  const addTag = async (raw: string) => {
    const clean = normalTag(raw);
    setTag('');
    if (clean && !blocklist.tags.includes(clean)) await onChange(authors, [...blocklist.tags, clean]);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void addTag(tag);
  };
  return (
    <section className="discover-personal" aria-labelledby="discover-blocklist">
      <h2 id="discover-blocklist">Never show me</h2>
      <form className="discover-hide" onSubmit={onSubmit}>
        <label htmlFor="discover-block-tag">Never show books tagged</label>
        <input id="discover-block-tag" value={tag} onChange={(e) => setTag(e.target.value)} />
        <TagSuggestions prefix={tag} onPick={(t) => void addTag(t)} label="Tags to never show" />
        <button type="submit">Never show</button>
      </form>
      {blocklist.tags.length === 0 && blocklist.authors.length === 0 && <p className="meta">Nothing hidden.</p>}
      {(blocklist.tags.length > 0 || blocklist.authors.length > 0) && (
        <ul className="chips" aria-label="Never shown">
          {blocklist.tags.map((t) => (
            <li key={`tag-${t}`}>
              <button type="button" className="chip chip-excluded" onClick={() => onChange(authors, blocklist.tags.filter((x) => x !== t))}>
                {t} <span className="visually-hidden">(show again)</span>×
              </button>
            </li>
          ))}
          {blocklist.authors.map((a) => (
            <li key={`author-${a.id}`}>
              <button type="button" className="chip chip-excluded"
                onClick={() => onChange(authors.filter((x) => x !== a.id), blocklist.tags)}>
                {a.name ?? 'An author'} <span className="visually-hidden">(show again)</span>×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
