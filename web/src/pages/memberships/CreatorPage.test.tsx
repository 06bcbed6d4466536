import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { problem, renderApp, returningWriter, TestServer } from '../../test/server';
import { CREATOR, subscription, tier } from './fixtures';

describe('A creator’s page', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await new TestServer().start();
    server.on('GET', `/api/v1/creators/${CREATOR}/tiers`, () => ({
      status: 200,
      body: {
        creatorId: CREATOR,
        items: [
          tier('t1', 'Deckhands', 500, { benefits: ['Early chapters', 'Monthly letter'] }),
          tier('t2', 'Captains', 2000, { annualPrice: 20000 }),
          tier('t3', 'Old crew', 100, { archived: true }),
        ],
      },
    }));
  });

  afterEach(() => server.stop());

  it('lists the live tiers and, in test mode, joins one with a test card, labelled as no real payment', async () => {
    returningWriter(server);
    let joined = false;
    server.on('GET', '/api/v1/subscriptions', () => ({
      status: 200,
      body: { items: joined ? [subscription('s1', { tierId: 't2', tierName: 'Captains', interval: 'annual' })] : [], mode: 'test mode' },
    }));
    server.on('POST', '/api/v1/subscriptions/checkout', () => {
      joined = true;
      return {
        status: 201,
        body: { subscription: subscription('s1', { tierId: 't2', tierName: 'Captains', welcomeMessage: 'Welcome aboard.' }), mode: 'test mode' },
      };
    });
    const user = userEvent.setup();
    renderApp(`/creators/${CREATOR}`, server.api());

    expect(await screen.findByRole('heading', { level: 1, name: 'Memberships' })).toBeInTheDocument();
    const deckhands = (await screen.findByRole('heading', { name: 'Deckhands' })).closest('li')!;
    expect(deckhands).toHaveTextContent('5.00 USD a month');
    expect(within(deckhands).getByText('Early chapters')).toBeInTheDocument();
    const captains = screen.getByRole('heading', { name: 'Captains' }).closest('li')!;
    expect(captains).toHaveTextContent('20.00 USD a month or 200.00 USD a year');
    expect(screen.queryByRole('heading', { name: 'Old crew' })).not.toBeInTheDocument();
    expect(await screen.findByText('Test mode — no real payment')).toBeInTheDocument();

    await user.selectOptions(within(captains).getByLabelText('Billing'), 'annual');
    await user.selectOptions(within(captains).getByLabelText('Test card'), '4000000000000341');
    await user.click(within(captains).getByRole('button', { name: 'Join Captains' }));

    expect(await screen.findByText(/You joined “Captains”\. Test mode — no real payment was taken\./)).toBeInTheDocument();
    expect(screen.getByText('Welcome aboard.')).toBeInTheDocument();
    expect(server.calls('POST', '/api/v1/subscriptions/checkout')[0].body).toEqual({
      tierId: 't2', interval: 'annual', card: '4000000000000341',
    });
    expect(screen.getByRole('link', { name: 'See my memberships' })).toHaveAttribute('href', '/memberships');
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Join/ })).not.toBeInTheDocument());
    expect(screen.getByRole('heading', { name: 'Captains' }).closest('li')).toHaveTextContent('You are a member of this tier.');
  });

  it('says why a checkout was refused', async () => {
    returningWriter(server);
    server.on('GET', '/api/v1/subscriptions', () => ({ status: 200, body: { items: [], mode: 'test mode' } }));
    server.on('POST', '/api/v1/subscriptions/checkout', () => problem(402, 'payment-declined', 'Your card was declined (test card 4000000000000002).'));
    const user = userEvent.setup();
    renderApp(`/creators/${CREATOR}`, server.api());
    await user.click(await screen.findByRole('button', { name: 'Join Deckhands' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Your card was declined (test card 4000000000000002).');
  });

  it('asks a visitor to log in to join, without asking for memberships', async () => {
    renderApp(`/creators/${CREATOR}`, server.api());
    const deckhands = (await screen.findByRole('heading', { name: 'Deckhands' })).closest('li')!;
    expect(within(deckhands).getByRole('link', { name: 'Log in to join' })).toHaveAttribute('href', '/login');
    expect(server.calls('GET', '/api/v1/subscriptions')).toHaveLength(0);
  });
});
