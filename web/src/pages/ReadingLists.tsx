import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { ReadingList, ReadingListSummary } from '../api/discovery';
import { ApiError } from '../api/problems';
import { ErrorNotice } from '../components/ErrorNotice';
import { usePageTitle } from '../components/usePageTitle';
import { useSession } from '../session/session';
import './discover.css';

/** `/lists`: the reader's reading lists, and a new one. */
export function ReadingLists() {
  usePageTitle('Reading lists');
  const { api } = useSession();
  const [lists, setLists] = useState<ReadingListSummary[] | null>(null);
  const [name, setName] = useState('');
  const [failure, setFailure] = useState<unknown>(null);

  const load = useCallback(() => api.discovery.myLists().then(setLists).catch(setFailure), [api]);
  useEffect(() => {
    void load();
  }, [load]);

  const onCreate = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    try {
      await api.discovery.createList(name.trim());
      setName('');
      await load();
    } catch (err) {
      setFailure(err);
    }
  };

  return (
    <section className="reading-lists">
      <h1>Reading lists</h1>
      <ErrorNotice error={failure} />
      {lists === null && !failure && <p role="status">Loading your lists…</p>}
      {lists && lists.length === 0 && <p className="meta">No lists yet: make one, then add books from their pages.</p>}
      {lists && lists.length > 0 && (
        <ul aria-label="Your lists">
          {lists.map((l) => (
            <li key={l.id}>
              <Link to={`/lists/${encodeURIComponent(l.id)}`}>{l.name}</Link>
              <span className="meta"> · {l.books === 1 ? '1 book' : `${l.books} books`} · {l.visibility}</span>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onCreate}>
        <label htmlFor="new-list">New list</label>
        <input id="new-list" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
        <button type="submit">Create</button>
      </form>
    </section>
  );
}

/** `/lists/:id`: one list: its books in order; its owner renames, shares, reorders, removes and deletes. */
export function ReadingListPage() {
  const { id = '' } = useParams();
  const { api, user } = useSession();
  const navigate = useNavigate();
  const [list, setList] = useState<ReadingList | null>(null);
  const [name, setName] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  usePageTitle(list?.name ?? 'Reading list');
  const own = Boolean(list && user && list.ownerId === user.id);

  useEffect(() => {
    let current = true;
    api.discovery
      .readingList(id)
      .then((l) => {
        if (!current) return;
        setList(l);
        setName(l.name);
      })
      .catch((e) => current && setFailure(e));
    return () => {
      current = false;
    };
  }, [api, id]);

  const act = async (action: () => Promise<ReadingList | void>) => {
    setFailure(null);
    try {
      const next = await action();
      setList(next ?? (await api.discovery.readingList(id)));
    } catch (e) {
      setFailure(e);
    }
  };

  if (failure instanceof ApiError && failure.status === 404) {
    return (
      <section className="empty-state">
        <h1>List not found</h1>
        <p>It may be private. <Link to="/discover">Discover books</Link></p>
      </section>
    );
  }
  if (!list) {
    return failure ? <ErrorNotice error={failure} /> : <p role="status">Loading the list…</p>;
  }
  const move = (index: number, by: number) => {
    const ids = list.books.map((b) => b.id);
    const [book] = ids.splice(index, 1);
    ids.splice(index + by, 0, book);
    return act(() => api.discovery.reorderList(list.id, ids));
  };

  return (
    <section className="reading-list">
      <h1>{list.name}</h1>
      <p className="meta">{list.visibility === 'public' ? 'Public: anyone with the link sees it' : 'Private: only you see it'}</p>
      <ErrorNotice error={failure} />
      {list.books.length === 0 ? (
        <p className="meta">No books in this list yet.</p>
      ) : (
        <ol className="book-list" aria-label="Books">
          {list.books.map((b, i) => (
            <li key={b.id} className="book-card">
              <Link to={`/discover/${encodeURIComponent(b.id)}`}>{b.title}</Link>
              {b.authorName && <span className="meta"> · {b.authorName}</span>}
              {own && (
                <span className="actions">
                  <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move up ${b.title}`}>
                    Move up
                  </button>
                  <button type="button" disabled={i === list.books.length - 1} onClick={() => move(i, 1)} aria-label={`Move down ${b.title}`}>
                    Move down
                  </button>
                  <button type="button" onClick={() => act(() => api.discovery.removeFromList(list.id, b.id))} aria-label={`Remove ${b.title}`}>
                    Remove
                  </button>
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      {own && (
        <div className="list-settings">
          <form onSubmit={(e) => {
            e.preventDefault();
            void act(() => api.discovery.changeList(list.id, { name }));
          }}>
            <label htmlFor="list-name">Name</label>
            <input id="list-name" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
            <button type="submit">Rename</button>
          </form>
          <button type="button"
            onClick={() => act(() => api.discovery.changeList(list.id, { visibility: list.visibility === 'public' ? 'private' : 'public' }))}>
            {list.visibility === 'public' ? 'Make private' : 'Make public'}
          </button>
          <button type="button" className="danger" onClick={async () => {
            try {
              await api.discovery.deleteList(list.id);
              navigate('/lists');
            } catch (e) {
              setFailure(e);
            }
          }}>
            Delete list
          </button>
        </div>
      )}
    </section>
  );
}

/** On a published book's page: put the book in one of the reader's lists (signed in only). */
export function AddToList({ bookId }: { bookId: string }) {
  const { api } = useSession();
  const [lists, setLists] = useState<ReadingListSummary[]>([]);
  const [chosen, setChosen] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    api.discovery
      .myLists()
      .then((l) => {
        if (!current) return;
        setLists(l);
        setChosen(l[0]?.id ?? '');
      })
      .catch(() => current && setLists([]));
    return () => {
      current = false;
    };
  }, [api]);

  if (lists.length === 0) {
    return <p className="meta"><Link to="/lists">Make a reading list</Link> to keep this book in.</p>;
  }
  const onAdd = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    try {
      const list = await api.discovery.addToList(chosen, bookId);
      setAdded(list.name);
    } catch (err) {
      setFailure(err);
    }
  };
  return (
    <form className="add-to-list" onSubmit={onAdd}>
      <label htmlFor="add-to-list">Reading list</label>
      <select id="add-to-list" value={chosen} onChange={(e) => setChosen(e.target.value)}>
        {lists.map((l) => (
          <option key={l.id} value={l.id}>{l.name}</option>
        ))}
      </select>
      <button type="submit">Add to list</button>
      {added && <span role="status"> Added to {added}.</span>}
      <ErrorNotice error={failure} />
    </form>
  );
}
