import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { label, type PublishedBookDetails } from '../api/discovery';
import { ApiError } from '../api/problems';
import { ErrorNotice } from '../components/ErrorNotice';
import { NotificationLevel } from '../components/NotificationLevel';
import { usePageTitle } from '../components/usePageTitle';
import { useSession } from '../session/session';
import { BookReaders } from './BookReaders';
import { AddToList } from './ReadingLists';
import './discover.css';

/**
 * `/discover/:id`: a published book's landing page: what it is about, its warnings and tags, its
 * chapters, and the way in. Open to anyone for a book published for anyone; a draft, or a book
 * for signed-in readers when signed out, is not found (the content service's access policy).
 */
export function PublishedBook() {
  const { id = '' } = useParams();
  const { api, status } = useSession();
  const [book, setBook] = useState<PublishedBookDetails | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  usePageTitle(book?.title ?? 'Book');

  useEffect(() => {
    let current = true;
    api.discovery
      .book(id)
      .then((b) => current && setBook(b))
      .catch((e) => current && setFailure(e));
    return () => {
      current = false;
    };
  }, [api, id]);

  if (failure instanceof ApiError && failure.status === 404) {
    return (
      <section className="empty-state">
        <h1>Book not found</h1>
        <p>It may not be published, or not for you. <Link to="/discover">Discover other books</Link></p>
      </section>
    );
  }
  if (!book) {
    return failure ? <ErrorNotice error={failure} /> : <p role="status">Loading the book…</p>;
  }
  const listing = book.listing;
  const warnings = listing.contentWarnings.filter((w) => w !== 'none');
  return (
    <article className="published-book">
      <h1>{book.title}</h1>
      <p className="byline">
        <Link to={`/authors/${encodeURIComponent(book.authorId)}`}>About the author</Link>
      </p>
      <p className="meta">
        {listing.genre ? `${label(listing.genre)} · ` : ''}
        {label(listing.rating)} · {label(listing.status)} · {book.words.toLocaleString('en')} words
      </p>
      {listing.blurb && <p className="blurb">{listing.blurb}</p>}
      {warnings.length > 0 && (
        <p className="warnings">
          <strong>Content warnings:</strong> {warnings.map(label).join(', ')}
        </p>
      )}
      {book.authorId && (
        <p>
          <Link to={`/creators/${encodeURIComponent(book.authorId)}`}>Support the author: memberships</Link>
        </p>
      )}
      {listing.tags.length > 0 && (
        <ul className="chips" aria-label="Tags">
          {listing.tags.map((t) => (
            <li key={t} className="chip">{t}</li>
          ))}
        </ul>
      )}
      {status === 'signed-in' ? (
        <Link className="button" to={`/books/${encodeURIComponent(book.id)}/read`}>
          Start reading
        </Link>
      ) : (
        <p>
          <Link className="button" to="/login">Log in to read</Link>
        </p>
      )}
      {book.access !== 'OWN' && <NotificationLevel scope="books" id={book.id} />}
      {status === 'signed-in' && book.access !== 'OWN' && <AddToList bookId={book.id} />}
      <h2>Chapters</h2>
      <ol className="chapter-list">
        {book.chapters.map((c) => (
          <li key={c.id}>{c.title}</li>
        ))}
      </ol>
      <BookReaders bookId={book.id} own={book.access === 'OWN'} />
    </article>
  );
}
