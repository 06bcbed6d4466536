import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Notification } from '../api/notifications';
import { useApi } from '../session/session';
import { useLiveNotifications } from './LiveNotifications';

/** The header's bell: the live unread count, and a dropdown of the newest notifications. */
export function NotificationBell() {
  const api = useApi();
  const { unread, latest, changed, setUnread } = useLiveNotifications();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    const onClick = (e: MouseEvent) => root.current && !root.current.contains(e.target as Node) && setOpen(false);
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
    };
  }, [open]);

  const read = async (n: Notification) => {
    setOpen(false);
    if (n.unread) {
      try {
        changed(await api.notifications.markRead(n.id));
      } catch {
        // the notification stays unread; the link still works
      }
    }
  };

  const readAll = async () => {
    try {
      const result = await api.notifications.markAllRead(latest[0]?.cursor);
      setUnread(result.unread);
      latest.filter((n) => n.unread).forEach((n) => changed({ ...n, unread: false, readAt: new Date().toISOString() }));
    } catch {
      // the count stays as it was
    }
  };

  const label = unread === 0 ? 'Notifications' : `Notifications, ${unread} unread`;
  return (
    <div className="bell" ref={root}>
      <button type="button" className="bell-button" aria-expanded={open} aria-controls={panelId} aria-label={label}
        onClick={() => setOpen((o) => !o)}>
        <span aria-hidden="true">🔔</span>
        {unread > 0 && <span className="bell-count" aria-hidden="true">{unread > 99 ? '99+' : unread}</span>}
      </button>
      {open && (
        <div className="bell-panel" id={panelId} role="region" aria-label="Latest notifications">
          {latest.length === 0 ? (
            <p className="hint">Nothing yet: you will be told here when a book of yours is written or published.</p>
          ) : (
            <ul>
              {latest.map((n) => (
                <li key={n.id} className={n.unread ? 'unread' : undefined}>
                  {n.link ? (
                    <Link to={n.link} onClick={() => read(n)}>
                      {n.title}
                    </Link>
                  ) : (
                    <strong>{n.title}</strong>
                  )}
                  {n.unread && <span className="visually-hidden"> (unread)</span>}
                  <span className="hint"> {n.body}</span>
                </li>
              ))}
            </ul>
          )}
          <p className="bell-actions">
            {unread > 0 && (
              <button type="button" className="link-button" onClick={readAll}>
                Mark all as read
              </button>
            )}
            <Link to="/notifications" onClick={() => setOpen(false)}>
              All notifications
            </Link>
          </p>
        </div>
      )}
    </div>
  );
}
