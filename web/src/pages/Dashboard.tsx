import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { FORMATS, type BookGoal, type BookSummary, type WritingProgress } from '../api/books';
import { ErrorNotice, SuccessNotice } from '../components/ErrorNotice';
import { SampleBadge } from '../components/SampleBadge';
import { usePageTitle } from '../components/usePageTitle';
import { useSession } from '../session/session';

function formatLabel(format?: string) {
  // the content service answers in its wire form (short-story); the form sends SHORT_STORY
  const key = format?.toUpperCase().replaceAll('-', '_');
  return FORMATS.find((f) => f.value === key)?.label ?? format;
}

/** How long a deleted book can be brought back before it is deleted on the server (tests shorten it). */
export const undoTime = { ms: 6000 };

const numbers = new Intl.NumberFormat('en');
const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

function lastEdited(iso?: string) {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "My books": everything the writer has started, with words, progress and when it was last edited. */
export function Dashboard() {
  usePageTitle('My books');
  const { api, user } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const started = (location.state as { started?: string } | null)?.started;
  const [books, setBooks] = useState<BookSummary[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  // a deleted book waits here, hidden, until the undo time is over; only then is it deleted on the server
  const [deleted, setDeleted] = useState<BookSummary | null>(null);
  const pendingDelete = useRef<{ book: BookSummary; timer: ReturnType<typeof setTimeout> } | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);

  const load = useCallback(
    () =>
      api.books
        .list()
        .then(setBooks)
        .catch((e) => setFailure(e)),
    [api],
  );

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

  const commitDelete = useCallback(() => {
    const pending = pendingDelete.current;
    if (!pending) return;
    pendingDelete.current = null;
    clearTimeout(pending.timer);
    setDeleted(null);
    api.books.remove(pending.book.id).catch((e) => {
      // it is still there: show it again, with why
      setFailure(e);
      load();
    });
  }, [api, load]);

  // leaving the screen ends the undo time: the book is deleted as the writer asked
  useEffect(() => () => commitDelete(), [commitDelete]);

  const remove = (book: BookSummary) => {
    commitDelete(); // one undo at a time: an earlier deletion goes through now
    setDone(null);
    setFailure(null);
    setBooks((list) => list?.filter((b) => b.id !== book.id) ?? null);
    setDeleted(book);
    pendingDelete.current = { book, timer: setTimeout(() => commitDelete(), undoTime.ms) };
    setTimeout(() => undoButton.current?.focus(), 0);
  };

  const undo = () => {
    const pending = pendingDelete.current;
    if (!pending) return;
    clearTimeout(pending.timer);
    pendingDelete.current = null;
    setDeleted(null);
    setBooks((list) => (list ? [pending.book, ...list.filter((b) => b.id !== pending.book.id)] : [pending.book]));
    setDone(`“${pending.book.title}” is back.`);
  };

  const duplicate = async (book: BookSummary) => {
    setFailure(null);
    setDone(null);
    try {
      const copy = await api.books.duplicate(book.id);
      setDone(`Made a copy: “${copy.title}”.`);
      await load();
    } catch (e) {
      setFailure(e);
    }
  };

  const renamed = (book: BookSummary, title: string) => {
    setBooks((list) => list?.map((b) => (b.id === book.id ? { ...b, title } : b)) ?? null);
    setDone(`Renamed to “${title}”.`);
  };

  const imported = (book: { id: string; title: string }) => navigate(`/books/${encodeURIComponent(book.id)}`, { state: { imported: book.title } });

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
      <div role="status" aria-live="polite">
        {deleted && (
          <p className="notice notice-info undo-notice">
            Deleted “{deleted.title}”.{' '}
            <button ref={undoButton} type="button" className="link-button" onClick={undo}>
              Undo
            </button>
          </p>
        )}
        {done && <p className="notice notice-success">{done}</p>}
      </div>
      <ErrorNotice error={failure} />
      <WritingToday />
      <ImportForm onImported={imported} />
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
            <BookCard key={b.id} book={b} onDelete={remove} onDuplicate={duplicate} onRenamed={renamed} />
          ))}
        </ul>
      )}
    </section>
  );
}

function BookCard({
  book,
  onDelete,
  onDuplicate,
  onRenamed,
}: {
  book: BookSummary;
  onDelete: (book: BookSummary) => void;
  onDuplicate: (book: BookSummary) => Promise<void>;
  onRenamed: (book: BookSummary, title: string) => void;
}) {
  const { api } = useSession();
  const ids = useId();
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm' | 'goal'>('view');
  const [goalWords, setGoalWords] = useState<number | null>(book.goalWords ?? null);
  const [pace, setPace] = useState<string | null>(null);
  const [title, setTitle] = useState(book.title);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const edited = lastEdited(book.updatedAt);
  const scenes = book.scenes ?? 0;
  const drafted = book.scenesDrafted ?? 0;

  const rename = async (e: FormEvent) => {
    e.preventDefault();
    const next = title.trim();
    if (!next) {
      setError('A book needs a title.');
      return;
    }
    if (next.length > 300) {
      setError('Keep the title to 300 characters.');
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await api.books.rename(book.id, next);
      onRenamed(book, next);
      setMode('view');
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="book-card">
      <h2>
        <Link to={`/books/${encodeURIComponent(book.id)}`}>{book.title}</Link>
      </h2>
      <p className="meta">
        {formatLabel(book.format)}
        {book.status ? ` · ${book.status.toLowerCase()}` : ''}
      </p>
      {book.sample && <SampleBadge />}
      <dl className="book-figures">
        <div>
          <dt>Words</dt>
          <dd>{numbers.format(book.words ?? 0)}</dd>
        </div>
        <div>
          <dt>Progress</dt>
          <dd>
            {scenes > 0 ? (
              <>
                <progress max={scenes} value={drafted} aria-label={`Scenes drafted of ${book.title}`} />{' '}
                {numbers.format(drafted)} of {numbers.format(scenes)} scenes drafted
              </>
            ) : (
              'No scenes yet'
            )}
          </dd>
        </div>
        {goalWords !== null && (
          <div>
            <dt>Goal</dt>
            <dd>
              <progress max={goalWords} value={Math.min(book.words ?? 0, goalWords)} aria-label={`Words towards the goal of ${book.title}`} />{' '}
              {numbers.format(book.words ?? 0)} of {numbers.format(goalWords)} words
            </dd>
          </div>
        )}
        {edited && (
          <div>
            <dt>Last edited</dt>
            <dd>
              <time dateTime={book.updatedAt}>{day.format(edited)}</time>
            </dd>
          </div>
        )}
      </dl>
      <ErrorNotice error={failure} />
      {pace && <p className="meta goal-pace">{pace}</p>}
      {mode === 'view' && (
        <div className="card-actions">
          <button type="button" className="link-button" onClick={() => setMode('goal')}>
            {goalWords === null ? 'Set a goal' : 'Change goal'}{' '}
            <span className="visually-hidden">{`for “${book.title}”`}</span>
          </button>
          <button type="button" className="link-button" onClick={() => setMode('rename')}>
            Rename{' '}
            <span className="visually-hidden">{`“${book.title}”`}</span>
          </button>
          <button type="button" className="link-button" disabled={busy} onClick={() => onDuplicate(book)}>
            Duplicate{' '}
            <span className="visually-hidden">{`“${book.title}”`}</span>
          </button>
          <button type="button" className="link-button danger" onClick={() => setMode('confirm')}>
            Delete{' '}
            <span className="visually-hidden">{`“${book.title}”`}</span>
          </button>
        </div>
      )}
      {mode === 'rename' && (
        <form className="card-form" noValidate onSubmit={rename}>
          <label htmlFor={`${ids}-title`}>New title</label>
          <input
            id={`${ids}-title`}
            value={title}
            autoFocus
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${ids}-error` : undefined}
            onChange={(e) => {
              setTitle(e.target.value);
              setError(null);
            }}
          />
          {error && (
            <p className="field-error" id={`${ids}-error`}>
              {error}
            </p>
          )}
          <div className="card-actions">
            <button type="submit" className="button button-small" disabled={busy}>
              {busy ? 'Saving…' : 'Save title'}
            </button>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => {
                setTitle(book.title);
                setError(null);
                setMode('view');
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
      {mode === 'goal' && (
        <GoalForm
          book={book}
          goalWords={goalWords}
          onDone={(goal) => {
            setGoalWords(goal ? goal.targetWords : null);
            setPace(goal ? paceOf(goal) : null);
            setMode('view');
          }}
          onCancel={() => setMode('view')}
        />
      )}
      {mode === 'confirm' && (
        <div className="card-form" role="group" aria-labelledby={`${ids}-confirm`}>
          <p id={`${ids}-confirm`}>
            Delete “{book.title}” with all its chapters, scenes, history and exports? You can undo it for a few seconds.
          </p>
          <div className="card-actions">
            <button type="button" className="button button-danger button-small" autoFocus onClick={() => onDelete(book)}>
              Delete book
            </button>
            <button type="button" className="button button-secondary button-small" onClick={() => setMode('view')}>
              Keep it
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

/** A count of words as typed ("80,000"), if it is a whole number from 1 to `max`; else null. */
function wordCount(text: string, max: number): number | null {
  const words = Number(text.replaceAll(',', '').trim());
  return Number.isInteger(words) && words >= 1 && words <= max ? words : null;
}

/** The number field of a goal form, with its error tied to it for screen readers. */
function WordsField({ id, label, value, error, onChange }: {
  id: string;
  label: string;
  value: string;
  error: string | null;
  onChange: (value: string) => void;
}) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode="numeric"
        value={value}
        autoFocus
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

/** What a goal asks of the writer, in words. */
export function paceOf(goal: BookGoal) {
  if (goal.remaining === 0) return `Goal reached: ${numbers.format(goal.words)} of ${numbers.format(goal.targetWords)} words.`;
  const left = `${numbers.format(goal.remaining)} words to go`;
  if (goal.deadline === null) return `${left}.`;
  if (goal.daysLeft === 0 || goal.wordsPerDay === null) return `${left}; the deadline has passed.`;
  const by = day.format(new Date(`${goal.deadline}T12:00:00`));
  return `${left}: about ${numbers.format(goal.wordsPerDay)} a day to reach it by ${by}.`;
}

function GoalForm({
  book,
  goalWords,
  onDone,
  onCancel,
}: {
  book: BookSummary;
  goalWords: number | null;
  onDone: (goal: BookGoal | null) => void;
  onCancel: () => void;
}) {
  const { api } = useSession();
  const ids = useId();
  const [words, setWords] = useState(goalWords ? String(goalWords) : '');
  const [deadline, setDeadline] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const target = wordCount(words, 2_000_000);
    if (target === null) {
      setError('Give the goal as a number of words, from 1 to 2,000,000.');
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      onDone(await api.books.setGoal(book.id, target, deadline || null));
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  const clear = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await api.books.clearGoal(book.id);
      onDone(null);
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card-form" noValidate onSubmit={save} aria-label={`Goal for “${book.title}”`}>
      <ErrorNotice error={failure} />
      <WordsField
        id={`${ids}-words`}
        label="Words to reach"
        value={words}
        error={error}
        onChange={(value) => {
          setWords(value);
          setError(null);
        }}
      />
      <label htmlFor={`${ids}-deadline`}>By (optional)</label>
      <input id={`${ids}-deadline`} type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
      <div className="card-actions">
        <button type="submit" className="button button-small" disabled={busy}>
          {busy ? 'Saving…' : 'Save goal'}
        </button>
        {goalWords !== null && (
          <button type="button" className="button button-secondary button-small" disabled={busy} onClick={clear}>
            Remove goal
          </button>
        )}
        <button type="button" className="button button-secondary button-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Today's words against the writer's daily goal, and the streak of days it was met. */
function WritingToday() {
  const { api } = useSession();
  const ids = useId();
  const [progress, setProgress] = useState<WritingProgress | null>(null);
  const [editing, setEditing] = useState(false);
  const [goal, setGoal] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const load = useCallback(
    () =>
      api.books
        .progress()
        .then(setProgress)
        .catch(() => setProgress(null)),
    [api],
  );

  useEffect(() => {
    load();
  }, [load]);

  if (!progress) return null;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const words = wordCount(goal, 100_000);
    if (words === null) {
      setError('Give your daily goal as a number of words, from 1 to 100,000.');
      return;
    }
    setFailure(null);
    try {
      await api.books.setDailyGoal(words);
      setEditing(false);
      await load();
    } catch (err) {
      setFailure(err);
    }
  };

  const clear = async () => {
    setFailure(null);
    try {
      await api.books.clearDailyGoal();
      setEditing(false);
      await load();
    } catch (err) {
      setFailure(err);
    }
  };

  const streak = progress.streak === 1 ? '1 day in a row' : `${numbers.format(progress.streak)} days in a row`;
  return (
    <section className="writing-today" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>Today</h2>
      <p>
        {progress.dailyWords !== null ? (
          <>
            <progress max={progress.dailyWords} value={Math.max(0, Math.min(progress.todayWords, progress.dailyWords))} aria-label="Words today towards your daily goal" />{' '}
            {numbers.format(progress.todayWords)} of {numbers.format(progress.dailyWords)} words
            {progress.todayWords >= progress.dailyWords ? ': goal met.' : '.'}
          </>
        ) : (
          <>{numbers.format(progress.todayWords)} words written.</>
        )}{' '}
        {progress.streak > 0 ? `Streak: ${streak}.` : 'No streak yet.'}
      </p>
      <ErrorNotice error={failure} />
      {editing ? (
        <form className="card-form" noValidate onSubmit={save} aria-label="Daily goal">
          <WordsField
            id={`${ids}-goal`}
            label="Words a day"
            value={goal}
            error={error}
            onChange={(value) => {
              setGoal(value);
              setError(null);
            }}
          />
          <div className="card-actions">
            <button type="submit" className="button button-small">
              Save daily goal
            </button>
            {progress.dailyWords !== null && (
              <button type="button" className="button button-secondary button-small" onClick={clear}>
                Remove daily goal
              </button>
            )}
            <button type="button" className="button button-secondary button-small" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setGoal(progress.dailyWords ? String(progress.dailyWords) : '');
            setEditing(true);
          }}
        >
          {progress.dailyWords === null ? 'Set a daily goal' : 'Change daily goal'}
        </button>
      )}
    </section>
  );
}

const IMPORTABLE = '.md,.markdown,.docx,.epub,text/markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/epub+zip';

/** A manuscript file becomes a new book: Markdown, Word or EPUB (the server reads chapters and scenes from it). */
function ImportForm({ onImported }: { onImported: (book: { id: string; title: string }) => void }) {
  const { api } = useSession();
  const ids = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    if (!file) {
      setError('Choose a Markdown (.md), Word (.docx) or EPUB (.epub) file first.');
      input.current?.focus();
      return;
    }
    if (!/\.(md|markdown|docx|epub)$/i.test(file.name)) {
      setError('Only Markdown (.md), Word (.docx) and EPUB (.epub) files can be imported.');
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      onImported(await api.books.importFile(file));
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="import-book">
      <summary>Import a manuscript</summary>
      <form noValidate onSubmit={submit} aria-label="Import a manuscript">
        <ErrorNotice error={failure} />
        <div className={error ? 'field field-invalid' : 'field'}>
          <label htmlFor={`${ids}-file`}>Manuscript (Markdown, Word or EPUB)</label>
          <input
            ref={input}
            id={`${ids}-file`}
            type="file"
            accept={IMPORTABLE}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${ids}-error` : `${ids}-hint`}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setError(null);
            }}
          />
          {error ? (
            <p className="field-error" id={`${ids}-error`}>
              {error}
            </p>
          ) : (
            <p className="hint" id={`${ids}-hint`}>
              Its chapters and scenes become a new book; the file itself is not kept.
            </p>
          )}
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Importing…' : 'Import'}
        </button>
      </form>
    </details>
  );
}
