import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { isTestMode, money, type Checkout, type Subscription, type Tier } from '../../api/subscriptions';
import { ErrorNotice, SuccessNotice } from '../../components/ErrorNotice';
import { usePageTitle } from '../../components/usePageTitle';
import { useSession } from '../../session/session';
import { TestModeBadge } from './TestModeBadge';

/** Stripe's test cards, which test mode understands. */
export const TEST_CARDS = [
  { number: '4242424242424242', label: 'Pays (4242 4242 4242 4242)' },
  { number: '4000000000000002', label: 'Declined (4000 0000 0000 0002)' },
  { number: '4000000000000341', label: 'Saved, later charges fail (4000 0000 0000 0341)' },
];

function TierCard({ tier, mine, member, testMode, onJoined }: {
  tier: Tier;
  mine: boolean;
  member: Subscription | undefined;
  testMode: boolean;
  onJoined: (checkout: Checkout) => void;
}) {
  const { api, status } = useSession();
  const [interval, setBilling] = useState<'monthly' | 'annual'>('monthly');
  const [card, setCard] = useState(TEST_CARDS[0].number);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const join = async () => {
    setBusy(true);
    setError(null);
    try {
      const checkout = await api.subscriptions.checkout(tier.id, interval, testMode ? card : undefined);
      if (checkout.checkoutUrl) {
        window.location.assign(checkout.checkoutUrl);
        return;
      }
      onJoined(checkout);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="tier-card" aria-labelledby={`tier-${tier.id}`}>
      <h2 id={`tier-${tier.id}`}>{tier.name}</h2>
      <p className="tier-price">
        {money(tier.monthlyPrice, tier.currency)} a month
        {tier.annualPrice ? ` or ${money(tier.annualPrice, tier.currency)} a year` : ''}
      </p>
      {tier.benefits.length > 0 && (
        <ul className="tier-benefits">
          {tier.benefits.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      )}
      {tier.memberCap ? <p className="hint">Limited to {tier.memberCap} members.</p> : null}
      {mine ? (
        <p className="hint">This is your tier.</p>
      ) : member ? (
        member.tierId === tier.id ? <p className="hint">You are a member of this tier.</p> : null
      ) : status !== 'signed-in' ? (
        <p>
          <Link to="/login">Log in to join</Link>
        </p>
      ) : (
        <div className="tier-join">
          {tier.annualPrice ? (
            <label>
              Billing
              <select value={interval} onChange={(e) => setBilling(e.target.value as 'monthly' | 'annual')}>
                <option value="monthly">Monthly</option>
                <option value="annual">Yearly</option>
              </select>
            </label>
          ) : null}
          {testMode && (
            <label>
              Test card
              <select value={card} onChange={(e) => setCard(e.target.value)}>
                {TEST_CARDS.map((c) => (
                  <option key={c.number} value={c.number}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="button" onClick={join} disabled={busy} aria-label={`Join ${tier.name}`}>
            {busy ? 'Joining…' : 'Join'}
          </button>
          <ErrorNotice error={error} />
        </div>
      )}
    </li>
  );
}

/** `/creators/:id`: a creator's tiers with a Join button each (paid at once in test mode, on Stripe's page otherwise). */
export function CreatorPage() {
  usePageTitle('Memberships');
  const { id = '' } = useParams();
  const { api, status, user } = useSession();
  const [tiers, setTiers] = useState<Tier[] | null>(null);
  const [mineList, setMine] = useState<{ items: Subscription[]; mode: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [joined, setJoined] = useState<Checkout | null>(null);

  useEffect(() => {
    let live = true;
    api.subscriptions.tiers(id).then((t) => live && setTiers(t), (e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [api, id]);

  useEffect(() => {
    if (status !== 'signed-in') return;
    let live = true;
    api.subscriptions.mine().then((m) => live && setMine(m), () => undefined);
    return () => {
      live = false;
    };
  }, [api, status, joined]);

  const own = user?.id === id;
  const testMode = isTestMode(mineList?.mode);
  const member = mineList?.items.find((s) => s.creatorId === id && s.status !== 'expired' && s.status !== 'incomplete');
  const live = (tiers ?? []).filter((t) => !t.archived);

  return (
    <section className="narrow creator-page">
      <h1>Memberships</h1>
      <p>Support this creator with a monthly or yearly membership; they keep 80 %.</p>
      {testMode && <TestModeBadge />}
      <ErrorNotice error={error} />
      {joined && (
        <SuccessNotice>
          <p>
            You joined “{joined.subscription.tierName}”.{' '}
            {isTestMode(joined.mode) ? 'Test mode — no real payment was taken.' : ''}
          </p>
          {joined.subscription.welcomeMessage && <p>{joined.subscription.welcomeMessage}</p>}
          <p>
            <Link to="/memberships">See my memberships</Link>
          </p>
        </SuccessNotice>
      )}
      {member && !joined && (
        <p>
          You are a member (“{member.tierName}”). <Link to="/memberships">Manage it in My memberships</Link>
        </p>
      )}
      {own && (
        <p>
          This is your page. <Link to="/creator">Edit your tiers</Link>
        </p>
      )}
      {tiers && live.length === 0 && <p className="empty-state">This creator has no tiers yet.</p>}
      {live.length > 0 && (
        <ul className="tier-list">
          {live.map((t) => (
            <TierCard key={t.id} tier={t} mine={own} member={member} testMode={testMode} onJoined={setJoined} />
          ))}
        </ul>
      )}
    </section>
  );
}
