import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { label, type AuthorPage } from '../api/discovery';
import { ApiError } from '../api/problems';
import { ErrorNotice } from '../components/ErrorNotice';
import { NotificationLevel } from '../components/NotificationLevel';
import { usePageTitle } from '../components/usePageTitle';
import { useSession } from '../session/session';
import './discover.css';

/** `/authors/:id`: an author's public page: their name and bio, their published books, their readers and public reading lists. */
export function Author() {
  const { id = '' } = useParams();
  const { api, user } = useSession();
  const [author, setAuthor] = useState<AuthorPage | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  usePageTitle(author?.displayName ?? 'Author');

  useEffect(() => {
    let current = true;
    setAuthor(null);
    setFailure(null);
    api.discovery
      .author(id)
      .then((a) => current && setAuthor(a))
      .catch((e) => current && setFailure(e));
    return () => {
      current = false;
    };
  }, [api, id]);

  if (failure instanceof ApiError && failure.status === 404) {
    return (
      <section className="empty-state">
        <h1>Author not found</h1>
        <p><Link to="/discover">Discover books</Link></p>
      </section>
    );
  }
  if (!author) {
    return failure ? <ErrorNotice error={failure} /> : <p role="status">Loading the author…</p>;
  }
  const name = author.displayName ?? author.books[0]?.authorName ?? 'An author';
  return (
    <article className="author-page">
      <h1>{name}</h1>
      {author.bio && <p className="blurb">{author.bio}</p>}
      <p className="meta">
        {author.books.length === 1 ? '1 published book' : `${author.books.length} published books`}
        {' · '}
        {author.bookFollowers === 1 ? '1 follow of their books' : `${author.bookFollowers} follows of their books`}
        {author.followers != null ? ` · ${author.followers === 1 ? '1 follower' : `${author.followers} followers`}` : ''}
      </p>
      {user?.id !== id && <NotificationLevel scope="authors" id={id} />}
      <h2>Books</h2>
      {author.books.length === 0 ? (
        <p className="meta">Nothing published yet.</p>
      ) : (
        <ul className="book-list">
          {author.books.map((b) => (
            <li key={b.id} className="book-card">
              <h3>
                <Link to={`/discover/${encodeURIComponent(b.id)}`}>{b.title}</Link>
              </h3>
              <p className="meta">
                {b.genre ? `${label(b.genre)} · ` : ''}
                {b.words.toLocaleString('en')} words
              </p>
              <p className="blurb">{b.blurb}</p>
            </li>
          ))}
        </ul>
      )}
      {author.lists.length > 0 && (
        <>
          <h2>Reading lists</h2>
          <ul>
            {author.lists.map((l) => (
              <li key={l.id}>
                <Link to={`/lists/${encodeURIComponent(l.id)}`}>{l.name}</Link>
                <span className="meta"> · {l.books === 1 ? '1 book' : `${l.books} books`}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
