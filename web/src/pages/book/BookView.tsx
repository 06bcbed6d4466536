import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { FORMATS } from '../../api/books';
import { ACTIVE_STATES, TERMINAL_EVENTS, type BookDetails, type JobStatus, type Progress, type ProgressEvent } from '../../api/generation';
import { ApiError } from '../../api/problems';
import { ErrorNotice, SuccessNotice } from '../../components/ErrorNotice';
import { SampleBadge } from '../../components/SampleBadge';
import { usePageTitle } from '../../components/usePageTitle';
import { useApi } from '../../session/session';
import { NotFound } from '../NotFound';
import { CodexPanel } from '../write/CodexPanel';
import { ContextViewer, OutlineTree, StoryBible, SummariesView, UsagePanel } from './BookPanels';
import { ProgressPanel } from './ProgressPanel';
import { ReleasesPanel } from './ReleasesPanel';
import { numberFormat, useGeneration, useGenerationEvents } from './useGeneration';
import './book.css';

const TABS = [
  { key: 'outline', label: 'Outline' },
  { key: 'bible', label: 'Story bible' },
  { key: 'codex', label: 'Codex' },
  { key: 'summaries', label: 'Summaries' },
  { key: 'context', label: 'Context' },
  { key: 'releases', label: 'Releases' },
  { key: 'usage', label: 'Tokens and cost' },
] as const;
type Tab = (typeof TABS)[number]['key'];

const BOOK_STATUS: Record<string, string> = {
  DRAFT: 'Draft',
  QUEUED: 'Waiting to be written',
  GENERATING: 'Being written',
  PAUSED: 'Paused',
  COMPLETE: 'Complete',
  FAILED: 'Stopped by a problem',
  CANCELLED: 'Stopped',
};

function formatLabel(format?: string) {
  const key = format?.toUpperCase().replaceAll('-', '_');
  return FORMATS.find((f) => f.value === key)?.label ?? format;
}

/** Refreshing the outline and the open panel after each event would flood the server on a fast book. */
const REFRESH_EVERY_MS = 1500;

/** One book: its progress while it is written, and what the generator made and knew. */
export function BookView() {
  const { id = '' } = useParams();
  const gen = useGeneration();
  const { client } = useApi();
  const location = useLocation();
  const navigate = useNavigate();
  const approved = (location.state as { approved?: boolean } | null)?.approved;
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.some((t) => t.key === params.get('tab')) ? (params.get('tab') as Tab) : 'outline';
  const sceneId = params.get('scene');
  const [book, setBook] = useState<BookDetails | null>(null);
  const [status, setStatus] = useState<JobStatus | null | undefined>(undefined);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [refresh, setRefresh] = useState(0);
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});
  const lastRefresh = useRef(0);
  const pendingRefresh = useRef<ReturnType<typeof setTimeout> | null>(null);
  usePageTitle(book?.title ?? 'Book');

  const loadBook = useCallback(() => gen.book(id).then(setBook), [gen, id]);

  useEffect(() => {
    let current = true;
    setFailure(null);
    gen
      .book(id)
      // a book written by hand or imported has no job: not asking spares a 404
      .then(async (b) => [b, b.metadata?.generated ? await gen.status(id) : null] as const)
      .then(([b, s]) => {
        if (!current) return;
        setBook(b);
        setStatus(s);
      })
      .catch((e) => current && setFailure(e));
    return () => {
      current = false;
      if (pendingRefresh.current) clearTimeout(pendingRefresh.current);
    };
  }, [gen, id]);

  const refreshSoon = useCallback(() => {
    const run = () => {
      pendingRefresh.current = null;
      lastRefresh.current = Date.now();
      loadBook().catch(() => undefined);
      setRefresh((r) => r + 1);
    };
    if (pendingRefresh.current) return;
    const wait = Math.max(0, lastRefresh.current + REFRESH_EVERY_MS - Date.now());
    pendingRefresh.current = setTimeout(run, wait);
  }, [loadBook]);

  const onEvent = (e: ProgressEvent) => {
    if (e.data.progress) setProgress(e.data.progress);
    if ((TERMINAL_EVENTS as readonly string[]).includes(e.name)) {
      gen
        .status(id)
        .then(async (s) => {
          // the book first, so the header and the card change to the same final numbers together
          await loadBook().catch(() => undefined);
          setStatus(s);
          if (s) setProgress(null);
        })
        .catch(setFailure);
      refreshSoon();
    } else if (e.name === 'scene-drafted' || e.name === 'chapter-completed' || e.name === 'step-completed') {
      refreshSoon();
    }
  };

  const following = !!status && ACTIVE_STATES.includes(status.state);

  // "drafting has started" is news only while it drafts: once the job is over (or on a reload after), it goes
  useEffect(() => {
    if (approved && status !== undefined && !following) {
      navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
    }
  }, [approved, status, following, navigate, location.pathname, location.search]);
  const { connection, failure: streamFailure } = useGenerationEvents(id, following, onEvent, (s) => {
    setStatus(s);
    refreshSoon();
  });

  const selectTab = (key: Tab, extra: Record<string, string> = {}) => {
    const next = new URLSearchParams(params);
    next.set('tab', key);
    for (const [k, v] of Object.entries(extra)) next.set(k, v);
    setParams(next, { replace: true });
  };

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 };
    if (!(e.key in moves)) return;
    e.preventDefault();
    const next = TABS[(moves[e.key] + TABS.length) % TABS.length];
    selectTab(next.key);
    tabRefs.current[next.key]?.focus();
  };

  if (failure instanceof ApiError && failure.code === 'book-not-found') return <NotFound />;
  if (failure && !book) return <ErrorNotice error={failure} />;
  if (!book || status === undefined) return <p role="status">Loading the book…</p>;

  const base = `/books/${encodeURIComponent(book.id)}`;
  return (
    <article className="book-view">
      <header className="book-header">
        <div>
          <h1>{book.title}</h1>
          <p className="meta">
            {formatLabel(book.format)} · {BOOK_STATUS[book.status] ?? book.status.toLowerCase()} ·{' '}
            {/* one number on the whole screen: while it is written, the progress card's (the server's count of the book) */}
            <span className="book-words">{numberFormat.format(following ? (progress?.words ?? status?.words ?? book.words) : book.words)}</span> words
            {book.metadata?.model && book.metadata.provider !== 'sample' ? ` · ${book.metadata.provider}, ${book.metadata.model}` : ''}
          </p>
          {book.sample && <SampleBadge />}
        </div>
        <nav aria-label="This book" className="book-links">
          <Link className="button" to={`${base}/write`}>
            Write
          </Link>
          <Link className="button button-secondary" to={`${base}/read`}>
            Read
          </Link>
          <Link className="button button-secondary" to={`${base}/export`}>
            Export
          </Link>
        </nav>
      </header>
      {approved && following && (
        <SuccessNotice>
          <p>Outline approved: drafting has started.</p>
        </SuccessNotice>
      )}
      <ErrorNotice error={failure ?? streamFailure} />
      {status && (
        <ProgressPanel
          bookId={book.id}
          status={status}
          progress={progress}
          connection={connection}
          onChanged={(s) => {
            setStatus(s);
            gen.status(id).then(setStatus).catch(() => undefined);
            loadBook().catch(() => undefined);
          }}
        />
      )}
      <div className="tabs">
        <div role="tablist" aria-label="About this book" className="tab-list">
          {TABS.map((t, i) => (
            <button
              key={t.key}
              ref={(el) => {
                tabRefs.current[t.key] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${t.key}`}
              aria-selected={tab === t.key}
              aria-controls={`panel-${t.key}`}
              tabIndex={tab === t.key ? 0 : -1}
              className="tab"
              onClick={() => selectTab(t.key)}
              onKeyDown={(e) => onTabKey(e, i)}
            >
              {t.label}
            </button>
          ))}
        </div>
        <section role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} tabIndex={0} className="tab-panel">
          <h2 className="visually-hidden">{TABS.find((t) => t.key === tab)!.label}</h2>
          {tab === 'outline' && <OutlineTree book={book} onShowContext={(scene) => selectTab('context', { scene })} />}
          {tab === 'bible' && <StoryBible book={book} />}
          {tab === 'codex' && (
            <CodexPanel
              client={client}
              bookId={book.id}
              sceneLabel={(index) => {
                if (index === 0) return 'the plan';
                const at = book.chapters.flatMap((c) => c.scenes.map((s) => `chapter ${c.number}, scene ${s.number}`))[index - 1];
                return at ? `scene ${index} (${at})` : `scene ${index}`;
              }}
            />
          )}
          {tab === 'summaries' && <SummariesView book={book} refresh={refresh} />}
          {tab === 'context' && <ContextViewer book={book} sceneId={sceneId} onSceneChange={(scene) => selectTab('context', { scene })} />}
          {tab === 'usage' && <UsagePanel bookId={book.id} refresh={refresh} />}
          {tab === 'releases' && <ReleasesPanel bookId={book.id} />}
        </section>
      </div>
    </article>
  );
}
