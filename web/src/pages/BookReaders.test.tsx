import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REFRESH_TOKEN_KEY } from '../api/client';
import { renderApp, signedIn, TestServer, writer } from '../test/server';

const BOOK = 'b7';
const DISCOVERED = `/api/v1/discover/books/${BOOK}`;

describe('Readers on a published book’s page', () => {
  let server: TestServer;
  let following: boolean;
  let ratings: { overall: number; review?: string | null; readerId: string; readerName?: string | null; updatedAt: string }[];

  beforeEach(async () => {
    server = await new TestServer().start();
    localStorage.setItem(REFRESH_TOKEN_KEY, 'r1');
    server.on('POST', '/api/v1/auth/refresh', () => signedIn('a2', 'r2'));
    server.on('GET', '/api/v1/users/me', () => ({ status: 200, body: writer }));
    following = false;
    ratings = [{ overall: 2, review: 'Slow start.', readerId: 'r9', readerName: 'Bram Stoker', updatedAt: '2026-11-30T10:00:00Z' }];
    server.on('GET', `/api/v1/books/${BOOK}`, () => ({
      status: 200,
      body: {
        id: BOOK, title: 'The Salt Road', format: 'novel', status: 'COMPLETE', words: 41000, publication: 'PUBLISHED', access: 'READ',
        authorId: 'u1', metadata: {}, artifacts: {}, chapters: [],
        listing: { blurb: 'Two sisters.', genre: 'literary', tags: [], contentWarnings: [], rating: 'teen', language: 'en', status: 'complete' },
      },
    }));
    server.on('GET', `${DISCOVERED}/reviews`, () => {
      const average = ratings.reduce((sum, r) => sum + r.overall, 0) / ratings.length;
      const withReview = ratings.filter((r) => r.review);
      return {
        status: 200,
        body: {
          summary: { ratings: ratings.length, overall: average, reviews: withReview.length, followers: following ? 1 : 0 },
          reviews: { items: withReview, total: withReview.length, page: 0, size: 20 },
        },
      };
    });
    server.on('GET', `${DISCOVERED}/follow`, () => ({ status: 200, body: { following, followers: following ? 1 : 0 } }));
    server.on('PUT', `${DISCOVERED}/follow`, () => {
      following = true;
      return { status: 200, body: { following, followers: 1 } };
    });
    server.on('GET', `${DISCOVERED}/rating`, () => ({ status: 204 }));
    server.on('PUT', `${DISCOVERED}/rating`, (r) => {
      const body = r.body as { overall: number; review: string | null };
      ratings.unshift({ ...body, readerId: writer.id, updatedAt: '2026-12-02T10:00:00Z' });
      return { status: 200, body };
    });
  });

  afterEach(() => server.stop());

  it('watches the book, mutes it and goes back to normal, each the reader’s own level', async () => {
    let level = 'normal';
    server.on('GET', `/api/v1/notifications/preferences/books/${BOOK}`, () => ({ status: 200, body: { scope: 'books', id: BOOK, level } }));
    server.on('PUT', `/api/v1/notifications/preferences/books/${BOOK}`, (r) => {
      level = (r.body as { level: string }).level;
      return { status: 200, body: { scope: 'books', id: BOOK, level } };
    });
    const user = userEvent.setup();
    renderApp(`/discover/${BOOK}`, server.api());

    const control = await screen.findByRole('group', { name: 'Notifications about this book' });
    expect(within(control).queryByRole('button', { name: 'Back to normal' })).toBeNull();
    await user.click(within(control).getByRole('button', { name: 'Watch this book' }));
    expect(await within(control).findByText(/You are watching this book/)).toBeInTheDocument();
    expect(within(control).queryByRole('button', { name: 'Watch this book' })).toBeNull();
    await user.click(within(control).getByRole('button', { name: 'Mute this book' }));
    expect(await within(control).findByText(/You muted this book/)).toBeInTheDocument();
    await user.click(within(control).getByRole('button', { name: 'Back to normal' }));
    expect(await within(control).findByRole('button', { name: 'Mute this book' })).toBeInTheDocument();
    expect(server.calls('PUT', `/api/v1/notifications/preferences/books/${BOOK}`).map((c) => c.body)).toEqual([
      { level: 'watching' }, { level: 'muted' }, { level: 'normal' },
    ]);
  });

  it('follows the book, rates it with a review and shows the reviews with the average', async () => {
    const user = userEvent.setup();
    renderApp(`/discover/${BOOK}`, server.api());

    const readers = await screen.findByRole('region', { name: 'Readers' });
    expect(await within(readers).findByText(/Rated 2.0 of 5 by 1 reader · 0 followers/)).toBeInTheDocument();
    expect(within(readers).getByText('Slow start.')).toBeInTheDocument();
    expect(within(readers).getByText(/Bram Stoker/, { selector: '.reviewer' })).toBeInTheDocument();

    await user.click(await within(readers).findByRole('button', { name: 'Follow' }));
    expect(await within(readers).findByRole('button', { name: 'Following' })).toHaveAttribute('aria-pressed', 'true');

    const form = within(readers).getByRole('form', { name: 'Your rating' });
    await user.click(within(form).getByRole('button', { name: 'Save rating' }));
    expect(within(form).getByText('Choose how many stars, from 1 to 5.')).toBeInTheDocument();
    expect(server.calls('PUT', `${DISCOVERED}/rating`)).toHaveLength(0);

    await user.selectOptions(within(form).getByLabelText('Overall'), '4 of 5');
    await user.type(within(form).getByLabelText('Review (optional)'), '  The ending earns its tears.  ');
    await user.click(within(form).getByRole('button', { name: 'Save rating' }));

    expect(await within(form).findByText(/your rating is saved/)).toBeInTheDocument();
    expect(server.calls('PUT', `${DISCOVERED}/rating`)[0].body).toMatchObject({ overall: 4, review: 'The ending earns its tears.' });
    expect(await within(readers).findByText(/Rated 3.0 of 5 by 2 readers · 1 follower/)).toBeInTheDocument();
    expect(within(readers).getByText('The ending earns its tears.', { selector: '.review-text' })).toBeInTheDocument();
    expect(within(readers).getByText(/A reader/, { selector: '.reviewer' })).toBeInTheDocument(); // identity gave no name
    expect(within(form).getByRole('button', { name: 'Update rating' })).toBeInTheDocument();
  });
});
