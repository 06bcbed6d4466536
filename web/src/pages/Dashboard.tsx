import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { FORMATS, type BookSummary } from '../api/books';
import { ErrorNotice, SuccessNotice } from '../components/ErrorNotice';
import { SampleBadge } from '../components/SampleBadge';
import { usePageTitle } from '../components/usePageTitle';
import { useSession } from '../session/session';

function formatLabel(format?: string) {
  // the content service answers in its wire form (short-story); the form sends SHORT_STORY
  const key = format?.toUpperCase().replaceAll('-', '_');
  return FORMATS.find((f) => f.value === key)?.label ?? format;
}

/** "My books": everything the writer has started. */
export function Dashboard() {
  usePageTitle('My books');
  const { api, user } = useSession();
  const location = useLocation();
  const started = (location.state as { started?: string } | null)?.started;
  const [books, setBooks] = useState<BookSummary[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    api.books
      .list()
      .then((b) => current && setBooks(b))
      .catch((e) => current && setFailure(e));
    return () => {
      current = false;
    };
  }, [api]);

  return (
    <section>
      <div className="page-heading">
        <h1>My books</h1>
        <Link className="button" to="/books/new">
          New book
        </Link>
      </div>
      {user?.emailVerified === false && (
        <p className="notice notice-info">
          Please verify your email: follow the link we sent to {user.email}. <Link to="/settings">Send a new link</Link>
        </p>
      )}
      {started && (
        <SuccessNotice>
          <p>We started writing “{started}”. It will appear here as chapters arrive.</p>
        </SuccessNotice>
      )}
      <ErrorNotice error={failure} />
      {books === null && !failure && <p role="status">Loading your books…</p>}
      {books?.length === 0 && (
        <div className="empty-state">
          <h2>No books yet</h2>
          <p>Start with an idea: a few lines about the story you want to tell are enough.</p>
          <Link className="button" to="/books/new">
            Start your first book
          </Link>
        </div>
      )}
      {books && books.length > 0 && (
        <ul className="book-list">
          {books.map((b) => (
            <li key={b.id} className="book-card">
              <h2>
                <Link to={`/books/${encodeURIComponent(b.id)}`}>{b.title}</Link>
              </h2>
              <p className="meta">
                {formatLabel(b.format)}
                {b.status ? ` · ${b.status.toLowerCase()}` : ''}
              </p>
              {b.sample && <SampleBadge />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
