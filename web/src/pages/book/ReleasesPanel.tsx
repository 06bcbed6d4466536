import { useEffect, useState } from 'react';
import type { ChapterAccess, ChapterRelease } from '../../api/books';
import type { CreatorTier } from '../../api/library';
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

const PUBLIC: ChapterAccess = { visibility: 'public', tiers: [], later: [], everyoneAfterDays: null };

/** The chapter's access in words, e.g. "Patron and up at release · Reader after 3 days · everyone after 10 days". */
export function describeAccess(access: ChapterAccess, tiers: CreatorTier[]): string {
  const name = (id: string | null) => (id === null ? 'any member' : (tiers.find((t) => t.id === id)?.name ?? 'a tier'));
  if (access.freePreview) return 'Everyone (free preview)';
  if (access.visibility === 'public') return 'Everyone';
  const parts = [access.visibility === 'members' ? 'Members of any tier at release' : `${access.tiers.map(name).join(', ')} and up at release`];
  for (const step of access.later) parts.push(`${name(step.tier)} after ${step.afterDays} days`);
  if (access.everyoneAfterDays != null) parts.push(`everyone after ${access.everyoneAfterDays} days`);
  return parts.join(' · ');
}

/** A number of days typed in a field: a whole number, else null. */
function days(text: string): number | null {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** Who may read one chapter: everyone, members, chosen tiers, and an early-access cascade. */
function AccessEditor({ bookId, release, tiers, onSaved, onCancel }: {
  bookId: string; release: ChapterRelease; tiers: CreatorTier[]; onSaved: (a: ChapterAccess) => void; onCancel: () => void;
}) {
  const { api } = useSession();
  const current = release.access ?? PUBLIC;
  const [visibility, setVisibility] = useState(current.visibility);
  const [chosen, setChosen] = useState<string[]>(current.tiers);
  const [later, setLater] = useState(current.later.map((s) => ({ tier: s.tier ?? '', afterDays: String(s.afterDays) })));
  const [everyone, setEveryone] = useState(current.everyoneAfterDays == null ? '' : String(current.everyoneAfterDays));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const name = `chapter ${release.number}`;
  const live = tiers.filter((t) => !t.archived);

  const save = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const access: ChapterAccess = {
        visibility,
        tiers: visibility === 'tiers' ? chosen : [],
        later: visibility === 'tiers' ? later.map((s) => ({ tier: s.tier || null, afterDays: days(s.afterDays) ?? 0 })) : [],
        everyoneAfterDays: visibility === 'public' || everyone.trim() === '' ? null : (days(everyone) ?? 0),
      };
      onSaved(await api.books.setChapterAccess(bookId, release.chapterId, access));
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="release-access" aria-label={`Who may read ${name}`} onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <label>
        Readers of {name}
        <select value={visibility} onChange={(e) => setVisibility(e.target.value as ChapterAccess['visibility'])}>
          <option value="public">Everyone</option>
          <option value="members">Members of any tier</option>
          <option value="tiers">Members of chosen tiers</option>
        </select>
      </label>
      {visibility === 'tiers' && (
        <fieldset>
          <legend>At release: members of these tiers (and dearer ones)</legend>
          {live.length === 0 && <p className="meta">You have no tiers yet.</p>}
          {live.map((t) => (
            <label key={t.id} className="checkbox">
              <input type="checkbox" checked={chosen.includes(t.id)}
                onChange={(e) => setChosen((all) => (e.target.checked ? [...all, t.id] : all.filter((x) => x !== t.id)))} />
              {t.name}
            </label>
          ))}
        </fieldset>
      )}
      {visibility === 'tiers' && (
        <fieldset>
          <legend>Early access: then let in</legend>
          {later.map((step, index) => (
            <div key={index} className="release-step">
              <label>
                Step {index + 1} tier
                <select value={step.tier} onChange={(e) => setLater((all) => all.map((s, i) => (i === index ? { ...s, tier: e.target.value } : s)))}>
                  <option value="">Any member</option>
                  {live.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
                </select>
              </label>
              <label>
                Step {index + 1} days after release
                <input type="number" value={step.afterDays}
                  onChange={(e) => setLater((all) => all.map((s, i) => (i === index ? { ...s, afterDays: e.target.value } : s)))} />
              </label>
              <button type="button" className="link-button" aria-label={`Remove step ${index + 1}`}
                onClick={() => setLater((all) => all.filter((_, i) => i !== index))}>
                Remove
              </button>
            </div>
          ))}
          <button type="button" className="link-button" onClick={() => setLater((all) => [...all, { tier: '', afterDays: '' }])}>
            Add a step
          </button>
        </fieldset>
      )}
      {visibility !== 'public' && (
        <label>
          Everyone may read it after (days; empty: never)
          <input type="number" value={everyone} onChange={(e) => setEveryone(e.target.value)} />
        </label>
      )}
      <div className="release-actions">
        <button type="submit" className="button" disabled={busy}>Save access</button>
        <button type="button" className="link-button" onClick={onCancel}>Cancel</button>
      </div>
      <ErrorNotice error={failure} />
    </form>
  );
}

/** The book's free preview: its first chapters always public. */
function FreePreview({ bookId }: { bookId: string }) {
  const { api } = useSession();
  const [chapters, setChapters] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    let current = true;
    api.books.freePreview(bookId).then((p) => current && setChapters(String(p.chapters))).catch((e) => current && setFailure(e));
    return () => {
      current = false;
    };
  }, [api, bookId]);
  if (chapters === null) return failure ? <ErrorNotice error={failure} /> : null;
  return (
    <form className="free-preview" onSubmit={async (e) => {
      e.preventDefault();
      setFailure(null);
      setSaved(false);
      try {
        setChapters(String((await api.books.setFreePreview(bookId, days(chapters) ?? -1)).chapters));
        setSaved(true);
      } catch (err) {
        setFailure(err);
      }
    }}>
      <label>
        Free preview: the first chapters everyone may read
        <input type="number" min={0} value={chapters} onChange={(e) => { setChapters(e.target.value); setSaved(false); }} />
      </label>
      <button type="submit" className="button button-secondary">Save preview</button>
      <span role="status">{saved ? 'Saved.' : ''}</span>
      <ErrorNotice error={failure} />
    </form>
  );
}

/** One chapter's release: its state, and release now, schedule or withdraw; and who may read it. */
function ReleaseRow({ bookId, release, tiers, onChanged }: {
  bookId: string; release: ChapterRelease; tiers: CreatorTier[]; onChanged: (r: ChapterRelease) => void;
}) {
  const { api } = useSession();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [scheduling, setScheduling] = useState(false);
  const [at, setAt] = useState('');
  const [editingAccess, setEditingAccess] = useState(false);
  const name = `chapter ${release.number}`;

  const run = async (action: () => Promise<ChapterRelease>) => {
    setBusy(true);
    setFailure(null);
    try {
      // publish and withdraw answer the release without its access: keep the one known
      const next = await action();
      onChanged({ ...next, access: next.access ?? release.access });
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
      <p className="meta release-readers">Readers: {describeAccess(release.access ?? PUBLIC, tiers)}</p>
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
        {!editingAccess && (
          <button type="button" className="button button-secondary" aria-label={`Who may read ${name}`}
            onClick={() => setEditingAccess(true)}>
            Who may read…
          </button>
        )}
      </div>
      {editingAccess && (
        <AccessEditor bookId={bookId} release={release} tiers={tiers} onCancel={() => setEditingAccess(false)}
          onSaved={(access) => { onChanged({ ...release, access }); setEditingAccess(false); }} />
      )}
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
  const { api, user } = useSession();
  const [releases, setReleases] = useState<ChapterRelease[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [tiers, setTiers] = useState<CreatorTier[]>([]);

  // the author's own tiers, to gate chapters by (none yet: every chapter stays open to everyone)
  useEffect(() => {
    if (!user) return;
    let current = true;
    api.library
      .creatorTiers(user.id)
      .then((t) => current && setTiers(t ?? []))
      .catch(() => current && setTiers([]));
    return () => {
      current = false;
    };
  }, [api, user]);

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
        your choosing (in your local time). A chapter can be kept for your members, or for chosen tiers first and
        everyone later (early access); readers without access see its first lines and which tiers unlock it.
      </p>
      <FreePreview bookId={bookId} />
      <ol className="releases">
        {releases.map((r) => (
          <ReleaseRow key={r.chapterId} bookId={bookId} release={r} tiers={tiers}
            onChanged={(next) => setReleases((all) => all && all.map((x) => (x.chapterId === next.chapterId ? next : x)))} />
        ))}
      </ol>
    </>
  );
}
