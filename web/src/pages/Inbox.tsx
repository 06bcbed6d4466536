import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { nameOf, titleOf, type Contact, type Conversation, type ConversationFrame, type Message } from '../api/conversations';
import { ErrorNotice, SuccessNotice } from '../components/ErrorNotice';
import { inboxChanged } from '../components/InboxLink';
import { useLiveNotifications } from '../components/LiveNotifications';
import { usePageTitle } from '../components/usePageTitle';
import { useApi, useSession } from '../session/session';
import './inbox.css';

const TYPING_SHOWN_MS = 5000;
const TYPING_SENT_EVERY_MS = 3000;

/** Runs an action, keeping its failure to show in words. */
function useAction() {
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
      return true;
    } catch (e) {
      setError(e);
      return false;
    }
  }, []);
  return { error, setError, run };
}

/** `/inbox` and `/inbox/:id`: my conversations, one of them open, search, and starting a new one. */
export function Inbox() {
  usePageTitle('Inbox');
  const api = useApi();
  const { user } = useSession();
  const { onConversation } = useLiveNotifications();
  const { id } = useParams();
  const navigate = useNavigate();
  const [conversations, setConversations] = useState<Conversation[] | null>(null);
  const [starting, setStarting] = useState(false);
  const { error, setError } = useAction();

  const load = useCallback(() => {
    api.conversations.list().then((page) => setConversations(page.items), setError);
  }, [api, setError]);

  useEffect(load, [load]);

  // whatever changes in a conversation of mine (a message, a receipt, members) reorders and recounts the list
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = onConversation((frame) => {
      if (frame.event === 'typing') return;
      clearTimeout(timer);
      timer = setTimeout(load, 300);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [onConversation, load]);

  const started = (c: Conversation) => {
    setStarting(false);
    load();
    inboxChanged();
    navigate(`/inbox/${c.id}`);
  };
  const left = () => {
    load();
    inboxChanged();
    navigate('/inbox');
  };

  return (
    <section className="inbox">
      <h1>Inbox</h1>
      <MessageSearch conversations={conversations ?? []} me={user?.id} />
      <ErrorNotice error={error} />
      <div className="inbox-layout">
        <nav aria-label="Conversations">
          <p>
            <button type="button" aria-expanded={starting} onClick={() => setStarting((s) => !s)}>
              New conversation
            </button>
          </p>
          {starting && <NewConversation onStarted={started} />}
          {conversations === null ? (
            <p role="status">Loading your conversations…</p>
          ) : conversations.length === 0 ? (
            <p>No conversations yet. Start one with someone you follow or talk to.</p>
          ) : (
            <ul className="conversation-list">
              {conversations.map((c) => (
                <li key={c.id} className={c.id === id ? 'active' : undefined}>
                  <Link to={`/inbox/${c.id}`} aria-current={c.id === id ? 'page' : undefined}>
                    {titleOf(c, user?.id)}
                    {c.unread > 0 && <span className="inbox-count">{c.unread}<span className="visually-hidden"> unread</span></span>}
                  </Link>
                  {c.lastMessage && (
                    <div className="meta">{c.lastMessage.deleted ? 'Message deleted' : c.lastMessage.body}</div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </nav>
        <div>
          {id ? (
            <ConversationView key={id} conversationId={id} onLeft={left} onRead={inboxChanged} />
          ) : (
            <p className="hint">Choose a conversation, or start a new one.</p>
          )}
        </div>
      </div>
    </section>
  );
}

/** Full-text search in my conversations' messages. */
function MessageSearch({ conversations, me }: { conversations: Conversation[]; me?: string }) {
  const api = useApi();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Message[] | null>(null);
  const { error, run } = useAction();

  const search = (e: FormEvent) => {
    e.preventDefault();
    if (!q.trim()) return;
    run(async () => setResults(await api.conversations.search(q.trim())));
  };
  const title = (conversationId: string) => {
    const c = conversations.find((o) => o.id === conversationId);
    return c ? titleOf(c, me) : 'Conversation';
  };

  return (
    <div>
      <form role="search" className="discover-search" onSubmit={search}>
        <label htmlFor="message-search">Search messages</label>
        <input id="message-search" type="search" value={q} maxLength={200} onChange={(e) => setQ(e.target.value)} />
        <button type="submit">Search</button>
      </form>
      <ErrorNotice error={error} />
      {results !== null && (
        <section aria-label="Search results">
          {results.length === 0 ? (
            <p>No messages match.</p>
          ) : (
            <ul className="search-results">
              {results.map((m) => (
                <li key={m.id}>
                  <Link to={`/inbox/${m.conversationId}`}>{title(m.conversationId)}</Link>
                  <span className="meta"> {m.body}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}

/** A direct conversation with one contact, or a group with a title and members. */
function NewConversation({ onStarted }: { onStarted: (c: Conversation) => void }) {
  const api = useApi();
  const [contacts, setContacts] = useState<Contact[] | null>(null);
  const [kind, setKind] = useState<'direct' | 'group'>('direct');
  const [person, setPerson] = useState('');
  const [title, setTitle] = useState('');
  const [members, setMembers] = useState<string[]>([]);
  const { error, setError, run } = useAction();

  useEffect(() => {
    api.conversations.contacts().then(setContacts, setError);
  }, [api, setError]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    run(async () => {
      onStarted(kind === 'direct' ? await api.conversations.startDirect(person) : await api.conversations.startGroup(title.trim(), members));
    });
  };
  const toggle = (id: string, on: boolean) => setMembers((list) => (on ? [...list, id] : list.filter((m) => m !== id)));

  return (
    <form className="new-conversation" aria-label="New conversation" onSubmit={submit}>
      <fieldset>
        <legend>Kind</legend>
        <label className="contact-option">
          <input type="radio" name="kind" checked={kind === 'direct'} onChange={() => setKind('direct')} /> With one person
        </label>
        <label className="contact-option">
          <input type="radio" name="kind" checked={kind === 'group'} onChange={() => setKind('group')} /> A group
        </label>
      </fieldset>
      {contacts === null ? (
        <p role="status">Loading your contacts…</p>
      ) : contacts.length === 0 ? (
        <p className="hint">Nobody to write to yet: follow someone, or wait until someone writes to you.</p>
      ) : kind === 'direct' ? (
        <p>
          <label htmlFor="new-direct">Person</label>
          <select id="new-direct" value={person} onChange={(e) => setPerson(e.target.value)} required>
            <option value="">Choose…</option>
            {contacts.map((c) => (
              <option key={c.id} value={c.id}>
                {nameOf(c)} (@{c.username})
              </option>
            ))}
          </select>
        </p>
      ) : (
        <>
          <p>
            <label htmlFor="new-group-title">Group title</label>
            <input id="new-group-title" value={title} maxLength={100} required onChange={(e) => setTitle(e.target.value)} />
          </p>
          <fieldset>
            <legend>Members</legend>
            {contacts.map((c) => (
              <label key={c.id} className="contact-option">
                <input type="checkbox" checked={members.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
                {nameOf(c)} (@{c.username})
              </label>
            ))}
          </fieldset>
        </>
      )}
      <button type="submit" disabled={!contacts?.length || (kind === 'direct' ? !person : !title.trim() || members.length === 0)}>
        {kind === 'direct' ? 'Start conversation' : 'Create group'}
      </button>
      <ErrorNotice error={error} />
    </form>
  );
}

/** One conversation: its messages oldest to newest, live, with typing, receipts, edits, tombstones, block and report. */
function ConversationView({ conversationId, onLeft, onRead }: { conversationId: string; onLeft: () => void; onRead: () => void }) {
  const api = useApi();
  const { user } = useSession();
  const me = user?.id;
  const { onConversation } = useLiveNotifications();
  const [conversation, setConversation] = useState<Conversation | null>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  const [earlier, setEarlier] = useState<string | null>(null);
  const [typing, setTyping] = useState<Record<string, number>>({});
  const [blocked, setBlocked] = useState<boolean | null>(null);
  const [draft, setDraft] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const { error, setError, run } = useAction();
  const lastTypingSent = useRef(0);
  const newest = useRef<HTMLLIElement>(null);
  const readUpTo = useRef<number>(-1);

  const other = conversation?.kind === 'direct' ? conversation.members.find((m) => m.id !== me) : undefined;

  useEffect(() => {
    api.conversations.get(conversationId).then((c) => {
      setConversation(c);
      readUpTo.current = Number(c.members.find((m) => m.id === me)?.readCursor ?? -1);
    }, setError);
    let current = true;
    api.conversations.messages(conversationId).then((page) => {
      if (!current) return;
      // what arrived or changed here meanwhile (sent, edited, live) is newer than the page: it stays
      setMessages((list) => {
        const fetched = [...page.items].reverse().filter((m) => !list.some((o) => o.id === m.id));
        return [...fetched, ...list].sort((x, y) => Number(x.cursor) - Number(y.cursor));
      });
      setEarlier(page.nextCursor ?? null);
    }, (e) => current && setError(e));
    return () => {
      current = false;
    };
  }, [api, conversationId, me, setError]);

  useEffect(() => {
    if (!other) return;
    api.identity.blocks().then((page) => setBlocked(page.items.some((u) => u.id === other.id)), () => setBlocked(false));
  }, [api, other?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const put = useCallback((m: Message) => {
    setMessages((list) => {
      const at = list.findIndex((o) => o.id === m.id);
      if (at >= 0) return list.map((o) => (o.id === m.id ? m : o));
      return [...list, m].sort((a, b) => Number(a.cursor) - Number(b.cursor));
    });
  }, []);

  // live: messages, edits, tombstones, receipts, typing and member changes of this conversation
  useEffect(
    () =>
      onConversation((frame: ConversationFrame) => {
        if (frame.conversationId !== conversationId) return;
        switch (frame.event) {
          case 'message':
          case 'message-edited':
          case 'message-deleted':
            put(frame.message);
            if (frame.event === 'message') setTyping(({ [frame.message.senderId]: _, ...rest }) => rest);
            break;
          case 'read':
            setConversation((c) =>
              c && {
                ...c,
                members: c.members.map((m) =>
                  m.id === frame.userId && Number(frame.cursor) > Number(m.readCursor ?? -1)
                    ? { ...m, readCursor: frame.cursor, lastReadMessageId: frame.messageId }
                    : m,
                ),
              },
            );
            break;
          case 'typing':
            if (frame.userId !== me) setTyping((t) => ({ ...t, [frame.userId]: Date.now() + TYPING_SHOWN_MS }));
            break;
          case 'members':
            api.conversations.get(conversationId).then(setConversation, () => {});
            break;
        }
      }),
    [onConversation, conversationId, me, api, put],
  );

  // "typing…" fades when nothing more is heard
  useEffect(() => {
    const ids = Object.keys(typing);
    if (ids.length === 0) return;
    const next = Math.min(...Object.values(typing)) - Date.now();
    const timer = setTimeout(() => {
      const now = Date.now();
      setTyping((t) => Object.fromEntries(Object.entries(t).filter(([, until]) => until > now)));
    }, Math.max(next, 50));
    return () => clearTimeout(timer);
  }, [typing]);

  // a read receipt once the newest message is on screen (and someone else's message is unread)
  const last = messages[messages.length - 1];
  useEffect(() => {
    if (!conversation || !last || Number(last.cursor) <= readUpTo.current) return;
    if (!messages.some((m) => m.senderId !== me && Number(m.cursor) > readUpTo.current)) return;
    const send = () => {
      if (Number(last.cursor) <= readUpTo.current) return;
      readUpTo.current = Number(last.cursor);
      api.conversations.read(conversationId, last.id).then(onRead, () => {});
    };
    const element = newest.current;
    if (typeof IntersectionObserver === 'undefined' || !element) {
      send();
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && document.visibilityState !== 'hidden') {
        observer.disconnect();
        send();
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [api, conversation, conversationId, last, me, messages, onRead]);

  const loadEarlier = () =>
    run(async () => {
      const page = await api.conversations.messages(conversationId, earlier);
      setMessages((list) => [...[...page.items].reverse().filter((m) => !list.some((o) => o.id === m.id)), ...list]);
      setEarlier(page.nextCursor ?? null);
    });

  const send = (e: FormEvent) => {
    e.preventDefault();
    if (!draft.trim()) return;
    run(async () => {
      put(await api.conversations.send(conversationId, draft));
      setDraft('');
    });
  };

  const onDraft = (text: string) => {
    setDraft(text);
    const now = Date.now();
    if (text && now - lastTypingSent.current > TYPING_SENT_EVERY_MS) {
      lastTypingSent.current = now;
      api.conversations.typing(conversationId).catch(() => {});
    }
  };

  const toggleBlock = () =>
    other &&
    run(async () => {
      if (blocked) await api.identity.unblock(other.id);
      else await api.identity.block(other.id);
      setNotice(blocked ? `You unblocked ${nameOf(other)}.` : `You blocked ${nameOf(other)}. Neither of you can write to the other now.`);
      setBlocked(!blocked);
    });

  const leave = () =>
    me &&
    run(async () => {
      await api.conversations.removeMember(conversationId, me);
      onLeft();
    });

  if (!conversation) return error ? <ErrorNotice error={error} /> : <p role="status">Loading the conversation…</p>;

  const title = titleOf(conversation, me);
  const senderName = (id: string) => {
    if (id === me) return 'You';
    const m = conversation.members.find((o) => o.id === id);
    return m ? nameOf(m) : 'Someone who left';
  };
  const myLast = [...messages].reverse().find((m) => m.senderId === me && !m.deleted);
  const seenBy = myLast
    ? conversation.members.filter((m) => m.id !== me && Number(m.readCursor ?? -1) >= Number(myLast.cursor)).map(nameOf)
    : [];
  const typers = Object.keys(typing).map(senderName);

  return (
    <section aria-labelledby="conversation-title">
      <h2 id="conversation-title">{title}</h2>
      {conversation.kind === 'group' && (
        <p className="meta">
          {conversation.members.map(nameOf).join(', ')}{' '}
          <button type="button" className="link-button" onClick={leave}>
            Leave group
          </button>
        </p>
      )}
      {other && blocked !== null && (
        <p>
          <button type="button" onClick={toggleBlock}>
            {blocked ? `Unblock ${nameOf(other)}` : `Block ${nameOf(other)}`}
          </button>{' '}
          <ReportUser userId={other.id} name={nameOf(other)} />
        </p>
      )}
      {notice && <SuccessNotice>{notice}</SuccessNotice>}
      {earlier && (
        <p>
          <button type="button" onClick={loadEarlier}>
            Load earlier messages
          </button>
        </p>
      )}
      <ol className="message-list" aria-label="Messages">
        {messages.map((m) => (
          <MessageItem
            key={m.id}
            message={m}
            mine={m.senderId === me}
            sender={senderName(m.senderId)}
            itemRef={m === last ? newest : undefined}
            seenBy={m === myLast ? seenBy : []}
            onChanged={put}
          />
        ))}
      </ol>
      <p className="typing" aria-live="polite">
        {typers.length > 0 && `${typers.join(', ')} ${typers.length === 1 ? 'is' : 'are'} typing…`}
      </p>
      <ErrorNotice error={error} />
      <form className="composer" onSubmit={send}>
        <label htmlFor="composer" className="visually-hidden">
          Message to {title}
        </label>
        <textarea id="composer" rows={2} maxLength={4000} value={draft} onChange={(e) => onDraft(e.target.value)} />
        <button type="submit" disabled={!draft.trim()}>
          Send
        </button>
      </form>
    </section>
  );
}

const REPORT_REASONS = ['Spam', 'Harassment', 'Hate', 'Something else'];

function MessageItem({
  message,
  mine,
  sender,
  itemRef,
  seenBy,
  onChanged,
}: {
  message: Message;
  mine: boolean;
  sender: string;
  itemRef?: React.Ref<HTMLLIElement>;
  seenBy: string[];
  onChanged: (m: Message) => void;
}) {
  const api = useApi();
  const [editing, setEditing] = useState<string | null>(null);
  const [reporting, setReporting] = useState(false);
  const [reason, setReason] = useState(REPORT_REASONS[0]);
  const [note, setNote] = useState('');
  const [reported, setReported] = useState(false);
  const { error, run } = useAction();
  const c = message.conversationId;

  const save = (e: FormEvent) => {
    e.preventDefault();
    run(async () => {
      onChanged(await api.conversations.edit(c, message.id, editing ?? ''));
      setEditing(null);
    });
  };
  const remove = () =>
    run(async () => {
      await api.conversations.remove(c, message.id);
      onChanged({ ...message, deleted: true, body: null });
    });
  const report = (e: FormEvent) => {
    e.preventDefault();
    run(async () => {
      await api.conversations.report(c, message.id, note.trim() ? `${reason}: ${note.trim()}` : reason);
      setReporting(false);
      setReported(true);
    });
  };

  return (
    <li className="message" ref={itemRef}>
      <div className="meta">
        <strong>{sender}</strong> <time dateTime={message.createdAt}>{new Date(message.createdAt).toLocaleString()}</time>
        {message.editedAt && !message.deleted && ' (edited)'}
      </div>
      {message.deleted ? (
        <p className="message-tombstone">Message deleted</p>
      ) : editing !== null ? (
        <form onSubmit={save}>
          <label htmlFor={`edit-${message.id}`} className="visually-hidden">
            Edit your message
          </label>
          <textarea id={`edit-${message.id}`} value={editing} maxLength={4000} onChange={(e) => setEditing(e.target.value)} />
          <button type="submit" disabled={!editing.trim()}>
            Save
          </button>{' '}
          <button type="button" onClick={() => setEditing(null)}>
            Cancel
          </button>
        </form>
      ) : (
        <p className="message-body">{message.body}</p>
      )}
      {!message.deleted && editing === null && (
        <div className="message-actions">
          {mine ? (
            <>
              <button type="button" className="link-button" onClick={() => setEditing(message.body ?? '')} aria-label="Edit your message">
                Edit
              </button>
              <button type="button" className="link-button" onClick={remove} aria-label="Delete your message">
                Delete
              </button>
            </>
          ) : reported ? (
            <span className="meta">Reported to the moderators.</span>
          ) : (
            <button type="button" className="link-button" aria-expanded={reporting} onClick={() => setReporting((r) => !r)} aria-label={`Report this message from ${sender}`}>
              Report
            </button>
          )}
        </div>
      )}
      {reporting && (
        <form aria-label="Report this message" onSubmit={report}>
          <label htmlFor={`reason-${message.id}`}>Reason</label>
          <select id={`reason-${message.id}`} value={reason} onChange={(e) => setReason(e.target.value)}>
            {REPORT_REASONS.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
          <label htmlFor={`note-${message.id}`}>Note (optional)</label>
          <textarea id={`note-${message.id}`} value={note} maxLength={900} onChange={(e) => setNote(e.target.value)} />
          <button type="submit">Send report</button>
        </form>
      )}
      {seenBy.length > 0 && <p className="meta">Seen by {seenBy.join(', ')}</p>}
      <ErrorNotice error={error} />
    </li>
  );
}

/** "Report user": the other person of a direct conversation, to the moderators, with a reason and an optional note. */
function ReportUser({ userId, name }: { userId: string; name: string }) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState(REPORT_REASONS[0]);
  const [note, setNote] = useState('');
  const [reported, setReported] = useState(false);
  const { error, run } = useAction();

  const send = (e: FormEvent) => {
    e.preventDefault();
    run(async () => {
      await api.conversations.reportUser(userId, note.trim() ? `${reason}: ${note.trim()}` : reason);
      setOpen(false);
      setReported(true);
    });
  };

  if (reported) return <span className="meta">You reported {name} to the moderators; you will hear what they decide.</span>;
  return (
    <>
      <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Report {name}
      </button>
      {open && (
        <form aria-label={`Report ${name}`} onSubmit={send}>
          <label htmlFor={`user-reason-${userId}`}>Reason</label>
          <select id={`user-reason-${userId}`} value={reason} onChange={(e) => setReason(e.target.value)}>
            {REPORT_REASONS.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
          <label htmlFor={`user-note-${userId}`}>Note (optional)</label>
          <textarea id={`user-note-${userId}`} value={note} maxLength={900} onChange={(e) => setNote(e.target.value)} />
          <button type="submit">Send report</button>
        </form>
      )}
      <ErrorNotice error={error} />
    </>
  );
}
