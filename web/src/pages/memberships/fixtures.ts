import { writer } from '../../test/server';

export const CREATOR = 'c0ffee00-1111-4c9e-9a57-2f1d3c4b5a69';

export function tier(id: string, name: string, monthlyPrice: number, extra: Record<string, unknown> = {}) {
  return {
    id, creatorId: CREATOR, name, monthlyPrice, annualPrice: null, currency: 'USD', benefits: [], memberCap: null,
    welcomeMessage: null, archived: false, createdAt: '2026-11-01T10:00:00Z', updatedAt: '2026-11-01T10:00:00Z', ...extra,
  };
}

export function subscription(id: string, extra: Record<string, unknown> = {}) {
  return {
    id, creatorId: CREATOR, tierId: 't1', tierName: 'Deckhands', status: 'active', interval: 'monthly', price: 500, currency: 'USD',
    currentPeriodStart: '2026-12-01T10:00:00Z', currentPeriodEnd: '2027-01-01T10:00:00Z', hasAccess: true,
    accessUntil: '2027-01-01T10:00:00Z', renews: true, nextPaymentAttemptAt: null, welcomeMessage: null, mode: 'test mode',
    provider: 'test-mode', createdAt: '2026-12-01T10:00:00Z', updatedAt: '2026-12-01T10:00:00Z', endedAt: null, ...extra,
  };
}

export const me = writer;
