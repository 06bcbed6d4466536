import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ConversationFrame } from '../api/conversations';
import type { Notification } from '../api/notifications';
import { useApi, useSession } from '../session/session';

const LATEST = 8;
const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 30000;

interface Live {
  unread: number;
  /** The newest few, newest first, as the bell's dropdown shows them. */
  latest: Notification[];
  /** Tells the others (the bell, the page) that one was read, unread or deleted here. */
  changed: (notification: Notification | { id: string; deleted: true }) => void;
  setUnread: (count: number) => void;
  /** Hears conversations' frames from the same stream (the inbox); returns the unsubscribe. */
  onConversation: (listener: (frame: ConversationFrame) => void) => () => void;
}

const conversationListeners = new Set<(frame: ConversationFrame) => void>();
function onConversation(listener: (frame: ConversationFrame) => void) {
  conversationListeners.add(listener);
  return () => {
    conversationListeners.delete(listener);
  };
}

const LiveContext = createContext<Live>({ unread: 0, latest: [], changed: () => {}, setUnread: () => {}, onConversation });

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * The signed-in user's notifications as they arrive: the newest few and the unread count, kept live
 * by the messaging service's event stream (read with fetch, so it carries the access token). When the
 * stream ends or breaks it reconnects from the last one seen, waiting longer each time (1 s to 30 s),
 * and the server sends what came meanwhile: nothing is missed while offline.
 */
export function LiveNotificationsProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { status } = useSession();
  const [unread, setUnread] = useState(0);
  const [latest, setLatest] = useState<Notification[]>([]);

  useEffect(() => {
    if (status !== 'signed-in') {
      setUnread(0);
      setLatest([]);
      return;
    }
    const controller = new AbortController();
    let cursor: string | null = null;
    (async () => {
      try {
        const page = await api.notifications.list(null, LATEST);
        cursor = page.items[0]?.cursor ?? '0';
        setLatest(page.items);
        setUnread(page.unread);
      } catch {
        // the stream below tells the count; the list fills as notifications arrive
      }
      let delay = FIRST_RETRY_MS;
      while (!controller.signal.aborted) {
        try {
          await api.notifications.live(
            cursor,
            (event) => {
              delay = FIRST_RETRY_MS;
              if (event.kind === 'ready') {
                cursor ??= event.cursor;
                setUnread(event.unread);
              } else if (event.kind === 'notification') {
                const n = event.notification;
                cursor = n.cursor;
                setLatest((list) => [n, ...list.filter((o) => o.id !== n.id)].slice(0, LATEST));
              } else if (event.kind === 'conversation') {
                conversationListeners.forEach((l) => l(event.frame));
              } else {
                setUnread(event.count);
              }
            },
            controller.signal,
          );
        } catch {
          if (controller.signal.aborted) return;
        }
        await wait(delay, controller.signal);
        delay = Math.min(delay * 2, LAST_RETRY_MS);
      }
    })();
    return () => controller.abort();
  }, [api, status]);

  const changed = useCallback((n: Notification | { id: string; deleted: true }) => {
    setLatest((list) => ('deleted' in n ? list.filter((o) => o.id !== n.id) : list.map((o) => (o.id === n.id ? n : o))));
  }, []);
  const value = useMemo(() => ({ unread, latest, changed, setUnread, onConversation }), [unread, latest, changed]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export function useLiveNotifications(): Live {
  return useContext(LiveContext);
}
