import { useEffect, useState } from 'react';
import { NavLink } from 'react-router';
import { useApi, useSession } from '../session/session';
import { useLiveNotifications } from './LiveNotifications';
import '../pages/inbox.css';

const CHANGED = 'authorworks:inbox-changed';

/** Tells the header's inbox link to count again (the inbox sent a read receipt, started or left a conversation). */
export function inboxChanged() {
  window.dispatchEvent(new Event(CHANGED));
}

/** The header's link to the inbox, with the number of unread messages across my conversations. */
export function InboxLink() {
  const api = useApi();
  const { status } = useSession();
  const { onConversation } = useLiveNotifications();
  const [unread, setUnread] = useState(0);

  useEffect(() => {
    if (status !== 'signed-in') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const count = () => {
      api.conversations.list().then(
        (page) => !stopped && setUnread(page.items.reduce((sum, c) => sum + c.unread, 0)),
        () => {},
      );
    };
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(count, 300);
    };
    count();
    const off = onConversation((frame) => frame.event !== 'typing' && soon());
    window.addEventListener(CHANGED, soon);
    return () => {
      stopped = true;
      clearTimeout(timer);
      off();
      window.removeEventListener(CHANGED, soon);
    };
  }, [api, status, onConversation]);

  return (
    <NavLink to="/inbox" aria-label={unread === 0 ? 'Inbox' : `Inbox, ${unread} unread`}>
      Inbox
      {unread > 0 && (
        <span className="inbox-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </NavLink>
  );
}
