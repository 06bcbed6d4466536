// Paths and field names of the subscriptions service (docs/subscriptions.md): creators' tiers, fans'
// memberships, the test-mode billing clock and the creator's dashboard. Amounts are integers in minor
// units (cents) of their currency.
import type { ApiClient } from './client';

/** Every answer that carries payment data says how it was made: `test mode` (no real money) or `stripe`. */
export type PaymentMode = 'test mode' | 'stripe' | string;

export interface Tier {
  id: string;
  creatorId: string;
  name: string;
  monthlyPrice: number;
  annualPrice?: number | null;
  currency: string;
  benefits: string[];
  memberCap?: number | null;
  welcomeMessage?: string | null;
  archived?: boolean;
  archivedAt?: string | null;
}

/** What a creator writes into the tier editor (`POST`/`PUT /api/v1/creators/{id}/tiers`). */
export interface TierTerms {
  name: string;
  monthlyPrice: number;
  annualPrice?: number | null;
  currency: string;
  benefits: string[];
  memberCap?: number | null;
  welcomeMessage?: string | null;
}

export type SubscriptionStatus = 'incomplete' | 'active' | 'past-due' | 'cancelled-at-period-end' | 'expired';

export interface Subscription {
  id: string;
  creatorId: string;
  tierId: string;
  tierName: string;
  status: SubscriptionStatus;
  interval: 'monthly' | 'annual';
  price: number;
  currency: string;
  currentPeriodStart?: string | null;
  currentPeriodEnd?: string | null;
  hasAccess: boolean;
  accessUntil?: string | null;
  renews: boolean;
  nextPaymentAttemptAt?: string | null;
  welcomeMessage?: string | null;
  mode: PaymentMode;
  createdAt: string;
  updatedAt: string;
  endedAt?: string | null;
}

export interface Checkout {
  subscription: Subscription;
  /** Stripe's Checkout page; absent in test mode, where the checkout is paid at once. */
  checkoutUrl?: string | null;
  mode: PaymentMode;
}

export interface TierChange {
  subscription: Subscription;
  /** What was charged for the rest of the period (an upgrade); 0 for a downgrade. */
  charged: number;
  currency: string;
  paymentId?: string | null;
  mode: PaymentMode;
}

export interface TestClock {
  now: string;
  aheadBySeconds: number;
  changed: number;
  mode: PaymentMode;
}

export interface Tip {
  id: string;
  creatorId: string;
  amount: number;
  currency: string;
  message?: string | null;
  mode: PaymentMode;
  createdAt: string;
}

export interface TierStanding {
  tierId: string;
  name: string;
  currency: string;
  monthlyPrice: number;
  annualPrice?: number | null;
  archived: boolean;
  members: number;
  renewing: number;
  monthlyRevenue: number;
}

export interface EarningsTotals {
  currency: string;
  gross: number;
  processorFees: number;
  platform: number;
  creator: number;
  transactions: number;
}

/** `GET /api/v1/creators/me/dashboard`. */
export interface CreatorDashboard {
  creatorId: string;
  mode: PaymentMode;
  platformPercent: number;
  members: number;
  tiers: TierStanding[];
  mrr: { currency: string; amount: number }[];
  earnings: EarningsTotals[];
}

export interface LedgerEntry {
  id: string;
  kind: 'subscription' | 'tip' | 'refund';
  externalId: string;
  currency: string;
  gross: number;
  processorFee: number;
  platform: number;
  creator: number;
  occurredAt: string;
  mode: PaymentMode;
}

/** `GET /api/v1/creators/{id}/earnings` (the creator only). */
export interface Earnings {
  creatorId: string;
  platformPercent: number;
  totals: EarningsTotals[];
  latest: LedgerEntry[];
}

export const TEST_MODE_LABEL = 'Test mode — no real payment';

export const isTestMode = (mode: PaymentMode | undefined) => mode === 'test mode';

/** Minor units as money: `12.00 USD` (every currency subscriptions takes has two decimals). */
export function money(minor: number, currency: string): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')} ${currency}`;
}

/** A price typed by a person (`12`, `12.5`, `12.50`) in minor units, or null when it is not one. */
export function parseMoney(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,6}([.,]\d{1,2})?$/.test(t)) return null;
  const [whole, part = ''] = t.replace(',', '.').split('.');
  return Number(whole) * 100 + Number(part.padEnd(2, '0'));
}

export const STATUS_LABELS: Record<SubscriptionStatus, string> = {
  incomplete: 'Waiting for payment',
  active: 'Active',
  'past-due': 'Payment failed — retrying',
  'cancelled-at-period-end': 'Cancelled — ends at the period’s end',
  expired: 'Ended',
};

export function subscriptionsApi(client: ApiClient) {
  return {
    tiers: (creatorId: string) => client.get<{ creatorId: string; items: Tier[] }>(`/api/v1/creators/${creatorId}/tiers`).then((r) => r.items),
    createTier: (creatorId: string, terms: TierTerms) => client.post<Tier>(`/api/v1/creators/${creatorId}/tiers`, terms),
    updateTier: (creatorId: string, tierId: string, terms: TierTerms) =>
      client.put<Tier>(`/api/v1/creators/${creatorId}/tiers/${tierId}`, terms),
    archiveTier: (creatorId: string, tierId: string) => client.post<Tier>(`/api/v1/creators/${creatorId}/tiers/${tierId}/archive`),
    checkout: (tierId: string, interval: 'monthly' | 'annual' = 'monthly', card?: string) =>
      client.post<Checkout>('/api/v1/subscriptions/checkout', { tierId, interval, ...(card ? { card } : {}) }),
    mine: () => client.get<{ items: Subscription[]; mode: PaymentMode }>('/api/v1/subscriptions'),
    cancel: (id: string) => client.post<Subscription>(`/api/v1/subscriptions/${id}/cancel`),
    resume: (id: string) => client.post<Subscription>(`/api/v1/subscriptions/${id}/resume`),
    changeTier: (id: string, tierId: string) => client.post<TierChange>(`/api/v1/subscriptions/${id}/change-tier`, { tierId }),
    tips: () => client.get<{ items: Tip[]; mode: PaymentMode }>('/api/v1/subscriptions/tips'),
    testClock: () => client.get<TestClock>('/api/v1/subscriptions/test-clock'),
    advanceTestClock: (days: number) => client.post<TestClock>('/api/v1/subscriptions/test-clock/advance', { days }),
    dashboard: () => client.get<CreatorDashboard>('/api/v1/creators/me/dashboard'),
    earnings: (creatorId: string) => client.get<Earnings>(`/api/v1/creators/${creatorId}/earnings`),
    refund: (paymentId: string, amount?: number) =>
      client.post<unknown>(`/api/v1/creators/me/payments/${paymentId}/refund`, amount ? { amount } : undefined),
  };
}

