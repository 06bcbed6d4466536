import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REFRESH_TOKEN_KEY } from '../api/client';
import { renderApp, signedIn, TestServer, writer } from '../test/server';

const zone = encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');

describe('Writing goals on My books', () => {
  let server: TestServer;
  let daily: number | null;

  beforeEach(async () => {
    server = await new TestServer().start();
    localStorage.setItem(REFRESH_TOKEN_KEY, 'r1');
    server.on('POST', '/api/v1/auth/refresh', () => signedIn('a2', 'r2'));
    server.on('GET', '/api/v1/users/me', () => ({ status: 200, body: writer }));
    daily = null;
    server.on('GET', `/api/v1/goals?zone=${zone}`, () => ({
      status: 200,
      body: { dailyWords: daily, zone: 'UTC', today: '2026-12-02', todayWords: 620, streak: daily && daily > 620 ? 2 : 3, days: [] },
    }));
    server.on('PUT', '/api/v1/goals', (r) => {
      daily = (r.body as { dailyWords: number }).dailyWords;
      return { status: 200, body: r.body };
    });
    server.on('GET', '/api/v1/books', () => ({
      status: 200,
      body: {
        items: [{ id: 'b1', title: 'Ninety Days', format: 'novel', words: 41000, scenes: 10, scenesDrafted: 5, goalWords: null }],
        page: 0,
        size: 20,
        total: 1,
      },
    }));
  });

  afterEach(() => server.stop());

  it('shows today’s words and the streak, and sets a daily goal after saying what is wrong with a bad one', async () => {
    const user = userEvent.setup();
    renderApp('/books', server.api());

    const today = (await screen.findByRole('heading', { name: 'Today' })).closest('section')!;
    expect(today).toHaveTextContent('620 words written. Streak: 3 days in a row.');

    await user.click(within(today).getByRole('button', { name: 'Set a daily goal' }));
    const words = within(today).getByLabelText('Words a day');
    await user.type(words, 'lots');
    await user.click(within(today).getByRole('button', { name: 'Save daily goal' }));
    expect(words).toHaveAccessibleDescription('Give your daily goal as a number of words, from 1 to 100,000.');
    expect(server.calls('PUT', '/api/v1/goals')).toHaveLength(0);

    await user.clear(words);
    await user.type(words, '1,000');
    await user.click(within(today).getByRole('button', { name: 'Save daily goal' }));
    expect(await within(today).findByText(/620 of 1,000 words/)).toHaveTextContent('620 of 1,000 words. Streak: 2 days in a row.');
    expect(server.calls('PUT', '/api/v1/goals')[0].body).toEqual({ dailyWords: 1000 });
    expect(within(today).getByRole('progressbar', { name: 'Words today towards your daily goal' })).toHaveAttribute('max', '1000');
  });

  it('sets a book’s goal with a deadline and says the pace it needs', async () => {
    server.on('PUT', `/api/v1/books/b1/goal?zone=${zone}`, (r) => {
      const body = r.body as { targetWords: number; deadline: string | null };
      return {
        status: 200,
        body: { targetWords: body.targetWords, deadline: body.deadline, words: 41000, remaining: 39000, daysLeft: 90, wordsPerDay: 434 },
      };
    });
    const user = userEvent.setup();
    renderApp('/books', server.api());

    const card = (await screen.findByRole('heading', { name: 'Ninety Days' })).closest('li')!;
    expect(card).not.toHaveTextContent('Goal:');
    await user.click(within(card).getByRole('button', { name: 'Set a goal for “Ninety Days”' }));
    await user.type(within(card).getByLabelText('Words to reach'), '80000');
    await user.type(within(card).getByLabelText('By (optional)'), '2027-03-01');
    await user.click(within(card).getByRole('button', { name: 'Save goal' }));

    expect(await within(card).findByText(/words to go/)).toHaveTextContent(
      '39,000 words to go: about 434 a day to reach it by Mar 1, 2027.',
    );
    expect(card).toHaveTextContent('41,000 of 80,000 words');
    expect(server.calls('PUT', `/api/v1/books/b1/goal?zone=${zone}`)[0].body).toEqual({ targetWords: 80000, deadline: '2027-03-01' });
    expect(within(card).getByRole('button', { name: 'Change goal for “Ninety Days”' })).toBeInTheDocument();
  });
});
