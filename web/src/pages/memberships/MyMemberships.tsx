import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { isTestMode, money, STATUS_LABELS, type Subscription, type Tier, type Tip } from '../../api/subscriptions';
import { ErrorNotice, SuccessNotice } from '../../components/ErrorNotice';
import { usePageTitle } from '../../components/usePageTitle';
import { useSession } from '../../session/session';
import { TestModeBadge } from './TestModeBadge';

const day = (iso?: string | null) =>
  iso ? new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso)) : '';

function ChangeTier({ subscription, onChanged }: { subscription: Subscription; onChanged: (message: string) => void }) {
  const { api } = useSession();
  const [tiers, setTiers] = useState<Tier[] | null>(null);
  const [target, setTarget] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const open = async () => {
    setError(null);
    try {
      const all = (await api.subscriptions.tiers(subscription.creatorId)).filter(
        (t) => !t.archived && t.id !== subscription.tierId && t.currency === subscription.currency,
      );
      setTiers(all);
      setTarget(all[0]?.id ?? '');
    } catch (e) {
      setError(e);
    }
  };

  const change = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.subscriptions.changeTier(subscription.id, target);
      onChanged(
        result.charged > 0
          ? `You moved to “${result.subscription.tierName}”; ${money(result.charged, result.currency)} was charged for the rest of this period.`
          : `You moved to “${result.subscription.tierName}”; nothing was charged now.`,
      );
      setTiers(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!tiers) {
    return (
      <>
        <button type="button" onClick={open}>
          Change tier
        </button>
        <ErrorNotice error={error} />
      </>
    );
  }
  if (tiers.length === 0) return <p className="hint">This creator has no other tier to move to.</p>;
  const price = (t: Tier) => (subscription.interval === 'annual' ? t.annualPrice : t.monthlyPrice);
  return (
    <div className="change-tier">
      <label>
        New tier
        <select value={target} onChange={(e) => setTarget(e.target.value)}>
          {tiers.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} — {price(t) != null ? money(price(t)!, t.currency) : 'monthly only'}
            </option>
          ))}
        </select>
      </label>
      <p className="hint">An upgrade is charged the difference for the rest of this period; a downgrade costs nothing now.</p>
      <button type="button" onClick={change} disabled={busy || !target}>
        Move to this tier
      </button>
      <ErrorNotice error={error} />
    </div>
  );
}

function Membership({ s, onChange }: { s: Subscription; onChange: (s: Subscription | null, message: string) => void }) {
  const { api } = useSession();
  const [error, setError] = useState<unknown>(null);
  const per = s.interval === 'annual' ? 'a year' : 'a month';
  const act = async (what: 'cancel' | 'resume') => {
    setError(null);
    try {
      const next = await api.subscriptions[what](s.id);
      onChange(next, what === 'cancel' ? `“${s.tierName}” will not renew.` : `“${s.tierName}” renews again.`);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <li className="membership" aria-labelledby={`m-${s.id}`}>
      <h3 id={`m-${s.id}`}>{s.tierName}</h3>
      <p>
        {STATUS_LABELS[s.status]} · {money(s.price, s.currency)} {per}
        {isTestMode(s.mode) ? ' · test mode' : ''}
      </p>
      {s.status === 'active' && s.currentPeriodEnd && <p>Renews on {day(s.currentPeriodEnd)}.</p>}
      {s.status === 'cancelled-at-period-end' && s.accessUntil && <p>Access until {day(s.accessUntil)}.</p>}
      {s.status === 'past-due' && s.nextPaymentAttemptAt && <p>Next try on {day(s.nextPaymentAttemptAt)}; you keep access meanwhile.</p>}
      {s.status === 'expired' && s.endedAt && <p>Ended on {day(s.endedAt)}.</p>}
      <p>
        <Link to={`/creators/${s.creatorId}`}>Creator’s page</Link>
      </p>
      <div className="actions">
        {(s.status === 'active' || s.status === 'past-due') && (
          <button type="button" onClick={() => act('cancel')} aria-label={`Cancel ${s.tierName}`}>
            Cancel
          </button>
        )}
        {s.status === 'cancelled-at-period-end' && s.hasAccess && (
          <button type="button" onClick={() => act('resume')} aria-label={`Resume ${s.tierName}`}>
            Resume
          </button>
        )}
        {s.status === 'active' && isTestMode(s.mode) && <ChangeTier subscription={s} onChanged={(m) => onChange(null, m)} />}
      </div>
      <ErrorNotice error={error} />
    </li>
  );
}

/** In test mode only: moves the billing clock forward so renewals, retries and period ends happen now. */
function TestClock({ onMoved }: { onMoved: (message: string) => void }) {
  const { api } = useSession();
  const [days, setDays] = useState('31');
  const [error, setError] = useState<unknown>(null);
  const move = async () => {
    setError(null);
    try {
      const clock = await api.subscriptions.advanceTestClock(Number(days));
      onMoved(`The billing clock is now at ${day(clock.now)}; ${clock.changed} change${clock.changed === 1 ? '' : 's'} made.`);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="test-clock" aria-labelledby="test-clock">
      <h2 id="test-clock">Test clock</h2>
      <p className="hint">Test mode only: move billing time forward for everyone on this server, to see renewals and endings now.</p>
      <label>
        Days
        <input type="number" min={1} max={400} value={days} onChange={(e) => setDays(e.target.value)} />
      </label>
      <button type="button" onClick={move}>
        Move the clock forward
      </button>
      <ErrorNotice error={error} />
    </section>
  );
}

/** `/memberships`: the fan's memberships (cancel, resume, change tier) and their history, with the tips they sent. */
export function MyMemberships() {
  usePageTitle('My memberships');
  const { api } = useSession();
  const [list, setList] = useState<{ items: Subscription[]; mode: string } | null>(null);
  const [tips, setTips] = useState<Tip[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(() => {
    api.subscriptions.mine().then(setList, setError);
    api.subscriptions.tips().then((t) => setTips(t.items), () => undefined);
  }, [api]);

  useEffect(load, [load]);

  const changed = (_: Subscription | null, text: string) => {
    setMessage(text);
    load();
  };

  const current = (list?.items ?? []).filter((s) => s.status !== 'expired' && s.status !== 'incomplete');
  const past = (list?.items ?? []).filter((s) => s.status === 'expired');
  const testMode = isTestMode(list?.mode);

  return (
    <section className="narrow memberships">
      <h1>My memberships</h1>
      {testMode && <TestModeBadge />}
      <ErrorNotice error={error} />
      {message && (
        <SuccessNotice>
          <p>{message}</p>
        </SuccessNotice>
      )}
      {list && current.length === 0 && (
        <div className="empty-state">
          <h2>No memberships yet</h2>
          <p>
            Join a creator’s tier from their page. <Link to="/discover">Discover books</Link>
          </p>
        </div>
      )}
      {current.length > 0 && (
        <ul className="membership-list" aria-label="Current memberships">
          {current.map((s) => (
            <Membership key={s.id} s={s} onChange={changed} />
          ))}
        </ul>
      )}
      {(past.length > 0 || tips.length > 0) && (
        <section aria-labelledby="history">
          <h2 id="history">History</h2>
          <ul className="membership-list" aria-label="Past memberships">
            {past.map((s) => (
              <Membership key={s.id} s={s} onChange={changed} />
            ))}
          </ul>
          {tips.length > 0 && (
            <ul className="tip-list" aria-label="Tips sent">
              {tips.map((t) => (
                <li key={t.id}>
                  Tip of {money(t.amount, t.currency)} on {day(t.createdAt)}
                  {t.message ? ` — “${t.message}”` : ''}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {testMode && <TestClock onMoved={(m) => changed(null, m)} />}
    </section>
  );
}
