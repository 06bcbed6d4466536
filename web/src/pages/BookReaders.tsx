import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { Rating, Reviews } from '../api/discovery';
import { ErrorNotice } from '../components/ErrorNotice';
import { useSession } from '../session/session';

const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });
const PARTS = [
  ['style', 'Style'],
  ['story', 'Story'],
  ['grammar', 'Grammar'],
  ['characters', 'Characters'],
] as const;

/** Follow, rate and review a published book, and read others' reviews: what readers do on its landing page. */
export function BookReaders({ bookId, own }: { bookId: string; own: boolean }) {
  const { api, status } = useSession();
  const signedIn = status === 'signed-in';
  const [reviews, setReviews] = useState<Reviews | null>(null);
  const [following, setFollowing] = useState<boolean | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const load = useCallback(async () => {
    setReviews(await api.discovery.reviews(bookId));
    if (signedIn) setFollowing((await api.discovery.follow(bookId)).following);
  }, [api, bookId, signedIn]);

  useEffect(() => {
    load().catch(setFailure);
  }, [load]);

  const toggleFollow = async () => {
    setFailure(null);
    try {
      await api.discovery.setFollow(bookId, !following);
      await load();
    } catch (e) {
      setFailure(e);
    }
  };

  const summary = reviews?.summary;
  return (
    <section className="book-readers" aria-label="Readers">
      <ErrorNotice error={failure} />
      {summary && (
        <p className="meta">
          {summary.ratings > 0 && summary.overall !== null
            ? `Rated ${summary.overall.toFixed(1)} of 5 by ${summary.ratings} ${summary.ratings === 1 ? 'reader' : 'readers'}`
            : 'Not rated yet'}
          {` · ${summary.followers} ${summary.followers === 1 ? 'follower' : 'followers'}`}
        </p>
      )}
      {signedIn && following !== null && !own && (
        <button type="button" className="button button-secondary" aria-pressed={following} onClick={toggleFollow}>
          {following ? 'Following' : 'Follow'}
        </button>
      )}
      {signedIn && !own && <RatingForm bookId={bookId} onSaved={load} />}
      <h2>Reviews</h2>
      {reviews && reviews.reviews.items.length === 0 && <p>No reviews yet.</p>}
      {reviews && reviews.reviews.items.length > 0 && (
        <ul className="reviews">
          {reviews.reviews.items.map((r) => (
            <li key={r.readerId}>
              <p>
                <strong>{r.overall} of 5</strong>
                <span className="reviewer"> · {r.readerName ?? 'A reader'}</span>
                {r.updatedAt && <span className="meta"> · {day.format(new Date(r.updatedAt))}</span>}
              </p>
              <p className="review-text">{r.review}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RatingForm({ bookId, onSaved }: { bookId: string; onSaved: () => Promise<void> }) {
  const { api } = useSession();
  const ids = useId();
  const [rating, setRating] = useState<Rating>({ overall: 0 });
  const [rated, setRated] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let current = true;
    api.discovery
      .myRating(bookId)
      .then((mine) => {
        if (current && mine) {
          setRating(mine);
          setRated(true);
        }
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [api, bookId]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (rating.overall < 1) {
      setError('Choose how many stars, from 1 to 5.');
      return;
    }
    setError(null);
    setFailure(null);
    try {
      await api.discovery.rate(bookId, { ...rating, review: rating.review?.trim() || null });
      setRated(true);
      setSaved(true);
      await onSaved();
    } catch (err) {
      setFailure(err);
    }
  };

  const stars = (name: string, value: number | null | undefined, set: (n: number | null) => void, required: boolean) => (
    <select id={`${ids}-${name}`} value={value ?? ''} onChange={(e) => set(e.target.value ? Number(e.target.value) : null)}>
      <option value="">{required ? 'Choose' : 'No rating'}</option>
      {[5, 4, 3, 2, 1].map((n) => (
        <option key={n} value={n}>
          {n} of 5
        </option>
      ))}
    </select>
  );

  return (
    <form className="rating-form" noValidate onSubmit={save} aria-label="Your rating">
      <h2>{rated ? 'Your rating' : 'Rate this book'}</h2>
      <ErrorNotice error={failure} />
      <div className={error ? 'field field-invalid' : 'field'}>
        <label htmlFor={`${ids}-overall`}>Overall</label>
        {stars('overall', rating.overall || null, (n) => setRating((r) => ({ ...r, overall: n ?? 0 })), true)}
        {error && (
          <p className="field-error" id={`${ids}-error`}>
            {error}
          </p>
        )}
      </div>
      <div className="field-row">
        {PARTS.map(([key, label]) => (
          <div className="field" key={key}>
            <label htmlFor={`${ids}-${key}`}>{label} (optional)</label>
            {stars(key, rating[key], (n) => setRating((r) => ({ ...r, [key]: n })), false)}
          </div>
        ))}
      </div>
      <div className="field">
        <label htmlFor={`${ids}-review`}>Review (optional)</label>
        <textarea
          id={`${ids}-review`}
          rows={4}
          maxLength={10000}
          value={rating.review ?? ''}
          onChange={(e) => setRating((r) => ({ ...r, review: e.target.value }))}
        />
      </div>
      <button type="submit" className="button">
        {rated ? 'Update rating' : 'Save rating'}
      </button>
      <div role="status" aria-live="polite">
        {saved && <p className="notice notice-success">Thank you: your rating is saved, and the author will hear of it.</p>}
      </div>
    </form>
  );
}
