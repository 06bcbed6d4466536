import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { REPORT_REASONS, type Comment } from '../api/discovery';
import { ErrorNotice } from '../components/ErrorNotice';
import { useSession } from '../session/session';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const isAdmin = (roles?: string[]) => (roles ?? []).includes('ADMIN');

interface Context {
  bookId: string;
  chapterId: string;
  /** The book's author or an admin: may hide and show comments. */
  moderator: boolean;
  highlight: string | null;
  userId?: string;
}

/** A text box with a send button, for a new comment, a reply or an edit. */
function CommentForm({ label, initial = '', submit, onDone, onCancel }: {
  label: string;
  initial?: string;
  submit: (body: string) => Promise<unknown>;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const [body, setBody] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await submit(body);
      setBody('');
      onDone();
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="comment-form" onSubmit={onSubmit}>
      <label>
        {label}
        <textarea value={body} maxLength={5000} rows={3} onChange={(e) => setBody(e.target.value)} />
      </label>
      <ErrorNotice error={failure} />
      <button type="submit" className="button" disabled={busy || !body.trim()}>
        {initial ? 'Save' : 'Send'}
      </button>
      {onCancel && (
        <button type="button" className="link-button" onClick={onCancel}>
          Cancel
        </button>
      )}
    </form>
  );
}

function ReportForm({ comment, onDone }: { comment: Comment; onDone: (sent: boolean) => void }) {
  const { api } = useSession();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    try {
      await api.discovery.reportComment(comment.id, reason, note);
      onDone(true);
    } catch (err) {
      setFailure(err);
    }
  };
  return (
    <form className="comment-report" onSubmit={onSubmit} aria-label="Report this comment">
      <label>
        Reason
        <select value={reason} required onChange={(e) => setReason(e.target.value)}>
          <option value="">Choose…</option>
          {Object.entries(REPORT_REASONS).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </label>
      <label>
        Note for the admins (optional)
        <textarea value={note} maxLength={2000} rows={2} onChange={(e) => setNote(e.target.value)} />
      </label>
      <ErrorNotice error={failure} />
      <button type="submit" className="button" disabled={!reason}>
        Send report
      </button>
      <button type="button" className="link-button" onClick={() => onDone(false)}>
        Cancel
      </button>
    </form>
  );
}

/** One comment with what the reader may do to it; a top-level comment also holds its replies. */
function CommentItem({ comment, ctx, onChanged, onRemoved, top, children, onReply }: {
  comment: Comment;
  ctx: Context;
  onChanged: (c: Comment) => void;
  onRemoved: (c: Comment) => void;
  top: boolean;
  children?: React.ReactNode;
  onReply?: () => void;
}) {
  const { api, status } = useSession();
  const [mode, setMode] = useState<'view' | 'edit' | 'report'>('view');
  const [reported, setReported] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const own = !!ctx.userId && comment.authorId === ctx.userId;
  const who = comment.deleted ? 'a deleted comment' : `${comment.authorName ?? 'a reader'}’s comment`;

  const act = async (action: () => Promise<void>) => {
    setFailure(null);
    try {
      await action();
    } catch (e) {
      setFailure(e);
    }
  };
  const remove = () =>
    act(async () => {
      await api.discovery.deleteComment(comment.id);
      onRemoved(comment);
    });
  const hide = (hidden: boolean) => act(async () => onChanged(await api.discovery.setHidden(comment.id, hidden)));

  return (
    <li id={`comment-${comment.id}`} className={`comment${ctx.highlight === comment.id ? ' comment-highlight' : ''}`}
      aria-current={ctx.highlight === comment.id ? 'true' : undefined}>
      <article aria-label={who}>
        {comment.deleted ? (
          <p className="comment-tombstone">This comment was deleted.</p>
        ) : (
          <>
            <p className="meta">
              <strong>{comment.authorName ?? 'A reader'}</strong> · <time dateTime={comment.createdAt}>{when.format(new Date(comment.createdAt))}</time>
              {comment.edited ? ' · edited' : ''}
              {comment.hidden ? ' · hidden from readers' : ''}
            </p>
            {mode === 'edit' ? (
              <CommentForm label="Edit your comment" initial={comment.body ?? ''}
                submit={async (body) => onChanged(await api.discovery.editComment(comment.id, body))}
                onDone={() => setMode('view')} onCancel={() => setMode('view')} />
            ) : (
              // plain text, shown as text
              <p className="comment-body">{comment.body}</p>
            )}
          </>
        )}
        {status === 'signed-in' && mode === 'view' && (
          <div className="comment-actions">
            {top && !comment.deleted && onReply && (
              <button type="button" className="link-button small" onClick={onReply}>
                Reply
              </button>
            )}
            {own && !comment.deleted && (
              <>
                <button type="button" className="link-button small" onClick={() => setMode('edit')}>
                  Edit
                </button>
                <button type="button" className="link-button small" onClick={remove}>
                  Delete
                </button>
              </>
            )}
            {!own && !comment.deleted && !reported && (
              <button type="button" className="link-button small" onClick={() => setMode('report')}>
                Report
              </button>
            )}
            {ctx.moderator && !comment.deleted && (
              <button type="button" className="link-button small" onClick={() => hide(!comment.hidden)}>
                {comment.hidden ? 'Show again' : 'Hide'}
              </button>
            )}
          </div>
        )}
        {mode === 'report' && (
          <ReportForm comment={comment} onDone={(sent) => {
            setReported(sent);
            setMode('view');
          }} />
        )}
        {reported && <p role="status" className="meta">Thank you: the admins will look at it.</p>}
        <ErrorNotice error={failure} />
      </article>
      {children}
    </li>
  );
}

/** A top-level comment and, once opened, its replies (one level shown; every reply goes to this thread). */
function Thread({ comment, ctx, open: initiallyOpen, onChanged, onRemoved }: {
  comment: Comment;
  ctx: Context;
  open: boolean;
  onChanged: (c: Comment) => void;
  onRemoved: (c: Comment) => void;
}) {
  const { api } = useSession();
  const [open, setOpen] = useState(initiallyOpen);
  const [replies, setReplies] = useState<Comment[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [replying, setReplying] = useState(false);

  const load = useCallback(
    async (after: string | null) => {
      try {
        const page = await api.discovery.comments(ctx.bookId, ctx.chapterId, { parentId: comment.id, cursor: after });
        setReplies((all) => [...(after ? (all ?? []) : []), ...page.items]);
        setCursor(page.nextCursor ?? null);
      } catch (e) {
        setFailure(e);
      }
    },
    [api, ctx.bookId, ctx.chapterId, comment.id],
  );

  useEffect(() => {
    if (initiallyOpen) setOpen(true);
  }, [initiallyOpen]);
  useEffect(() => {
    if (open && replies === null && comment.replies > 0) void load(null);
  }, [open, replies, comment.replies, load]);

  const count = Math.max(comment.replies, replies?.length ?? 0);
  return (
    <CommentItem comment={comment} ctx={ctx} top onChanged={onChanged} onRemoved={onRemoved} onReply={() => {
      setReplying(true);
      setOpen(true);
    }}>
      {count > 0 && !open && (
        <button type="button" className="link-button small" onClick={() => setOpen(true)}>
          {count === 1 ? 'Show 1 reply' : `Show ${count} replies`}
        </button>
      )}
      {open && (
        <>
          <ErrorNotice error={failure} />
          {replies && replies.length > 0 && (
            <ol className="comment-replies" aria-label={`Replies to ${comment.authorName ?? 'a reader'}`}>
              {replies.map((r) => (
                <CommentItem key={r.id} comment={r} ctx={ctx} top={false}
                  onChanged={(c) => setReplies((all) => all && all.map((x) => (x.id === c.id ? c : x)))}
                  onRemoved={(c) => {
                    setReplies((all) => all && all.filter((x) => x.id !== c.id));
                    onChanged({ ...comment, replies: Math.max(0, comment.replies - 1) });
                  }} />
              ))}
            </ol>
          )}
          {cursor && (
            <button type="button" className="link-button small" onClick={() => load(cursor)}>
              More replies
            </button>
          )}
        </>
      )}
      {replying && (
        <CommentForm label={`Reply to ${comment.authorName ?? 'this comment'}`}
          submit={async (body) => {
            const posted = await api.discovery.postComment(ctx.bookId, ctx.chapterId, body, comment.id);
            setReplies((all) => [...(all ?? []), posted]);
            onChanged({ ...comment, replies: comment.replies + 1 });
          }}
          onDone={() => setReplying(false)} onCancel={() => setReplying(false)} />
      )}
    </CommentItem>
  );
}

/**
 * The comments under a chapter: oldest first, a page at a time, with replies one level deep. `highlight`
 * (the `?comment=` of a notification's link) is fetched if it is not on the first page, opened in its
 * thread, scrolled to and marked.
 */
export function ChapterComments({ bookId, chapterId, bookAuthorId, highlight }: {
  bookId: string;
  chapterId: string;
  bookAuthorId?: string | null;
  highlight: string | null;
}) {
  const { api, status, user } = useSession();
  const [items, setItems] = useState<Comment[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  /** The top-level comment whose thread holds the highlighted reply. */
  const [openThread, setOpenThread] = useState<string | null>(null);
  const ctx: Context = {
    bookId,
    chapterId,
    moderator: status === 'signed-in' && (isAdmin(user?.roles) || (!!bookAuthorId && bookAuthorId === user?.id)),
    highlight,
    userId: user?.id,
  };

  useEffect(() => {
    let current = true;
    setItems(null);
    setFailure(null);
    setOpenThread(null);
    (async () => {
      const page = await api.discovery.comments(bookId, chapterId);
      let list = page.items;
      if (highlight) {
        // the linked comment, and the thread it answers, even when they are not on the first page
        const target = await api.discovery.comment(highlight).catch(() => null);
        if (target && target.chapterId === chapterId) {
          const topId = target.parentId ?? target.id;
          if (!list.some((c) => c.id === topId)) {
            const top = target.parentId ? await api.discovery.comment(target.parentId).catch(() => null) : target;
            if (top) list = [top, ...list];
          }
          if (target.parentId) setOpenThread(target.parentId);
        }
      }
      if (!current) return;
      setItems(list);
      setCursor(page.nextCursor ?? null);
    })().catch((e) => current && setFailure(e));
    return () => {
      current = false;
    };
  }, [api, bookId, chapterId, highlight]);

  // once the linked comment is on the page (a reply: once its thread has opened), bring it into view
  useEffect(() => {
    if (!highlight || !items) return;
    let tries = 0;
    const timer = setInterval(() => {
      const element = document.getElementById(`comment-${highlight}`);
      if (element || ++tries > 20) {
        clearInterval(timer);
        element?.scrollIntoView?.({ block: 'center' });
      }
    }, 50);
    return () => clearInterval(timer);
  }, [highlight, items]);

  const loadMore = async () => {
    try {
      const page = await api.discovery.comments(bookId, chapterId, { cursor });
      setItems((all) => [...(all ?? []), ...page.items.filter((c) => !(all ?? []).some((a) => a.id === c.id))]);
      setCursor(page.nextCursor ?? null);
    } catch (e) {
      setFailure(e);
    }
  };
  const replace = (c: Comment) => setItems((all) => all && all.map((x) => (x.id === c.id ? c : x)));
  const remove = (c: Comment) =>
    // a comment with replies stays as a tombstone; one without goes
    setItems((all) => all && (c.replies > 0 ? all.map((x) => (x.id === c.id ? { ...x, deleted: true, body: null, authorId: null, authorName: null } : x)) : all.filter((x) => x.id !== c.id)));

  return (
    <section className="chapter-comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments</h2>
      {failure != null && !items && <ErrorNotice error={failure} />}
      {!items && !failure && <p role="status">Loading the comments…</p>}
      {items && items.length === 0 && <p className="meta">No comments yet.</p>}
      {items && items.length > 0 && (
        <ol className="comment-list">
          {items.map((c) => (
            <Thread key={c.id} comment={c} ctx={ctx} open={openThread === c.id} onChanged={replace} onRemoved={remove} />
          ))}
        </ol>
      )}
      {items && failure != null && <ErrorNotice error={failure} />}
      {cursor && (
        <button type="button" className="button button-secondary" onClick={loadMore}>
          More comments
        </button>
      )}
      {items && status === 'signed-in' && (
        <CommentForm label="Add a comment"
          submit={async (body) => {
            const posted = await api.discovery.postComment(bookId, chapterId, body);
            setItems((all) => [...(all ?? []), posted]);
          }}
          onDone={() => undefined} />
      )}
    </section>
  );
}
