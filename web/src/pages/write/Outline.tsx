import { useEffect, useId, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { BookOutline, Chapter, EditingApi, SceneSummary } from '../../api/editing';
import { ErrorNotice } from '../../components/ErrorNotice';

interface Props {
  editing: EditingApi;
  book: BookOutline;
  currentSceneId?: string;
  /** Reads the book's chapters and scenes again after a change. */
  reload(): Promise<void>;
}

type Part = { kind: 'chapter'; chapter: Chapter } | { kind: 'scene'; chapter: Chapter; scene: SceneSummary };

const partId = (p: Part) => (p.kind === 'chapter' ? p.chapter.id : p.scene.id);
const partTitle = (p: Part) => (p.kind === 'chapter' ? p.chapter.title : p.scene.title);
/** Chapters move among chapters, scenes among the scenes of their own chapter (the order API's scope). */
const siblingsOf = (book: BookOutline, p: Part) => (p.kind === 'chapter' ? book.chapters : p.chapter.scenes);
const sameList = (a: Part, b: Part) => a.kind === b.kind && (a.kind === 'chapter' || a.chapter.id === b.chapter.id);

/** The ids in their new order once `moved` is dropped before or after `target`; null when nothing changes. */
export function dropOrder(ids: readonly string[], moved: string, target: string, where: 'before' | 'after'): string[] | null {
  if (moved === target || !ids.includes(moved) || !ids.includes(target)) return null;
  const rest = ids.filter((id) => id !== moved);
  const at = rest.indexOf(target) + (where === 'after' ? 1 : 0);
  const next = [...rest.slice(0, at), moved, ...rest.slice(at)];
  return next.every((id, i) => id === ids[i]) ? null : next;
}

/**
 * Chapters and scenes: open a scene, add, rename, move (drag a row, or the up and down buttons, so the
 * keyboard can), delete.
 */
export function Outline({ editing, book, currentSceneId, reload }: Props) {
  const navigate = useNavigate();
  const [failure, setFailure] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [addingTo, setAddingTo] = useState<string | null>(null);
  const [addingChapter, setAddingChapter] = useState(false);
  const [busy, setBusy] = useState(false);
  const [dragged, setDragged] = useState<Part | null>(null);
  const [dropAt, setDropAt] = useState<{ id: string; where: 'before' | 'after' } | null>(null);
  const refocus = useRef<string | null>(null);
  const root = useRef<HTMLElement>(null);
  // on a phone the list starts folded, so the scene's text comes first
  const [wide] = useState(() => window.matchMedia?.('(min-width: 56rem)').matches ?? true);

  // a moved row is re-inserted in the page, which takes the focus away: give it back
  useEffect(() => {
    if (!refocus.current || !root.current || busy) return;
    const [key, fallback] = refocus.current.split('|');
    const target =
      root.current.querySelector<HTMLElement>(`[data-focus="${key}"]:not(:disabled)`) ??
      root.current.querySelector<HTMLElement>(`[data-focus="${fallback}"]`);
    target?.focus();
    refocus.current = null;
  });

  const act = async (work: () => Promise<unknown>, said?: string) => {
    setBusy(true);
    setFailure(null);
    try {
      await work();
      await reload();
      if (said) setAnnouncement(said);
      return true;
    } catch (e) {
      setFailure(e);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const reorder = (part: Part, ids: string[], said: string) =>
    void act(
      () => (part.kind === 'chapter' ? editing.orderChapters(book.id, ids) : editing.orderScenes(book.id, part.chapter.id, ids)),
      said,
    );

  const move = (part: Part, by: -1 | 1) => {
    const ids = siblingsOf(book, part).map((s) => s.id);
    const from = ids.indexOf(partId(part));
    const to = from + by;
    if (to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to], ids[from]];
    const direction = by < 0 ? 'up' : 'down';
    const other = by < 0 ? 'down' : 'up';
    refocus.current = `${direction}-${partId(part)}|${other}-${partId(part)}`;
    reorder(part, ids, `Moved “${partTitle(part)}” ${direction}: now ${to + 1} of ${ids.length}.`);
  };

  /** Drag and drop: a row is dragged by its row, and dropped before or after a row of its own list. */
  const dragProps = (part: Part) => ({
    draggable: !busy,
    onDragStart: (e: DragEvent<HTMLElement>) => {
      e.stopPropagation();
      e.dataTransfer.effectAllowed = 'move';
      e.dataTransfer.setData('text/plain', partTitle(part));
      setDragged(part);
    },
    onDragEnd: () => {
      setDragged(null);
      setDropAt(null);
    },
  });

  const dropProps = (part: Part) => {
    const accepts = () => dragged !== null && sameList(dragged, part) && partId(dragged) !== partId(part);
    const where = (e: DragEvent<HTMLElement>) => {
      const box = e.currentTarget.getBoundingClientRect();
      return e.clientY < box.top + box.height / 2 ? 'before' : 'after';
    };
    return {
      onDragOver: (e: DragEvent<HTMLElement>) => {
        if (!accepts()) return;
        e.preventDefault();
        e.stopPropagation();
        e.dataTransfer.dropEffect = 'move';
        const at = { id: partId(part), where: where(e) } as const;
        if (dropAt?.id !== at.id || dropAt.where !== at.where) setDropAt(at);
      },
      onDragLeave: (e: DragEvent<HTMLElement>) => {
        if (dropAt?.id === partId(part) && !e.currentTarget.contains(e.relatedTarget as Node | null)) setDropAt(null);
      },
      onDrop: (e: DragEvent<HTMLElement>) => {
        if (!accepts() || !dragged) return;
        e.preventDefault();
        e.stopPropagation();
        const ids = dropOrder(siblingsOf(book, part).map((s) => s.id), partId(dragged), partId(part), where(e));
        setDragged(null);
        setDropAt(null);
        if (!ids) return;
        reorder(dragged, ids, `Moved “${partTitle(dragged)}”: now ${ids.indexOf(partId(dragged)) + 1} of ${ids.length}.`);
      },
    };
  };

  const dragClass = (part: Part) =>
    [
      dragged && partId(dragged) === partId(part) ? 'dragging' : '',
      dropAt?.id === partId(part) ? `drop-${dropAt.where}` : '',
    ]
      .filter(Boolean)
      .join(' ');

  const rename = (part: Part, title: string) =>
    act(
      () =>
        part.kind === 'chapter'
          ? editing.renameChapter(book.id, part.chapter.id, title)
          : editing.renameScene(book.id, part.chapter.id, part.scene.id, title),
      `Renamed to “${title}”.`,
    ).then((ok) => ok && setRenaming(null));

  const remove = (part: Part) => {
    const leavesCurrent =
      part.kind === 'scene' ? part.scene.id === currentSceneId : part.chapter.scenes.some((s) => s.id === currentSceneId);
    void act(
      () =>
        part.kind === 'chapter'
          ? editing.deleteChapter(book.id, part.chapter.id)
          : editing.deleteScene(book.id, part.chapter.id, part.scene.id),
      `Deleted “${partTitle(part)}”.`,
    ).then((ok) => {
      setDeleting(null);
      if (ok && leavesCurrent) navigate(`/books/${book.id}/write`, { replace: true });
    });
  };

  const addScene = async (chapter: Chapter, title: string) => {
    setBusy(true);
    setFailure(null);
    try {
      const scene = await editing.addScene(book.id, chapter.id, title);
      await reload();
      setAddingTo(null);
      navigate(`/books/${book.id}/write/${scene.id}`);
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  /** A menu choice closes the menu. */
  const pick = (event: React.MouseEvent<HTMLElement>, then: () => void) => {
    const menu = event.currentTarget.closest('details');
    if (menu) menu.open = false;
    then();
  };

  const controls = (part: Part, index: number, count: number) => {
    const id = partId(part);
    const title = partTitle(part);
    const noun = part.kind;
    return (
      <div className="part-controls">
        <button
          type="button"
          className="tool"
          data-focus={`up-${id}`}
          aria-label={`Move ${noun} “${title}” up`}
          title="Move up"
          disabled={busy || index === 0}
          onClick={() => move(part, -1)}
        >
          <span aria-hidden="true">↑</span>
        </button>
        <button
          type="button"
          className="tool"
          data-focus={`down-${id}`}
          aria-label={`Move ${noun} “${title}” down`}
          title="Move down"
          disabled={busy || index === count - 1}
          onClick={() => move(part, 1)}
        >
          <span aria-hidden="true">↓</span>
        </button>
        <details className="part-menu">
          <summary className="tool" aria-label={`More for ${noun} “${title}”`} title="Rename or delete">
            <span aria-hidden="true">⋯</span>
          </summary>
          <div className="menu">
            <button type="button" className="tool tool-text" aria-label={`Rename ${noun} “${title}”`} onClick={(e) => pick(e, () => setRenaming(id))}>
              Rename
            </button>
            <button type="button" className="tool tool-text" aria-label={`Delete ${noun} “${title}”`} onClick={(e) => pick(e, () => setDeleting(id))}>
              Delete
            </button>
          </div>
        </details>
      </div>
    );
  };

  const forms = (part: Part) => {
    const id = partId(part);
    return (
      <>
        {renaming === id && (
          <TitleForm
            label={part.kind === 'chapter' ? 'Chapter title' : 'Scene title'}
            initial={partTitle(part)}
            submit="Rename"
            busy={busy}
            onSubmit={(title) => void rename(part, title)}
            onCancel={() => setRenaming(null)}
          />
        )}
        {deleting === id && (
          <div className="confirm" role="group" aria-label={`Delete “${partTitle(part)}”?`}>
            <p>
              {part.kind === 'chapter'
                ? `Delete the chapter “${part.chapter.title}” and its ${part.chapter.scenes.length} ${part.chapter.scenes.length === 1 ? 'scene' : 'scenes'}, with their text and history?`
                : `Delete the scene “${part.scene.title}” with its text and history?`}{' '}
              This cannot be undone.
            </p>
            <div className="actions">
              <button type="button" className="button button-small button-danger" disabled={busy} onClick={() => remove(part)}>
                Delete {part.kind}
              </button>
              <button type="button" className="button button-small button-secondary" onClick={() => setDeleting(null)}>
                Cancel
              </button>
            </div>
          </div>
        )}
      </>
    );
  };

  return (
    <nav className="outline" aria-labelledby="outline-heading" ref={root}>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <details open={wide}>
        <summary>
          <h2 id="outline-heading">Chapters and scenes</h2>
        </summary>
        <ErrorNotice error={failure} />
        {book.chapters.length === 0 && <p>No chapters yet. Add the first one below.</p>}
        <ol className="chapters">
          {book.chapters.map((chapter, ci) => {
            const chapterPart: Part = { kind: 'chapter', chapter };
            return (
              <li key={chapter.id} className={`chapter ${dragClass(chapterPart)}`.trim()} {...dropProps(chapterPart)}>
                <div className="part-row" {...dragProps(chapterPart)}>
                  <h3 className="chapter-title">{chapter.title}</h3>
                  {controls(chapterPart, ci, book.chapters.length)}
                </div>
                {forms(chapterPart)}
                <ol className="scenes">
                  {chapter.scenes.map((scene, si) => {
                    const scenePart: Part = { kind: 'scene', chapter, scene };
                    const current = scene.id === currentSceneId;
                    return (
                      <li
                        key={scene.id}
                        className={['scene', current ? 'current' : '', dragClass(scenePart)].filter(Boolean).join(' ')}
                        {...dropProps(scenePart)}
                      >
                        <div className="part-row" {...dragProps(scenePart)}>
                          <Link
                            to={`/books/${book.id}/write/${scene.id}`}
                            aria-current={current ? 'page' : undefined}
                            draggable={false}
                          >
                            {scene.title} <span className="meta">· {scene.wordCount.toLocaleString()} words</span>
                          </Link>
                          {controls(scenePart, si, chapter.scenes.length)}
                        </div>
                        {forms(scenePart)}
                      </li>
                    );
                  })}
                </ol>
                {addingTo === chapter.id ? (
                  <TitleForm
                    label="New scene title"
                    initial={`Scene ${chapter.scenes.length + 1}`}
                    submit="Add scene"
                    busy={busy}
                    onSubmit={(title) => void addScene(chapter, title)}
                    onCancel={() => setAddingTo(null)}
                  />
                ) : (
                  <button
                    type="button"
                    className="link-button add"
                    aria-label={`Add a scene to “${chapter.title}”`}
                    onClick={() => setAddingTo(chapter.id)}
                  >
                    Add a scene
                  </button>
                )}
              </li>
            );
          })}
        </ol>
        {addingChapter ? (
          <TitleForm
            label="New chapter title"
            initial={`Chapter ${book.chapters.length + 1}`}
            submit="Add chapter"
            busy={busy}
            onSubmit={(title) =>
              void act(() => editing.addChapter(book.id, title), `Added the chapter “${title}”.`).then((ok) => ok && setAddingChapter(false))
            }
            onCancel={() => setAddingChapter(false)}
          />
        ) : (
          <button type="button" className="button button-small button-secondary" onClick={() => setAddingChapter(true)}>
            Add a chapter
          </button>
        )}
      </details>
    </nav>
  );
}

function TitleForm(props: {
  label: string;
  initial: string;
  submit: string;
  busy: boolean;
  onSubmit(title: string): void;
  onCancel(): void;
}) {
  const [title, setTitle] = useState(props.initial);
  const [error, setError] = useState('');
  const inputId = useId();
  const send = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = title.trim();
    if (!trimmed) {
      setError('Give it a title.');
      return;
    }
    if (trimmed.length > 300) {
      setError('Keep the title under 300 characters.');
      return;
    }
    props.onSubmit(trimmed);
  };
  return (
    <form className="title-form" onSubmit={send} noValidate>
      <label htmlFor={inputId}>{props.label}</label>
      <input
        id={inputId}
        value={title}
        autoFocus
        onFocus={(e) => e.target.select()}
        onChange={(e) => setTitle(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : undefined}
      />
      {error && (
        <p className="field-error" id={`${inputId}-error`}>
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-small" disabled={props.busy}>
          {props.submit}
        </button>
        <button type="button" className="button button-small button-secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
