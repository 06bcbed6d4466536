import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { isSampleBook, type BookDetails, type ChapterLock, type CreatorTier, type ReadingPosition, type SceneText } from '../api/library';
import { ErrorNotice } from '../components/ErrorNotice';
import { SampleBadge } from '../components/SampleBadge';
import { usePageTitle } from '../components/usePageTitle';
import { useSession } from '../session/session';
import { ChapterComments } from './ChapterComments';
import './library.css';

/** How long scrolling must pause before the place is saved. */
export const SAVE_DELAY_MS = 800;

type Place = Omit<ReadingPosition, 'updatedAt'>;

/** The line, as a share of the window's height from its top, whose scene and depth count as "here". */
const ANCHOR = 0.2;

function scroller(): Element {
  return document.scrollingElement ?? document.documentElement;
}

/** The scene under the reading line and how far into it the line is. */
function placeOnScreen(chapterId: string, sceneIds: string[]): Place | null {
  const anchor = window.innerHeight * ANCHOR;
  let place: Place | null = null;
  for (const sceneId of sceneIds) {
    const element = document.getElementById(`scene-${sceneId}`);
    if (!element) continue;
    const box = element.getBoundingClientRect();
    if (place === null || box.top <= anchor) {
      const progress = box.height > 0 ? (anchor - box.top) / box.height : 0;
      place = { chapterId, sceneId, progress: Math.round(Math.min(1, Math.max(0, progress)) * 1000) / 1000 };
    }
  }
  return place;
}

function scrollToPlace(place: Pick<Place, 'sceneId' | 'progress'>) {
  const element = document.getElementById(`scene-${place.sceneId}`);
  if (!element) return;
  const box = element.getBoundingClientRect();
  const top = box.top + scroller().scrollTop + place.progress * box.height - window.innerHeight * ANCHOR;
  scroller().scrollTop = Math.max(0, top);
}

function isTyping(target: EventTarget | null) {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

const unlockDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * A chapter locked for this reader (membership gating, docs/content.md#chapter-gating): its teaser, which tiers
 * unlock it, when it opens for them, and the author's tiers to join (`/creators/{authorId}`).
 */
function LockedChapter({ lock, teaser, tiers, authorId }: { lock: ChapterLock; teaser: string | null; tiers: CreatorTier[]; authorId?: string | null }) {
  const names = lock.tiers.map((id) => tiers.find((t) => t.id === id)?.name).filter((n): n is string => !!n);
  return (
    <section className="chapter-locked" aria-label="Locked chapter">
      {teaser && <p className="chapter-teaser">{teaser}</p>}
      <div className="notice notice-info">
        <p>
          {lock.anyMember
            ? 'This chapter is for the author’s members: any tier unlocks it.'
            : names.length > 0
              ? `This chapter is for members of ${names.join(', ')} (or a dearer tier).`
              : 'This chapter is for some of the author’s members.'}
        </p>
        {lock.unlocksAt && <p>It opens for you on {unlockDate.format(new Date(lock.unlocksAt))}.</p>}
        {authorId && (
          <p>
            <Link to={`/creators/${encodeURIComponent(authorId)}`}>See the author’s tiers</Link>
          </p>
        )}
      </div>
    </section>
  );
}

/**
 * `/books/:id/read`: the book as a reader sees it, a chapter at a time, in book typography. The
 * place (chapter, scene, how far into it) is saved while reading and restored on the next visit.
 * Scene text is the content service's sanitised HTML (docs/content.md) and is the only HTML this
 * app renders as such.
 */
export function Reader() {
  const { id = '' } = useParams();
  const { api } = useSession();
  const [params] = useSearchParams();
  // a link to a chapter (an update, a notification) opens it; `comment` then names the comment to show
  const linkedChapter = params.get('chapter');
  const linkedComment = params.get('comment');
  const [book, setBook] = useState<BookDetails | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [chapterIndex, setChapterIndex] = useState(0);
  const [scenes, setScenes] = useState<SceneText[] | null>(null);
  const [scenesFailure, setScenesFailure] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [saveFailed, setSaveFailed] = useState(false);
  const [tiers, setTiers] = useState<CreatorTier[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  /** Where to scroll once the chapter's scenes are on the page (a restored place, or the top). */
  const pendingScroll = useRef<Pick<Place, 'sceneId' | 'progress'> | 'top' | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastSaved = useRef<Place | null>(null);
  const unsaved = useRef<Place | null>(null);

  usePageTitle(book ? book.title : 'Reader');

  useEffect(() => {
    let current = true;
    Promise.all([api.library.book(id), api.library.readingPosition(id)])
      .then(([b, position]) => {
        if (!current) return;
        const linked = linkedChapter ? b.chapters.findIndex((c) => c.id === linkedChapter) : -1;
        const index = position ? b.chapters.findIndex((c) => c.id === position.chapterId) : -1;
        if (linked >= 0) {
          setChapterIndex(linked);
          pendingScroll.current = position?.chapterId === linkedChapter && !linkedComment ? { sceneId: position.sceneId, progress: position.progress } : 'top';
        } else if (index >= 0 && position) {
          setChapterIndex(index);
          pendingScroll.current = { sceneId: position.sceneId, progress: position.progress };
          lastSaved.current = { chapterId: position.chapterId, sceneId: position.sceneId, progress: position.progress };
        }
        setBook(b);
      })
      .catch((e) => current && setFailure(e));
    return () => {
      current = false;
    };
    // only the link the page opened with decides where it starts
  }, [api, id]);

  const chapter = book?.chapters[chapterIndex];
  const locked = chapter?.locked ?? null;

  // a book with chapters locked for this reader: the author's tiers, to name the ones that unlock them
  const authorId = book?.authorId;
  const anyLocked = !!book?.chapters.some((c) => c.locked);
  useEffect(() => {
    if (!anyLocked || !authorId) return;
    let current = true;
    api.library
      .creatorTiers(authorId)
      .then((t) => current && setTiers(t ?? []))
      .catch(() => current && setTiers([]));
    return () => {
      current = false;
    };
  }, [api, anyLocked, authorId]);

  useEffect(() => {
    if (!chapter) return;
    let current = true;
    setScenes(null);
    setScenesFailure(null);
    // a locked chapter's scenes all answer its one teaser: the first is enough
    const wanted = chapter.locked ? chapter.scenes.slice(0, 1) : chapter.scenes;
    Promise.all(wanted.map((s) => api.library.scene(id, chapter.id, s.id)))
      .then((loaded) => current && setScenes(loaded))
      .catch((e) => current && setScenesFailure(e));
    return () => {
      current = false;
    };
  }, [api, id, chapter, attempt]);

  const save = useCallback(
    (place: Place) => {
      const last = lastSaved.current;
      if (last && last.sceneId === place.sceneId && Math.abs(last.progress - place.progress) < 0.01) return;
      lastSaved.current = place;
      api.library
        .saveReadingPosition(id, place)
        .then(() => setSaveFailed(false))
        .catch(() => {
          // reading goes on; the next pause tries again
          lastSaved.current = last;
          setSaveFailed(true);
        });
    },
    [api, id],
  );

  const flush = useCallback(() => {
    clearTimeout(saveTimer.current);
    if (unsaved.current) save(unsaved.current);
    unsaved.current = null;
  }, [save]);

  // once the chapter's text is on the page: go to the restored place, or to the chapter's start
  useLayoutEffect(() => {
    if (!scenes) return;
    const target = pendingScroll.current;
    pendingScroll.current = null;
    if (target === 'top') {
      scroller().scrollTop = 0;
      heading.current?.focus({ preventScroll: true });
    } else if (target) {
      scrollToPlace(target);
    }
  }, [scenes]);

  // remember the place while reading: after each pause in scrolling, and when leaving the page
  useEffect(() => {
    if (!chapter || !scenes) return;
    const ids = scenes.map((s) => s.id);
    const onScroll = () => {
      const place = placeOnScreen(chapter.id, ids);
      if (!place) return;
      unsaved.current = place;
      clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(flush, SAVE_DELAY_MS);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      flush();
    };
  }, [chapter, scenes, flush]);

  const goTo = useCallback(
    (index: number) => {
      if (!book || index < 0 || index >= book.chapters.length || index === chapterIndex) return;
      const target = book.chapters[index];
      clearTimeout(saveTimer.current);
      unsaved.current = null;
      pendingScroll.current = 'top';
      setChapterIndex(index);
      // a new chapter is a new place at once: a reload right after must come back here
      if (target.scenes.length > 0) save({ chapterId: target.id, sceneId: target.scenes[0].id, progress: 0 });
    },
    [book, chapterIndex, save],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || isTyping(e.target)) return;
      if (e.key === 'ArrowLeft') goTo(chapterIndex - 1);
      else if (e.key === 'ArrowRight') goTo(chapterIndex + 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [goTo, chapterIndex]);

  if (failure) {
    return (
      <section className="narrow">
        <h1>Reader</h1>
        <ErrorNotice error={failure} />
        <Link to="/books">Back to My books</Link>
      </section>
    );
  }
  if (!book) return <p role="status">Opening your book…</p>;

  const previous = book.chapters[chapterIndex - 1];
  const next = book.chapters[chapterIndex + 1];

  return (
    <div className="reader">
      <div className="reader-bar">
        <p className="book-title">{book.title}</p>
        <nav aria-label="Book">
          <Link to="/books">My books</Link> · <Link to={`/books/${encodeURIComponent(id)}/export`}>Export</Link>
        </nav>
      </div>
      {isSampleBook(book) && (
        <div className="reader-sample notice notice-info">
          <SampleBadge />
          <p>The offline sample writer wrote this book. Its text is a stand-in to try AuthorWorks with, not an AI model’s work.</p>
        </div>
      )}
      {book.chapters.length === 0 ? (
        <p className="reader-text">This book has no chapters yet.</p>
      ) : (
        <>
          <details className="reader-toc">
            <summary>
              Contents · chapter {chapterIndex + 1} of {book.chapters.length}
            </summary>
            <nav aria-label="Table of contents">
              <ol>
                {book.chapters.map((c, index) => (
                  <li key={c.id}>
                    <button
                      type="button"
                      aria-current={index === chapterIndex ? 'true' : undefined}
                      onClick={() => goTo(index)}
                    >
                      {c.number}. {c.title}
                    </button>
                  </li>
                ))}
              </ol>
            </nav>
          </details>
          <article className="reader-text" aria-labelledby="chapter-heading">
            <h1 id="chapter-heading" ref={heading} tabIndex={-1}>
              <span className="chapter-number">
                Chapter {chapter!.number}
                <span className="visually-hidden">:</span>
              </span>{' '}
              {chapter!.title}
            </h1>
            <ErrorNotice error={scenesFailure} />
            {scenesFailure != null && (
              <button type="button" className="button" onClick={() => setAttempt((a) => a + 1)}>
                Try again
              </button>
            )}
            {!scenes && !scenesFailure && <p role="status">Loading the chapter…</p>}
            {scenes && locked && (
              <LockedChapter lock={locked} teaser={scenes[0]?.teaser ?? null} tiers={tiers} authorId={book.authorId} />
            )}
            {scenes?.length === 0 && !locked && <p className="scene-empty">This chapter has no scenes yet.</p>}
            {!locked && scenes?.map((scene) => (
              <section key={scene.id} id={`scene-${scene.id}`} className="scene">
                {scene.content?.trim() ? (
                  // the content service's sanitised subset (p, em, strong, headings, lists, safe links)
                  <div className="scene-body" dangerouslySetInnerHTML={{ __html: scene.content }} />
                ) : (
                  <p className="scene-empty">This scene is not written yet.</p>
                )}
              </section>
            ))}
          </article>
          <nav className="reader-pager" aria-label="Chapters">
            {previous && (
              <button type="button" className="button button-secondary previous" onClick={() => goTo(chapterIndex - 1)}>
                ← Previous chapter<span>{previous.title}</span>
              </button>
            )}
            {next && (
              <button type="button" className="button next" onClick={() => goTo(chapterIndex + 1)}>
                Next chapter →<span>{next.title}</span>
              </button>
            )}
          </nav>
          <p className="reader-keys">
            Tip: the <kbd>←</kbd> and <kbd>→</kbd> keys turn chapters.
          </p>
          <p className="reader-keys" role="status">
            {saveFailed ? 'We couldn’t save your place just now; we’ll try again as you read.' : ''}
          </p>
          {scenes && !locked && book.publication === 'PUBLISHED' && (
            <ChapterComments key={chapter!.id} bookId={id} chapterId={chapter!.id}
              bookAuthorId={book.authorId}
              highlight={chapter!.id === linkedChapter ? linkedComment : null} />
          )}
        </>
      )}
    </div>
  );
}
