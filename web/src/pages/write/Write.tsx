import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { editingApi, isSampleBook, type BookOutline, type Scene } from '../../api/editing';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SampleBadge } from '../../components/SampleBadge';
import { usePageTitle } from '../../components/usePageTitle';
import { useSession } from '../../session/session';
import { CodexPanel } from './CodexPanel';
import { FindReplace } from './FindReplace';
import { Outline } from './Outline';
import { SceneEditor } from './SceneEditor';
import './write.css';

const FOCUS_KEY = 'authorworks.write.focus';

/** `/books/:id/write` and `/books/:id/write/:sceneId`: the book's outline beside one scene's editor. */
export function Write() {
  const { id = '', sceneId } = useParams();
  const { api } = useSession();
  const editing = useMemo(() => editingApi(api.client), [api]);
  const [book, setBook] = useState<BookOutline | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [findOpen, setFindOpen] = useState(false);
  const [codexOpen, setCodexOpen] = useState(false);
  // bumped when the open scene's text was changed by find and replace: the editor loads it again
  const [sceneLoads, setSceneLoads] = useState(0);
  const flushOpen = useRef<(() => Promise<boolean>) | null>(null);
  // focus mode: only the scene, at a reading measure; kept for the next visit, left with Escape
  const [focus, setFocus] = useState(() => localStorage.getItem(FOCUS_KEY) === 'on');
  useEffect(() => {
    localStorage.setItem(FOCUS_KEY, focus ? 'on' : 'off');
    if (!focus) return;
    const leave = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) setFocus(false);
    };
    window.addEventListener('keydown', leave);
    return () => window.removeEventListener('keydown', leave);
  }, [focus]);
  const registerFlush = useCallback((flush: () => Promise<boolean>) => {
    flushOpen.current = flush;
  }, []);
  usePageTitle(book ? `Write · ${book.title}` : 'Write');

  const reload = useCallback(async () => {
    setBook(await editing.outline(id));
  }, [editing, id]);

  useEffect(() => {
    setBook(null);
    setFailure(null);
    reload().catch(setFailure);
  }, [reload]);

  // the sidebar's word counts follow the editor's saves
  const onSaved = useCallback((scene: Scene) => {
    setBook((b) =>
      b && {
        ...b,
        chapters: b.chapters.map((c) => ({
          ...c,
          scenes: c.scenes.map((s) => (s.id === scene.id ? { ...s, wordCount: scene.wordCount, version: scene.version } : s)),
        })),
      },
    );
  }, []);

  if (failure) {
    return (
      <section>
        <h1>Write</h1>
        <ErrorNotice error={failure} />
        <Link to="/books">Back to my books</Link>
      </section>
    );
  }
  if (!book) return <p role="status">Loading the book…</p>;

  const scenes = book.chapters.flatMap((c) => c.scenes.map((s) => ({ chapter: c, scene: s })));
  if (!sceneId && scenes.length > 0) {
    return <Navigate replace to={`/books/${book.id}/write/${scenes[0].scene.id}`} />;
  }
  const open = scenes.find((s) => s.scene.id === sceneId);

  return (
    <section className={focus ? 'write-page focus' : 'write-page'}>
      <div className="write-heading">
        <h1>
          <span className="visually-hidden">Write: </span>
          {book.title}
        </h1>
        {isSampleBook(book) && <SampleBadge />}
        <Link to={`/books/${book.id}`}>About this book</Link>
        <button type="button" className="button button-small button-secondary" aria-expanded={findOpen} onClick={() => setFindOpen(!findOpen)}>
          Find and replace
        </button>
        <button type="button" className="button button-small button-secondary" aria-expanded={codexOpen} onClick={() => setCodexOpen(!codexOpen)}>
          Codex
        </button>
        <button type="button" className="button button-small button-secondary" aria-pressed={focus} onClick={() => setFocus(!focus)}>
          Focus
        </button>
        {focus && <span className="meta">Only the scene is shown; press Escape or Focus again to see the outline.</span>}
      </div>
      {findOpen && (
        <FindReplace
          editing={editing}
          bookId={book.id}
          saveOpenScene={() => flushOpen.current?.() ?? Promise.resolve(true)}
          onReplaced={async (changedScenes) => {
            await reload();
            if (open && changedScenes.includes(open.scene.id)) setSceneLoads((n) => n + 1);
          }}
          onClose={() => setFindOpen(false)}
        />
      )}
      <div className={codexOpen && !focus ? 'write-layout with-codex' : 'write-layout'}>
        {!focus && <Outline editing={editing} book={book} currentSceneId={open?.scene.id} reload={reload} />}
        <div className="write-scene">
          {open ? (
            <SceneEditor
              key={`${open.scene.id}:${sceneLoads}`}
              editing={editing}
              bookId={book.id}
              chapterId={open.chapter.id}
              sceneId={open.scene.id}
              sampleBook={isSampleBook(book)}
              onSaved={onSaved}
              registerFlush={registerFlush}
            />
          ) : sceneId ? (
            <p className="notice notice-info">This scene is not in the book any more. Choose another one from the list.</p>
          ) : (
            <div className="empty-state">
              <h2>Nothing to write in yet</h2>
              <p>Add a chapter, then a scene in it, and start writing.</p>
            </div>
          )}
        </div>
        {codexOpen && !focus && (
          <aside className="write-codex">
            <CodexPanel
              client={api.client}
              bookId={book.id}
              sceneLabel={(index) => {
                if (index === 0) return 'the plan';
                const at = scenes[index - 1];
                return at ? `scene ${index} (chapter ${at.chapter.number}, scene ${at.scene.number})` : `scene ${index}`;
              }}
              onClose={() => setCodexOpen(false)}
            />
          </aside>
        )}
      </div>
    </section>
  );
}
