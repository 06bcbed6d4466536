import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { label, type Update, type UpdatePage } from '../api/discovery';
import { ErrorNotice } from './ErrorNotice';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Where a released chapter is read. */
export function chapterLink(bookId: string, chapterId: string) {
  return `/books/${encodeURIComponent(bookId)}/read?chapter=${encodeURIComponent(chapterId)}`;
}

/** Chapter releases, newest first, a page at a time ("Load more" follows the cursor). */
export function UpdateList({ load, empty, quietFailure = false }: {
  load: (cursor: string | null) => Promise<UpdatePage>;
  empty: React.ReactNode;
  /** Show nothing rather than an error (a side list of another page). */
  quietFailure?: boolean;
}) {
  const [items, setItems] = useState<Update[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let current = true;
    setItems(null);
    setFailure(null);
    load(null)
      .then((p) => {
        if (!current) return;
        setItems(p.items);
        setCursor(p.nextCursor ?? null);
      })
      .catch((e) => current && setFailure(e));
    return () => {
      current = false;
    };
  }, [load]);

  const more = useCallback(async () => {
    setLoading(true);
    try {
      const p = await load(cursor);
      setItems((all) => [...(all ?? []), ...p.items.filter((u) => !(all ?? []).some((a) => a.id === u.id))]);
      setCursor(p.nextCursor ?? null);
    } catch (e) {
      setFailure(e);
    } finally {
      setLoading(false);
    }
  }, [load, cursor]);

  if (failure && !items) return quietFailure ? null : <ErrorNotice error={failure} />;
  if (!items) return <p role="status">Loading updates…</p>;
  if (items.length === 0) return <>{empty}</>;
  return (
    <>
      <ol className="update-list">
        {items.map((u) => (
          <li key={u.id} className="update">
            <Link to={chapterLink(u.bookId, u.chapterId)}>
              {u.bookTitle}: chapter {u.chapterNumber}, {u.chapterTitle}
            </Link>
            <p className="meta">
              {u.authorName ? `${u.authorName} · ` : ''}
              {u.genre ? `${label(u.genre)} · ` : ''}
              {u.words.toLocaleString('en')} words · <time dateTime={u.publishedAt}>{when.format(new Date(u.publishedAt))}</time>
            </p>
          </li>
        ))}
      </ol>
      <ErrorNotice error={items ? failure : null} />
      {cursor && (
        <button type="button" className="button button-secondary" disabled={loading} onClick={more}>
          Load more
        </button>
      )}
    </>
  );
}
