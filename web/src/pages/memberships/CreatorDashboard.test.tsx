import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { problem, renderApp, returningWriter, TestServer, writer } from '../../test/server';
import { validateTier } from './CreatorDashboard';
import { tier } from './fixtures';

describe('The creator dashboard and tier editor', () => {
  let server: TestServer;
  let tiers: Record<string, unknown>[];

  beforeEach(async () => {
    server = await new TestServer().start();
    returningWriter(server);
    tiers = [tier('t1', 'Deckhands', 500, { creatorId: writer.id }), tier('t2', 'Captains', 2000, { creatorId: writer.id })];
    server.on('GET', `/api/v1/creators/${writer.id}/tiers`, () => ({ status: 200, body: { creatorId: writer.id, items: tiers } }));
    server.on('GET', '/api/v1/creators/me/dashboard', () => ({
      status: 200,
      body: {
        creatorId: writer.id, mode: 'test mode', platformPercent: 20, members: 3,
        tiers: [
          { tierId: 't1', name: 'Deckhands', currency: 'USD', monthlyPrice: 500, annualPrice: null, archived: false, members: 2, renewing: 2, monthlyRevenue: 1000 },
          { tierId: 't2', name: 'Captains', currency: 'USD', monthlyPrice: 2000, annualPrice: null, archived: false, members: 1, renewing: 0, monthlyRevenue: 0 },
        ],
        mrr: [{ currency: 'USD', amount: 1000 }],
        earnings: [{ currency: 'USD', gross: 3000, processorFees: 177, platform: 423, creator: 2400, transactions: 3 }],
      },
    }));
  });

  afterEach(() => server.stop());

  it('shows members by tier, MRR and earnings, labelled test mode, from the header link', async () => {
    const user = userEvent.setup();
    renderApp('/books', server.api());
    await user.click(await within(screen.getByRole('navigation', { name: 'Main' })).findByRole('link', { name: 'Creator' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Creator dashboard' })).toBeInTheDocument();
    expect(await screen.findByText('Test mode — no real payment')).toBeInTheDocument();
    const summary = screen.getByRole('heading', { name: 'Summary' }).closest('section')!;
    expect(summary).toHaveTextContent('Members3');
    expect(summary).toHaveTextContent('Monthly recurring revenue10.00 USD');
    expect(summary).toHaveTextContent('24.00 USD of 30.00 USD paid; the platform kept 4.23 USD and the processor 1.77 USD.');
    const deckhands = (await screen.findByRole('rowheader', { name: 'Deckhands' })).closest('tr')!;
    expect(deckhands).toHaveTextContent('5.00 USD a month210.00 USD');
    expect(screen.getByRole('link', { name: 'Your public page' })).toHaveAttribute('href', `/creators/${writer.id}`);
  });

  it('adds a tier after saying what is wrong, edits and archives one', async () => {
    server.on('POST', `/api/v1/creators/${writer.id}/tiers`, (r) => {
      const created = { ...tier('t3', 'Bosuns', 800, { creatorId: writer.id }), ...(r.body as object) };
      tiers = [...tiers, created];
      return { status: 201, body: created };
    });
    server.on('PUT', `/api/v1/creators/${writer.id}/tiers/t1`, () => problem(409, 'tier-name-taken', 'You have a live tier named Captains already.'));
    server.on('POST', `/api/v1/creators/${writer.id}/tiers/t2/archive`, () => {
      tiers = tiers.map((t) => (t.id === 't2' ? { ...t, archived: true } : t));
      return { status: 200, body: tiers[1] };
    });
    const user = userEvent.setup();
    renderApp('/creator', server.api());

    const form = await screen.findByRole('form', { name: 'New tier' });
    await user.type(within(form).getByLabelText('Monthly price'), 'five');
    await user.click(within(form).getByRole('button', { name: 'Add tier' }));
    expect(within(form).getByText('Give the tier a name.')).toBeInTheDocument();
    expect(within(form).getByText('A monthly price from 1.00 to 10000.00, like 5 or 4.50.')).toBeInTheDocument();
    expect(server.calls('POST', `/api/v1/creators/${writer.id}/tiers`)).toHaveLength(0);

    await user.type(within(form).getByLabelText('Name'), 'Bosuns');
    await user.clear(within(form).getByLabelText('Monthly price'));
    await user.type(within(form).getByLabelText('Monthly price'), '8');
    await user.type(within(form).getByLabelText('Yearly price (optional)'), '80.50');
    await user.selectOptions(within(form).getByLabelText('Currency'), 'EUR');
    await user.type(within(form).getByLabelText('Benefits (one a line)'), 'Early chapters{Enter}Name in the credits');
    await user.click(within(form).getByRole('button', { name: 'Add tier' }));
    expect(await screen.findByText('“Bosuns” is open to members.')).toBeInTheDocument();
    expect(server.calls('POST', `/api/v1/creators/${writer.id}/tiers`)[0].body).toEqual({
      name: 'Bosuns', monthlyPrice: 800, annualPrice: 8050, currency: 'EUR', benefits: ['Early chapters', 'Name in the credits'],
      memberCap: null, welcomeMessage: null,
    });
    expect(await screen.findByRole('rowheader', { name: 'Bosuns' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Edit Deckhands' }));
    const edit = screen.getByRole('form', { name: 'Edit Deckhands' });
    await user.clear(within(edit).getByLabelText('Name'));
    await user.type(within(edit).getByLabelText('Name'), 'Captains');
    await user.click(within(edit).getByRole('button', { name: 'Save tier' }));
    expect(await within(edit).findByRole('alert')).toHaveTextContent('You have a live tier named Captains already.');

    await user.click(screen.getByRole('button', { name: 'Archive Captains' }));
    expect(await screen.findByText('“Captains” takes no new members; its members keep it.')).toBeInTheDocument();
    expect(await screen.findByRole('rowheader', { name: 'Captains (archived)' })).toBeInTheDocument();
  });

  it('checks a tier’s terms as the server does', () => {
    const base = { name: 'A', monthly: '5', annual: '', currency: 'USD', benefits: '', memberCap: '', welcome: '' };
    expect(validateTier(base).terms?.monthlyPrice).toBe(500);
    expect(validateTier({ ...base, monthly: '0.99' }).errors.monthly).toBeDefined();
    expect(validateTier({ ...base, annual: '4' }).errors.annual).toBe('A year costs at least as much as a month.');
    expect(validateTier({ ...base, memberCap: '2.5' }).errors.memberCap).toBeDefined();
    expect(validateTier({ ...base, benefits: Array.from({ length: 21 }, (_, i) => `b${i}`).join('\n') }).errors.benefits).toBeDefined();
  });
});
