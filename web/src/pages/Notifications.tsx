import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { NOTIFICATION_TYPES, type MailSettings, type Notification, type NotificationPreferences } from '../api/notifications';
import { ErrorNotice, SuccessNotice } from '../components/ErrorNotice';
import { useLiveNotifications } from '../components/LiveNotifications';
import { usePageTitle } from '../components/usePageTitle';
import { useApi } from '../session/session';

const CHANNELS: Record<string, string> = {
  'in-app': 'In the app',
  email: 'In the app and by email',
  digest: 'In the app and in the digest mail',
  none: 'Not at all',
};

/** Every notification of mine, newest first: read, unread, delete; new ones appear as they arrive. */
export function Notifications() {
  usePageTitle('Notifications');
  const api = useApi();
  const live = useLiveNotifications();
  const [items, setItems] = useState<Notification[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api.notifications.list().then((page) => {
      setItems(page.items);
      setNext(page.nextCursor ?? null);
    }, setError);
  }, [api]);

  // what arrives live goes on top
  useEffect(() => {
    setItems((list) => {
      if (!list) return list;
      const fresh = live.latest.filter((n) => !list.some((o) => o.id === n.id) && (list.length === 0 || Number(n.cursor) > Number(list[0].cursor)));
      return fresh.length ? [...fresh, ...list] : list;
    });
  }, [live.latest]);

  const act = async (work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e);
    }
  };
  const replace = (n: Notification) => {
    setItems((list) => list?.map((o) => (o.id === n.id ? n : o)) ?? list);
    live.changed(n);
  };

  return (
    <section>
      <h1>Notifications</h1>
      <p>
        <Link to="/notifications/preferences">Choose what you are told, and how</Link>
      </p>
      <ErrorNotice error={error} />
      {items === null ? (
        <p role="status">Loading…</p>
      ) : items.length === 0 ? (
        <p>No notifications yet.</p>
      ) : (
        <>
          <p>
            {live.unread === 0 ? 'All read.' : `${live.unread} unread.`}{' '}
            {live.unread > 0 && (
              <button type="button" className="link-button" onClick={() => act(async () => {
                const result = await api.notifications.markAllRead(items[0]?.cursor);
                live.setUnread(result.unread);
                setItems((list) => list?.map((n) => (n.unread ? { ...n, unread: false } : n)) ?? list);
              })}>
                Mark all as read
              </button>
            )}
          </p>
          <ul className="notifications">
            {items.map((n) => (
              <li key={n.id} className={n.unread ? 'unread' : undefined}>
                <h2>
                  {n.link ? <Link to={n.link}>{n.title}</Link> : n.title}
                  {n.unread && <span className="visually-hidden"> (unread)</span>}
                </h2>
                <p>{n.body}</p>
                <p className="hint">
                  <time dateTime={n.createdAt}>{new Date(n.createdAt).toLocaleString()}</time>
                </p>
                <button type="button" className="button button-secondary" onClick={() => act(async () =>
                  replace(n.unread ? await api.notifications.markRead(n.id) : await api.notifications.markUnread(n.id)))}>
                  {n.unread ? 'Mark read' : 'Mark unread'}
                  <span className="visually-hidden">: {n.title}</span>
                </button>{' '}
                <button type="button" className="button button-secondary" onClick={() => act(async () => {
                  await api.notifications.remove(n.id);
                  setItems((list) => list?.filter((o) => o.id !== n.id) ?? list);
                  live.changed({ id: n.id, deleted: true });
                })}>
                  Delete<span className="visually-hidden">: {n.title}</span>
                </button>
              </li>
            ))}
          </ul>
          {next && (
            <button type="button" className="button button-secondary" onClick={() => act(async () => {
              const page = await api.notifications.list(next);
              setItems((list) => [...(list ?? []), ...page.items]);
              setNext(page.nextCursor ?? null);
            })}>
              Show older
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** For each type: in the app, in the app and by email, or not at all. */
export function NotificationPreferencesPage() {
  usePageTitle('Notification preferences');
  const api = useApi();
  const [prefs, setPrefs] = useState<NotificationPreferences | null>(null);
  const [channels, setChannels] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api.notifications.preferences().then((p) => {
      setPrefs(p);
      setChannels(p.channels);
    }, setError);
  }, [api]);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setSaved(false);
    setError(null);
    try {
      const p = await api.notifications.savePreferences(channels);
      setPrefs(p);
      setChannels(p.channels);
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section>
      <h1>Notification preferences</h1>
      <ErrorNotice error={error} />
      {saved && <SuccessNotice>Saved.</SuccessNotice>}
      {prefs === null ? (
        !error && <p role="status">Loading…</p>
      ) : (
        <form onSubmit={save}>
          {Object.keys(prefs.channels).map((type) => (
            <div className="field" key={type}>
              <label htmlFor={`channel-${type}`}>{NOTIFICATION_TYPES[type] ?? type}</label>
              <select id={`channel-${type}`} value={channels[type]} onChange={(e) => setChannels({ ...channels, [type]: e.target.value })}>
                {Object.entries(CHANNELS)
                  .filter(([channel]) => type !== 'announcement' || channel !== 'none')
                  .map(([channel, text]) => (
                    <option key={channel} value={channel}>
                      {text}
                      {prefs.defaults[type] === channel ? ' (default)' : ''}
                    </option>
                  ))}
              </select>
            </div>
          ))}
          <button type="submit" className="button">
            Save
          </button>
        </form>
      )}
      <MailTiming />
    </section>
  );
}

function zones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return Array.from(new Set(['UTC', current, ...known])).sort();
}

/** When mail may come: the time zone, quiet hours (mail waits for their end; the app does not) and the digest's period. */
function MailTiming() {
  const api = useApi();
  const [settings, setSettings] = useState<MailSettings | null>(null);
  const [quiet, setQuiet] = useState(false);
  const [start, setStart] = useState('22:00');
  const [end, setEnd] = useState('07:00');
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api.notifications.mailSettings().then((m) => {
      setSettings(m);
      setQuiet(m.quietHours !== null);
      if (m.quietHours) {
        setStart(m.quietHours.start);
        setEnd(m.quietHours.end);
      }
    }, setError);
  }, [api]);

  if (!settings) return error ? <ErrorNotice error={error} /> : null;
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setSaved(false);
    setError(null);
    try {
      const m = await api.notifications.saveMailSettings({
        timeZone: settings.timeZone,
        quietHours: quiet ? { start, end } : null,
        digest: settings.digest,
      });
      setSettings(m);
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <form onSubmit={save} aria-labelledby="mail-timing">
      <h2 id="mail-timing">When mail comes</h2>
      <ErrorNotice error={error} />
      {saved && <SuccessNotice>Mail settings saved.</SuccessNotice>}
      <div className="field">
        <label htmlFor="time-zone">Time zone</label>
        <select id="time-zone" value={settings.timeZone} onChange={(e) => setSettings({ ...settings, timeZone: e.target.value })}>
          {zones(settings.timeZone).map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
        {browserZone && browserZone !== settings.timeZone && (
          <button type="button" className="link-button" onClick={() => setSettings({ ...settings, timeZone: browserZone })}>
            Use this device’s zone ({browserZone})
          </button>
        )}
      </div>
      <div className="field">
        <label>
          <input type="checkbox" checked={quiet} onChange={(e) => setQuiet(e.target.checked)} /> Quiet hours: hold mail, not the app
        </label>
        {quiet && (
          <>
            <label htmlFor="quiet-start">From</label>
            <input id="quiet-start" type="time" value={start} onChange={(e) => setStart(e.target.value)} required />
            <label htmlFor="quiet-end">Until</label>
            <input id="quiet-end" type="time" value={end} onChange={(e) => setEnd(e.target.value)} required />
          </>
        )}
      </div>
      <div className="field">
        <label htmlFor="digest-period">Digest mail</label>
        <select
          id="digest-period"
          value={settings.digest}
          onChange={(e) => setSettings({ ...settings, digest: e.target.value as MailSettings['digest'] })}
        >
          <option value="daily">Daily, at {settings.digestAt ?? '08:00'}</option>
          <option value="weekly">Weekly, on Mondays at {settings.digestAt ?? '08:00'}</option>
        </select>
        <p className="meta">Types set to “in the digest mail” above are gathered into it.</p>
      </div>
      <button type="submit" className="button">
        Save mail settings
      </button>
    </form>
  );
}

/** Where a mail's "stop these mails" link lands: says what it stops, and stops it on a click (signed out too). */
export function Unsubscribe() {
  usePageTitle('Unsubscribe');
  const api = useApi();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [type, setType] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api.notifications.unsubscription(token).then((u) => setType(u.type), setError);
  }, [api, token]);

  const confirm = async () => {
    try {
      await api.notifications.unsubscribe(token);
      setDone(true);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section>
      <h1>Unsubscribe</h1>
      <ErrorNotice error={error} />
      {done ? (
        <SuccessNotice>
          <p>No more mails about “{NOTIFICATION_TYPES[type ?? ''] ?? type}”. You will still see them in the app.</p>
        </SuccessNotice>
      ) : (
        type && (
          <>
            <p>Stop the mails about “{NOTIFICATION_TYPES[type] ?? type}”?</p>
            <button type="button" className="button" onClick={confirm}>
              Stop these mails
            </button>
          </>
        )
      )}
    </section>
  );
}
