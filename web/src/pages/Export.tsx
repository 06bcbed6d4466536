import { useCallback, useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import {
  EXPORT_FORMATS,
  TRIM_SIZES,
  isSampleBook,
  isScript,
  type BookDetails,
  type BookExport,
  type ExportFormat,
} from '../api/library';
import { ErrorNotice, SuccessNotice } from '../components/ErrorNotice';
import { SampleBadge } from '../components/SampleBadge';
import { usePageTitle } from '../components/usePageTitle';
import { useSession } from '../session/session';
import './library.css';

/** How often an export on its way is asked about. */
export const POLL_MS = 1000;

function formatLabel(format: string) {
  return EXPORT_FORMATS.find((f) => f.value === format)?.label ?? format.toUpperCase();
}

function trimLabel(trim?: string | null) {
  return TRIM_SIZES.find((t) => t.value.toLowerCase() === trim?.toLowerCase())?.label ?? trim ?? '';
}

const STATE_WORDS: Record<string, string> = {
  QUEUED: 'Waiting to start',
  RUNNING: 'Being made',
  WAITING_FOR_STORAGE: 'Waiting for file storage',
  DONE: 'Ready',
  FAILED: 'Failed',
};

function finished(e: BookExport) {
  return e.state === 'DONE' || e.state === 'FAILED';
}

function when(iso?: string | null) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** `/books/:id/export`: files of the book (EPUB, PDF, Word, Markdown; Fountain and FDX for scripts) and its cover. */
export function Export() {
  const { id = '' } = useParams();
  const { api, user } = useSession();
  const ids = useId();
  const [book, setBook] = useState<BookDetails | null>(null);
  // the title page's name: the profile's display name, else the username; the author may change it per export
  const profileName = user?.displayName?.trim() || user?.username || '';
  const [author, setAuthor] = useState<string | null>(null);
  const authorName = author ?? profileName;
  const [failure, setFailure] = useState<unknown>(null);
  const [earlier, setEarlier] = useState<BookExport[] | null>(null);
  const [format, setFormat] = useState<ExportFormat>('epub');
  const [trim, setTrim] = useState('6x9');
  const [current, setCurrent] = useState<BookExport | null>(null);
  const [starting, setStarting] = useState(false);
  const [fetching, setFetching] = useState<string | null>(null);

  usePageTitle(book ? `Export “${book.title}”` : 'Export');

  const loadEarlier = useCallback(
    () =>
      api.library
        .exports(id)
        .then(setEarlier)
        .catch(() => setEarlier([])),
    [api, id],
  );

  useEffect(() => {
    api.library.book(id).then(setBook).catch(setFailure);
    loadEarlier();
  }, [api, id, loadEarlier]);

  // follow the export on its way until it is done or failed
  useEffect(() => {
    if (!current || finished(current)) return;
    let active = true;
    const timer = setTimeout(() => {
      api.library
        .export(id, current.id)
        .then((e) => {
          if (!active) return;
          setCurrent(e);
          if (finished(e)) loadEarlier();
        })
        .catch((e) => active && setFailure(e));
    }, POLL_MS);
    return () => {
      active = false;
      clearTimeout(timer);
    };
  }, [api, id, current, loadEarlier]);

  const start = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setStarting(true);
    try {
      setCurrent(await api.library.startExport(id, format, format === 'pdf' ? trim : undefined, authorName));
    } catch (error) {
      setFailure(error);
    } finally {
      setStarting(false);
    }
  };

  /** Earlier exports carry no link: ask for a fresh signed one, then go there (the browser downloads it). */
  const download = async (e: BookExport) => {
    setFetching(e.id);
    setFailure(null);
    try {
      const fresh = await api.library.export(id, e.id);
      if (fresh.downloadUrl) window.location.assign(fresh.downloadUrl);
      else setFailure(new Error('This file is no longer stored. Export the book again to get a new one.'));
    } catch (error) {
      setFailure(error);
    } finally {
      setFetching(null);
    }
  };

  if (!book) {
    return failure ? (
      <section className="narrow">
        <h1>Export</h1>
        <ErrorNotice error={failure} />
        <Link to="/books">Back to My books</Link>
      </section>
    ) : (
      <p role="status">Loading…</p>
    );
  }

  const formats = EXPORT_FORMATS.filter((f) => !f.scriptsOnly || isScript(book.format));
  const busy = starting || (current !== null && !finished(current));

  return (
    <section>
      <h1>Export “{book.title}”</h1>
      <p className="meta">
        <Link to={`/books/${encodeURIComponent(id)}/read`}>Read the book</Link> · <Link to="/books">My books</Link>
      </p>
      {isSampleBook(book) && (
        <p className="notice notice-info">
          <SampleBadge /> The offline sample writer wrote this book; every file says that it is sample text.
        </p>
      )}
      <ErrorNotice error={failure} />

      <form noValidate onSubmit={start} aria-labelledby={`${ids}-new`}>
        <h2 id={`${ids}-new`}>New export</h2>
        <fieldset className="export-formats">
          <legend>Format</legend>
          <div className="choice-list">
            {formats.map((f) => (
              <label key={f.value} className="choice">
                <input
                  type="radio"
                  name="format"
                  value={f.value}
                  checked={format === f.value}
                  onChange={() => setFormat(f.value)}
                  aria-describedby={`${ids}-${f.value}-hint`}
                />
                <span>
                  <strong>{f.label}</strong>
                  <span className="hint" id={`${ids}-${f.value}-hint`}>
                    {f.hint}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {format === 'pdf' && (
          <div className="field narrow">
            <label htmlFor={`${ids}-trim`}>Page size</label>
            <select id={`${ids}-trim`} value={trim} onChange={(e) => setTrim(e.target.value)}>
              {TRIM_SIZES.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field narrow">
          <label htmlFor={`${ids}-author`}>Author name</label>
          <input
            id={`${ids}-author`}
            value={authorName}
            maxLength={200}
            autoComplete="name"
            aria-describedby={`${ids}-author-hint`}
            onChange={(e) => setAuthor(e.target.value)}
          />
          <p className="hint" id={`${ids}-author-hint`}>
            On the title page and in the file’s details. From your profile; change it for this export if you like.
          </p>
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Exporting…' : `Export ${formatLabel(format)}`}
        </button>
      </form>

      <div className="export-progress" role="status" aria-live="polite">
        {current && !finished(current) && (
          <p>
            Making your {formatLabel(current.format)}: {STATE_WORDS[current.state]?.toLowerCase() ?? current.state}…
          </p>
        )}
        {current?.state === 'DONE' && (
          <div className="export-done">
            <p>Your {formatLabel(current.format)} is ready.</p>
            {current.downloadUrl && (
              <a className="button" href={current.downloadUrl} download>
                Download {formatLabel(current.format)}
              </a>
            )}
          </div>
        )}
      </div>
      {current?.state === 'FAILED' && (
        <div className="notice notice-error" role="alert">
          <p>
            We couldn’t make the {formatLabel(current.format)}. {current.error ?? 'Please try again.'}
          </p>
        </div>
      )}

      <h2>Earlier exports</h2>
      {earlier === null && <p role="status">Loading earlier exports…</p>}
      {earlier?.length === 0 && <p>None yet. Your exports are listed here, newest first.</p>}
      {earlier && earlier.length > 0 && (
        <table className="export-table">
          <thead>
            <tr>
              <th scope="col">Format</th>
              <th scope="col">State</th>
              <th scope="col">Made</th>
              <th scope="col">
                <span className="visually-hidden">Download</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {earlier.map((e) => (
              <tr key={e.id}>
                <td>
                  {formatLabel(e.format)}
                  {e.format === 'pdf' && e.trim ? ` · ${trimLabel(e.trim)}` : ''}
                </td>
                <td className={e.state === 'FAILED' ? 'state-failed' : undefined}>
                  {STATE_WORDS[e.state] ?? e.state}
                  {e.state === 'FAILED' && e.error ? `: ${e.error}` : ''}
                </td>
                <td>{when(e.completedAt ?? e.createdAt)}</td>
                <td>
                  {e.state === 'DONE' && (
                    <button
                      type="button"
                      className="link-button"
                      disabled={fetching !== null}
                      onClick={() => download(e)}
                    >
                      {fetching === e.id ? 'Getting the link…' : 'Download'}{' '}
                      <span className="visually-hidden">
                        {formatLabel(e.format)} made {when(e.completedAt ?? e.createdAt)}
                      </span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <CoverForm bookId={id} hasCover={!!book.cover} />
    </section>
  );
}

/** The cover every export uses from now on (PNG or JPEG); without one, exports draw one from the title. */
function CoverForm({ bookId, hasCover }: { bookId: string; hasCover: boolean }) {
  const { api } = useSession();
  const ids = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [covered, setCovered] = useState(hasCover);

  const choose = (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0] ?? null;
    setFile(chosen);
    setDone(null);
    setFieldError(null);
    setPreview(null);
    if (chosen && ['image/png', 'image/jpeg'].includes(chosen.type)) {
      // a data: address: the CSP allows those for images, not blob:
      const reader = new FileReader();
      reader.onload = () => setPreview(typeof reader.result === 'string' ? reader.result : null);
      try {
        reader.readAsDataURL(chosen);
      } catch {
        // no preview, the upload still works
      }
    }
  };

  const upload = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setDone(null);
    if (!file) {
      setFieldError('Choose a PNG or JPEG image first.');
      input.current?.focus();
      return;
    }
    setPending(true);
    try {
      await api.library.uploadCover(bookId, file);
      setCovered(true);
      setDone('Your cover is saved. Every export from now on uses it.');
    } catch (error) {
      setFailure(error);
    } finally {
      setPending(false);
    }
  };

  const remove = async () => {
    setFailure(null);
    setDone(null);
    setPending(true);
    try {
      await api.library.removeCover(bookId);
      setCovered(false);
      setDone('Your cover is removed. Exports draw a cover from the title again.');
      setFile(null);
      setPreview(null);
      if (input.current) input.current.value = '';
    } catch (error) {
      setFailure(error);
    } finally {
      setPending(false);
    }
  };

  return (
    <form noValidate className="cover-form narrow" onSubmit={upload} aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>Cover</h2>
      <p className="hint">Optional. Without a cover of your own, each export draws one from the title and author.</p>
      <ErrorNotice error={failure} />
      {done && (
        <SuccessNotice>
          <p>{done}</p>
        </SuccessNotice>
      )}
      <div className={fieldError ? 'field field-invalid' : 'field'}>
        <label htmlFor={`${ids}-file`}>Cover image (PNG or JPEG)</label>
        <input
          ref={input}
          id={`${ids}-file`}
          type="file"
          accept="image/png,image/jpeg"
          onChange={choose}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? `${ids}-error` : undefined}
        />
        {fieldError && (
          <p className="field-error" id={`${ids}-error`}>
            {fieldError}
          </p>
        )}
      </div>
      {preview && <img className="cover-preview" src={preview} alt="The chosen cover" />}
      <div className="form-actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Saving…' : 'Upload cover'}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={pending || !covered}
          aria-describedby={covered ? undefined : `${ids}-no-cover`}
          onClick={remove}
        >
          Remove cover
        </button>
      </div>
      {!covered && (
        <p className="hint" id={`${ids}-no-cover`}>
          This book has no cover of its own yet, so there is none to remove.
        </p>
      )}
    </form>
  );
}
