import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { isTestMode, money, parseMoney, type CreatorDashboard as Dashboard, type Tier, type TierTerms } from '../../api/subscriptions';
import { ErrorNotice, SuccessNotice } from '../../components/ErrorNotice';
import { usePageTitle } from '../../components/usePageTitle';
import { useSession } from '../../session/session';
import { TestModeBadge } from './TestModeBadge';

export const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'NZD', 'CHF', 'SEK', 'NOK', 'DKK'];

type Draft = { name: string; monthly: string; annual: string; currency: string; benefits: string; memberCap: string; welcome: string };
type DraftErrors = Partial<Record<keyof Draft, string>>;

const decimals = (minor?: number | null) => (minor == null ? '' : (minor / 100).toFixed(2));

function draftOf(tier?: Tier): Draft {
  return {
    name: tier?.name ?? '',
    monthly: decimals(tier?.monthlyPrice),
    annual: decimals(tier?.annualPrice),
    currency: tier?.currency ?? 'USD',
    benefits: (tier?.benefits ?? []).join('\n'),
    memberCap: tier?.memberCap ? String(tier.memberCap) : '',
    welcome: tier?.welcomeMessage ?? '',
  };
}

/** What is wrong with a draft, in the server's own limits (docs/subscriptions.md), or the terms to send. */
export function validateTier(d: Draft): { errors: DraftErrors; terms?: TierTerms } {
  const errors: DraftErrors = {};
  const name = d.name.trim();
  if (!name) errors.name = 'Give the tier a name.';
  else if (name.length > 80) errors.name = 'Keep the name to 80 characters.';
  const monthly = parseMoney(d.monthly);
  if (monthly == null || monthly < 100 || monthly > 1_000_000) errors.monthly = 'A monthly price from 1.00 to 10000.00, like 5 or 4.50.';
  const annual = d.annual.trim() ? parseMoney(d.annual) : null;
  if (d.annual.trim() && (annual == null || annual > 12_000_000)) errors.annual = 'A yearly price up to 120000.00, or leave it empty.';
  else if (annual != null && monthly != null && annual < monthly) errors.annual = 'A year costs at least as much as a month.';
  const benefits = d.benefits.split('\n').map((b) => b.trim()).filter(Boolean);
  if (benefits.length > 20) errors.benefits = 'List at most 20 benefits.';
  else if (benefits.some((b) => b.length > 200)) errors.benefits = 'Keep each benefit to 200 characters.';
  const cap = d.memberCap.trim() ? Number(d.memberCap) : null;
  if (cap != null && (!Number.isInteger(cap) || cap < 1 || cap > 1_000_000)) errors.memberCap = 'A whole number from 1, or leave it empty.';
  if (d.welcome.length > 2000) errors.welcome = 'Keep the welcome message to 2000 characters.';
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    terms: { name, monthlyPrice: monthly!, annualPrice: annual, currency: d.currency, benefits, memberCap: cap, welcomeMessage: d.welcome.trim() || null },
  };
}

function TierForm({ tier, onSaved, onCancel }: { tier?: Tier; onSaved: (message: string) => void; onCancel?: () => void }) {
  const { api, user } = useSession();
  const [draft, setDraft] = useState<Draft>(() => draftOf(tier));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [field]: e.target.value });
  const label = tier ? `Edit ${tier.name}` : 'New tier';

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const { errors: found, terms } = validateTier(draft);
    setErrors(found);
    if (!terms || !user) return;
    setBusy(true);
    setError(null);
    try {
      if (tier) await api.subscriptions.updateTier(user.id, tier.id, terms);
      else await api.subscriptions.createTier(user.id, terms);
      onSaved(tier ? `“${terms.name}” is saved.` : `“${terms.name}” is open to members.`);
      if (!tier) setDraft(draftOf());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof Draft, text: string, input: React.ReactNode, hint?: string) => (
    <div className={errors[name] ? 'field field-invalid' : 'field'}>
      <label>
        {text}
        {input}
      </label>
      {hint && <p className="hint">{hint}</p>}
      {errors[name] && <p className="field-error">{errors[name]}</p>}
    </div>
  );

  return (
    <form className="tier-form" onSubmit={save} aria-label={label} noValidate>
      {field('name', 'Name', <input value={draft.name} onChange={set('name')} aria-invalid={errors.name ? true : undefined} />)}
      {field('monthly', 'Monthly price', <input value={draft.monthly} onChange={set('monthly')} inputMode="decimal" />)}
      {field('annual', 'Yearly price (optional)', <input value={draft.annual} onChange={set('annual')} inputMode="decimal" />)}
      {field(
        'currency',
        'Currency',
        <select value={draft.currency} onChange={set('currency')} disabled={!!tier}>
          {CURRENCIES.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>,
      )}
      {field('benefits', 'Benefits (one a line)', <textarea value={draft.benefits} onChange={set('benefits')} rows={3} />)}
      {field('memberCap', 'Member limit (optional)', <input value={draft.memberCap} onChange={set('memberCap')} inputMode="numeric" />)}
      {field(
        'welcome',
        'Welcome message (optional)',
        <textarea value={draft.welcome} onChange={set('welcome')} rows={2} />,
        'Shown to members only.',
      )}
      <ErrorNotice error={error} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {tier ? 'Save tier' : 'Add tier'}
        </button>
        {onCancel && (
          <button type="button" className="link-button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

/** `/creator`: the creator's members by tier, monthly recurring revenue and earnings (from the ledger), and the tier editor. */
export function CreatorDashboard() {
  usePageTitle('Creator dashboard');
  const { api, user } = useSession();
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [tiers, setTiers] = useState<Tier[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(() => {
    if (!user) return;
    api.subscriptions.dashboard().then(setDashboard, setError);
    api.subscriptions.tiers(user.id).then(setTiers, setError);
  }, [api, user]);
  useEffect(load, [load]);

  const saved = (text: string) => {
    setMessage(text);
    setEditing(null);
    load();
  };

  const archive = async (tier: Tier) => {
    if (!user) return;
    setError(null);
    try {
      await api.subscriptions.archiveTier(user.id, tier.id);
      saved(`“${tier.name}” takes no new members; its members keep it.`);
    } catch (e) {
      setError(e);
    }
  };

  const standing = (id: string) => dashboard?.tiers.find((t) => t.tierId === id);

  return (
    <section className="creator-dashboard">
      <h1>Creator dashboard</h1>
      {isTestMode(dashboard?.mode) && <TestModeBadge />}
      <ErrorNotice error={error} />
      {message && (
        <SuccessNotice>
          <p>{message}</p>
        </SuccessNotice>
      )}
      {user && (
        <p>
          <Link to={`/creators/${user.id}`}>Your public page</Link> · <Link to="/memberships">My memberships</Link>
        </p>
      )}
      {dashboard && (
        <section aria-labelledby="summary">
          <h2 id="summary">Summary</h2>
          <dl className="stats">
            <dt>Members</dt>
            <dd>{dashboard.members}</dd>
            <dt>Monthly recurring revenue</dt>
            <dd>{dashboard.mrr.length ? dashboard.mrr.map((m) => money(m.amount, m.currency)).join(', ') : '—'}</dd>
            {dashboard.earnings.map((e) => (
              <div key={e.currency} className="stat-group">
                <dt>Earned ({e.currency})</dt>
                <dd>
                  {money(e.creator, e.currency)} of {money(e.gross, e.currency)} paid; the platform kept {money(e.platform, e.currency)} and the
                  processor {money(e.processorFees, e.currency)}.
                </dd>
              </div>
            ))}
          </dl>
          <p className="hint">You keep {100 - dashboard.platformPercent} % of every payment; the processor’s fee comes out of the platform’s share.</p>
        </section>
      )}
      <section aria-labelledby="tiers">
        <h2 id="tiers">Tiers</h2>
        {tiers.length === 0 && <p>No tiers yet: add one, and fans can join from your page.</p>}
        {tiers.length > 0 && (
          <table className="tier-table">
            <thead>
              <tr>
                <th scope="col">Tier</th>
                <th scope="col">Price</th>
                <th scope="col">Members</th>
                <th scope="col">Monthly revenue</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tiers.map((t) => (
                <tr key={t.id}>
                  <th scope="row">
                    {t.name}
                    {t.archived ? ' (archived)' : ''}
                  </th>
                  <td>{money(t.monthlyPrice, t.currency)} a month</td>
                  <td>{standing(t.id)?.members ?? 0}</td>
                  <td>{money(standing(t.id)?.monthlyRevenue ?? 0, t.currency)}</td>
                  <td>
                    {!t.archived && (
                      <>
                        <button type="button" className="link-button" onClick={() => setEditing(t.id)} aria-label={`Edit ${t.name}`}>
                          Edit
                        </button>{' '}
                        <button type="button" className="link-button" onClick={() => archive(t)} aria-label={`Archive ${t.name}`}>
                          Archive
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {editing && tiers.find((t) => t.id === editing) && (
          <TierForm key={editing} tier={tiers.find((t) => t.id === editing)} onSaved={saved} onCancel={() => setEditing(null)} />
        )}
        <h3>Add a tier</h3>
        <TierForm onSaved={saved} />
      </section>
    </section>
  );
}
