import { useEffect, useId, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { BookDetails, ContextManifest, ManifestPart } from '../../api/generation';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SampleBadge } from '../../components/SampleBadge';
import { Readable } from './Readable';
import { UsageChart } from './UsageChart';
import { numberFormat, useGeneration } from './useGeneration';

/** Loads something when a panel opens (and again when `refresh` changes), with its loading and failure states. */
function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [state, setState] = useState<{ value?: T; failure?: unknown; loading: boolean }>({ loading: true });
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    load()
      .then((value) => current && setState({ value, loading: false }))
      .catch((failure) => current && setState({ failure, loading: false }));
    return () => {
      current = false;
    };
    // the caller names what the load depends on, like useEffect's own list
  }, deps);
  return state;
}

function Loaded<T>({ state, what, children }: { state: ReturnType<typeof useLoad<T>>; what: string; children: (value: T) => ReactNode }) {
  if (state.failure) return <ErrorNotice error={state.failure} />;
  if (state.value === undefined) return <p role="status">Loading {what}…</p>;
  return <>{children(state.value)}</>;
}

const STATUS_WORDS: Record<string, string> = { PLANNED: 'planned', DRAFT: 'drafted', REVIEW: 'in review', FINAL: 'final' };
const statusWord = (s: string) => STATUS_WORDS[s] ?? s.toLowerCase();

/** Chapters and their scenes, each scene a link into the editor. */
export function OutlineTree({ book, onShowContext }: { book: BookDetails; onShowContext: (sceneId: string) => void }) {
  if (book.chapters.length === 0) {
    return <p>No chapters yet. They appear here once the outline is written.</p>;
  }
  return (
    <ol className="outline-tree">
      {book.chapters.map((c) => {
        const words = c.scenes.reduce((n, s) => n + s.wordCount, 0);
        return (
          <li key={c.id}>
            <h3>
              Chapter {c.number}: {c.title}
            </h3>
            <p className="meta">
              {numberFormat.format(words)} words · {statusWord(c.status)}
            </p>
            {c.description && <p>{c.description}</p>}
            <ol className="outline-scenes">
              {c.scenes.map((s) => (
                <li key={s.id}>
                  <Link to={`/books/${encodeURIComponent(book.id)}/write/${encodeURIComponent(s.id)}`}>
                    {s.number}. {s.title}
                  </Link>{' '}
                  <span className="meta">
                    {numberFormat.format(s.wordCount)} words · <span className={`status status-${s.status.toLowerCase()}`}>{statusWord(s.status)}</span>
                  </span>
                  {s.status !== 'PLANNED' && book.metadata?.generated && (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="link-button small"
                        aria-label={`What went into it: chapter ${c.number}, scene ${s.number}`}
                        onClick={() => onShowContext(s.id)}
                      >
                        What went into it
                      </button>
                    </>
                  )}
                </li>
              ))}
            </ol>
          </li>
        );
      })}
    </ol>
  );
}

const BIBLE = [
  { kind: 'braindump', label: 'Your idea' },
  { kind: 'genre', label: 'Genre and audience' },
  { kind: 'style', label: 'Style guide' },
  { kind: 'characters', label: 'Characters' },
  { kind: 'synopsis', label: 'Synopsis' },
] as const;

/** The plan artifacts as a writer reads them. */
export function StoryBible({ book }: { book: BookDetails }) {
  const gen = useGeneration();
  // the book lists the artifacts it has (kind → version): ask only for those
  const state = useLoad(
    () => Promise.all(BIBLE.map((b) => (book.artifacts && !(b.kind in book.artifacts) ? null : gen.artifact(book.id, b.kind)))),
    [book.id, gen, JSON.stringify(book.artifacts ?? {})],
  );
  return (
    <Loaded state={state} what="the story bible">
      {(artifacts) =>
        artifacts.every((a) => !a) ? (
          <p>No story bible yet: the generator writes it while planning.</p>
        ) : (
          <div className="story-bible">
            {book.sample && (
              <p>
                <SampleBadge /> The sample writer wrote this plan.
              </p>
            )}
            {BIBLE.map((b, i) => {
              const a = artifacts[i];
              if (!a) return null;
              const doc = b.kind === 'characters' ? ((a.document as { characters?: unknown }).characters ?? a.document) : a.document;
              return (
                <section key={b.kind} className="bible-section" aria-labelledby={`bible-${b.kind}`}>
                  <h3 id={`bible-${b.kind}`}>{b.label}</h3>
                  <Readable value={doc} level={4} />
                </section>
              );
            })}
          </div>
        )
      }
    </Loaded>
  );
}

function summaryText(summary: unknown): unknown {
  if (summary && typeof summary === 'object' && 'summary' in summary) return (summary as { summary: unknown }).summary;
  return summary;
}

/** The generator's summaries: the whole book's first, then each chapter's. */
export function SummariesView({ book, refresh }: { book: BookDetails; refresh: number }) {
  const gen = useGeneration();
  const state = useLoad(() => gen.summaries(book.id), [book.id, gen, refresh]);
  return (
    <Loaded state={state} what="the summaries">
      {(summaries) =>
        summaries.length === 0 ? (
          <p>No summaries yet: the generator writes one after each chapter.</p>
        ) : (
          <div className="summaries">
            {book.sample && <SampleBadge />}
            {summaries.map((s) => {
              const chapter = book.chapters.find((c) => c.number === s.chapter);
              return (
                <section key={s.chapter} aria-labelledby={`summary-${s.chapter}`}>
                  <h3 id={`summary-${s.chapter}`}>{s.chapter === 0 ? 'The whole book' : `Chapter ${s.chapter}${chapter ? `: ${chapter.title}` : ''}`}</h3>
                  <Readable value={summaryText(s.summary)} level={4} />
                </section>
              );
            })}
          </div>
        )
      }
    </Loaded>
  );
}

const PART_STATUS: Record<ManifestPart['status'], string> = {
  INCLUDED: 'in full',
  TRUNCATED: 'in part',
  OMITTED: 'left out',
  NOT_VISIBLE: 'not written yet',
};

/** What went into a drafted scene's prompt, part by part. */
export function ContextViewer({
  book,
  sceneId,
  onSceneChange,
}: {
  book: BookDetails;
  sceneId: string | null;
  onSceneChange: (sceneId: string) => void;
}) {
  const selectId = useId();
  const drafted = book.chapters.flatMap((c) => c.scenes.filter((s) => s.status !== 'PLANNED').map((s) => ({ chapter: c, scene: s })));
  const chosen = drafted.find((d) => d.scene.id === sceneId) ?? drafted[0];
  if (drafted.length === 0) return <p>No scene is drafted yet. Once one is, you can see here what went into its prompt.</p>;
  return (
    <div className="context-viewer">
      <div className="field">
        <label htmlFor={selectId}>Scene</label>
        <select id={selectId} value={chosen.scene.id} onChange={(e) => onSceneChange(e.target.value)}>
          {drafted.map(({ chapter, scene }) => (
            <option key={scene.id} value={scene.id}>
              Chapter {chapter.number}, scene {scene.number}: {scene.title}
            </option>
          ))}
        </select>
      </div>
      <Manifest bookId={book.id} chapterId={chosen.chapter.id} sceneId={chosen.scene.id} />
    </div>
  );
}

function Manifest({ bookId, chapterId, sceneId }: { bookId: string; chapterId: string; sceneId: string }) {
  const gen = useGeneration();
  const state = useLoad<ContextManifest | null>(() => gen.manifest(bookId, chapterId, sceneId), [bookId, chapterId, sceneId, gen]);
  return (
    <Loaded state={state} what="what went into this scene">
      {(manifest) => {
        if (!manifest) return <p>The generator did not draft this scene (it was written by hand), so there is no prompt to show.</p>;
        const left = manifest.parts.filter((p) => p.status !== 'INCLUDED');
        const share = Math.min(100, Math.round((100 * manifest.usedTokens) / Math.max(1, manifest.budgetTokens)));
        return (
          <>
            <p>
              The prompt used <strong>{numberFormat.format(manifest.usedTokens)}</strong> of the{' '}
              {numberFormat.format(manifest.budgetTokens)} tokens it could ({share}%). Parts are listed most important first;
              when space ran out, the least important went first.
            </p>
            <div className="table-scroll">
              <table className="manifest">
                <caption className="visually-hidden">Parts of the prompt</caption>
                <thead>
                  <tr>
                    <th scope="col">Part</th>
                    <th scope="col">Tokens</th>
                    <th scope="col">Included</th>
                    <th scope="col">Items</th>
                    <th scope="col">Why</th>
                  </tr>
                </thead>
                <tbody>
                  {manifest.parts.map((p) => (
                    <tr key={p.name} className={`manifest-${p.status.toLowerCase()}`}>
                      <th scope="row">{p.name}</th>
                      <td>{numberFormat.format(p.tokens)}</td>
                      <td>{PART_STATUS[p.status] ?? p.status}</td>
                      <td>{p.itemsTotal > 0 ? `${p.itemsKept} of ${p.itemsTotal}` : '—'}</td>
                      <td>{p.note ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {left.length === 0 ? (
              <p>Nothing was left out.</p>
            ) : (
              <>
                <h3>Left out or shortened</h3>
                <ul>
                  {left.map((p) => (
                    <li key={p.name}>
                      <strong>{p.name}</strong> ({PART_STATUS[p.status]}){p.note ? `: ${p.note}` : ''}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <h3>The prompt as sent</h3>
            {manifest.prompt == null ? (
              <p>This scene was drafted before AuthorWorks kept the text of its prompts; drafting it again keeps it.</p>
            ) : (
              <>
                <details className="prompt-text">
                  <summary>System prompt ({numberFormat.format(manifest.system?.length ?? 0)} characters)</summary>
                  <pre>{manifest.system}</pre>
                </details>
                <details className="prompt-text">
                  <summary>Message ({numberFormat.format(manifest.prompt.length)} characters)</summary>
                  <pre>{manifest.prompt}</pre>
                </details>
              </>
            )}
          </>
        );
      }}
    </Loaded>
  );
}

/** Tokens and cost of this book by step. */
export function UsagePanel({ bookId, refresh }: { bookId: string; refresh: number }) {
  const gen = useGeneration();
  const state = useLoad(() => gen.usage(bookId), [bookId, gen, refresh]);
  return (
    <Loaded state={state} what="tokens and cost">
      {(usage) => <UsageChart usage={usage} />}
    </Loaded>
  );
}
