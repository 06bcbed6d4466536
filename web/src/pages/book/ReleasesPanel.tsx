import { useEffect, useState } from 'react';
import type { ChapterRelease } from '../../api/books';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useSession } from '../../session/session';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** `2026-12-03T15:30` in the browser's zone (what a datetime-local input holds) → an ISO instant. */
export function localToIso(local: string): string {
  return new Date(local).toISOString();
}

function stateOf(r: ChapterRelease): string {
  switch (r.publication) {
    case 'SCHEDULED':
      return r.publishAt ? `Scheduled for ${when.format(new Date(r.publishAt))}` : 'Scheduled';
    case 'PUBLISHED':
      return r.publishedAt ? `Released ${when.format(new Date(r.publishedAt))}` : 'Released';
    case 'UNPUBLISHED':
      return 'Withdrawn';
    default:
      return 'Draft';
  }
}

/** One chapter's release: its state, and release now, schedule or withdraw. */
function ReleaseRow({ bookId, release, onChanged }: { bookId: string; release: ChapterRelease; onChanged: (r: ChapterRelease) => void }) {
  const { api } = useSession();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [scheduling, setScheduling] = useState(false);
  const [at, setAt] = useState('');
  const name = `chapter ${release.number}`;

  const run = async (action: () => Promise<ChapterRelease>) => {
    setBusy(true);
    setFailure(null);
    try {
      onChanged(await action());
      setScheduling(false);
      setAt('');
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  const released = release.publication === 'PUBLISHED';
  const scheduled = release.publication === 'SCHEDULED';

  return (
    <li className="release">
      <h3>
        Chapter {release.number}: {release.title}
      </h3>
      <p className={`meta release-state release-${release.publication.toLowerCase()}`}>{stateOf(release)}</p>
      <div className="release-actions">
        {!released && (
          <button type="button" className="button" disabled={busy} aria-label={`Release ${name} now`}
            onClick={() => run(() => api.books.releaseChapter(bookId, release.chapterId))}>
            Release now
          </button>
        )}
        {!released && !scheduling && (
          <button type="button" className="button button-secondary" disabled={busy} aria-label={`Schedule ${name}`}
            onClick={() => setScheduling(true)}>
            {scheduled ? 'Reschedule…' : 'Schedule…'}
          </button>
        )}
        {(released || scheduled) && (
          <button type="button" className="button button-secondary" disabled={busy} aria-label={`Withdraw ${name}`}
            onClick={() => run(() => api.books.withdrawChapter(bookId, release.chapterId))}>
            {scheduled ? 'Cancel the schedule' : 'Withdraw'}
          </button>
        )}
      </div>
      {scheduling && (
        <form
          className="release-schedule"
          onSubmit={(e) => {
            e.preventDefault();
            if (at) run(() => api.books.releaseChapter(bookId, release.chapterId, localToIso(at)));
          }}
        >
          <label>
            Release {name} at
            <input type="datetime-local" value={at} required onChange={(e) => setAt(e.target.value)} />
          </label>
          <button type="submit" className="button" disabled={busy || !at}>
            Schedule
          </button>
          <button type="button" className="link-button" onClick={() => setScheduling(false)}>
            Cancel
          </button>
        </form>
      )}
      <ErrorNotice error={failure} />
    </li>
  );
}

/**
 * The book's chapters as readers get them (serial release): each chapter released with the book's first
 * publication, by hand, or at a time its author chose; withdrawn again when needed.
 */
export function ReleasesPanel({ bookId }: { bookId: string }) {
  const { api } = useSession();
  const [releases, setReleases] = useState<ChapterRelease[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    api.books
      .releases(bookId)
      .then((r) => current && setReleases(r))
      .catch((e) => current && setFailure(e));
    return () => {
      current = false;
    };
  }, [api, bookId]);

  if (failure) return <ErrorNotice error={failure} />;
  if (!releases) return <p role="status">Loading the chapters’ releases…</p>;
  if (releases.length === 0) return <p>No chapters yet.</p>;
  return (
    <>
      <p>
        Readers see a chapter of a published book once it is released. Release one now, or schedule it for a time of
        your choosing (in your local time).
      </p>
      <ol className="releases">
        {releases.map((r) => (
          <ReleaseRow key={r.chapterId} bookId={bookId} release={r}
            onChanged={(next) => setReleases((all) => all && all.map((x) => (x.chapterId === next.chapterId ? next : x)))} />
        ))}
      </ol>
    </>
  );
}
