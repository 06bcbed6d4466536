import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { problem, renderApp, returningWriter, TestServer } from '../../test/server';
import { CREATOR, subscription, tier } from './fixtures';

describe('My memberships', () => {
  let server: TestServer;
  let current: Record<string, unknown>;

  beforeEach(async () => {
    server = await new TestServer().start();
    returningWriter(server);
    current = subscription('s1');
    server.on('GET', '/api/v1/subscriptions', () => ({
      status: 200,
      body: {
        items: [current, subscription('s0', { tierName: 'Old crew', status: 'expired', hasAccess: false, accessUntil: null, renews: false,
          endedAt: '2026-10-01T10:00:00Z' })],
        mode: 'test mode',
      },
    }));
    server.on('GET', '/api/v1/subscriptions/tips', () => ({
      status: 200,
      body: { items: [{ id: 'tip1', creatorId: CREATOR, amount: 250, currency: 'USD', message: 'For chapter 3', mode: 'test mode',
        createdAt: '2026-11-20T10:00:00Z' }], mode: 'test mode' },
    }));
  });

  afterEach(() => server.stop());

  it('cancels and resumes a membership and shows the history, in test mode', async () => {
    server.on('POST', '/api/v1/subscriptions/s1/cancel', () => {
      current = { ...current, status: 'cancelled-at-period-end', renews: false };
      return { status: 200, body: current };
    });
    server.on('POST', '/api/v1/subscriptions/s1/resume', () => {
      current = { ...current, status: 'active', renews: true };
      return { status: 200, body: current };
    });
    const user = userEvent.setup();
    renderApp('/books', server.api());
    await user.click(await within(screen.getByRole('navigation', { name: 'Main' })).findByRole('link', { name: 'Memberships' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'My memberships' })).toBeInTheDocument();
    expect(await screen.findByText('Test mode — no real payment')).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Current memberships' });
    const deckhands = within(list).getByRole('heading', { name: 'Deckhands' }).closest('li')!;
    expect(deckhands).toHaveTextContent('Active · 5.00 USD a month · test mode');
    expect(deckhands).toHaveTextContent('Renews on 1 January 2027.');
    expect(within(deckhands).getByRole('link', { name: 'Creator’s page' })).toHaveAttribute('href', `/creators/${CREATOR}`);

    await user.click(within(deckhands).getByRole('button', { name: 'Cancel Deckhands' }));
    expect(await screen.findByText('“Deckhands” will not renew.')).toBeInTheDocument();
    expect(await screen.findByText('Access until 1 January 2027.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Resume Deckhands' }));
    expect(await screen.findByText('“Deckhands” renews again.')).toBeInTheDocument();

    const history = screen.getByRole('list', { name: 'Past memberships' });
    expect(history).toHaveTextContent('Old crew');
    expect(history).toHaveTextContent('Ended on 1 October 2026.');
    expect(screen.getByRole('list', { name: 'Tips sent' })).toHaveTextContent('Tip of 2.50 USD on 20 November 2026 — “For chapter 3”');
  });

  it('changes tier, saying what the upgrade cost, and explains a refusal', async () => {
    server.on('GET', `/api/v1/creators/${CREATOR}/tiers`, () => ({
      status: 200,
      body: { creatorId: CREATOR, items: [tier('t1', 'Deckhands', 500), tier('t2', 'Captains', 2000), tier('t4', 'Euro', 900, { currency: 'EUR' })] },
    }));
    let declined = true;
    server.on('POST', '/api/v1/subscriptions/s1/change-tier', () => {
      if (declined) {
        declined = false;
        return problem(402, 'payment-declined', 'Your card was declined (test card 4000000000000341).');
      }
      current = { ...current, tierId: 't2', tierName: 'Captains', price: 2000 };
      return { status: 200, body: { subscription: current, charged: 750, currency: 'USD', paymentId: 'tm_up_1', mode: 'test mode' } };
    });
    const user = userEvent.setup();
    renderApp('/memberships', server.api());

    await user.click(await screen.findByRole('button', { name: 'Change tier' }));
    const select = await screen.findByLabelText('New tier');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Captains — 20.00 USD']);
    await user.click(screen.getByRole('button', { name: 'Move to this tier' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Your card was declined');
    await user.click(screen.getByRole('button', { name: 'Move to this tier' }));
    expect(await screen.findByText('You moved to “Captains”; 7.50 USD was charged for the rest of this period.')).toBeInTheDocument();
    expect(server.calls('POST', '/api/v1/subscriptions/s1/change-tier').at(-1)!.body).toEqual({ tierId: 't2' });
    expect(await screen.findByRole('heading', { name: 'Captains' })).toBeInTheDocument();
  });

  it('moves the test clock forward in test mode and reloads what changed', async () => {
    server.on('POST', '/api/v1/subscriptions/test-clock/advance', (r) => {
      current = { ...current, currentPeriodEnd: '2027-02-01T10:00:00Z' };
      return { status: 200, body: { now: '2027-01-02T10:00:00Z', aheadBySeconds: 2678400, changed: 1, mode: 'test mode', days: (r.body as { days: number }).days } };
    });
    const user = userEvent.setup();
    renderApp('/memberships', server.api());
    const clock = (await screen.findByRole('heading', { name: 'Test clock' })).closest('section')!;
    await user.clear(within(clock).getByLabelText('Days'));
    await user.type(within(clock).getByLabelText('Days'), '32');
    await user.click(within(clock).getByRole('button', { name: 'Move the clock forward' }));
    expect(await screen.findByText('The billing clock is now at 2 January 2027; 1 change made.')).toBeInTheDocument();
    expect(server.calls('POST', '/api/v1/subscriptions/test-clock/advance')[0].body).toEqual({ days: 32 });
    expect(await screen.findByText('Renews on 1 February 2027.')).toBeInTheDocument();
  });

  it('has no test clock nor test-mode label with Stripe', async () => {
    // the handler registered first wins: another server, answering as with Stripe
    const stripe = await new TestServer().start();
    returningWriter(stripe);
    stripe.on('GET', '/api/v1/subscriptions', () => ({ status: 200, body: { items: [], mode: 'stripe' } }));
    stripe.on('GET', '/api/v1/subscriptions/tips', () => ({ status: 200, body: { items: [], mode: 'stripe' } }));
    renderApp('/memberships', stripe.api());
    expect(await screen.findByRole('heading', { name: 'No memberships yet' })).toBeInTheDocument();
    expect(screen.queryByText('Test mode — no real payment')).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Test clock' })).not.toBeInTheDocument();
    await stripe.stop();
  });
});
