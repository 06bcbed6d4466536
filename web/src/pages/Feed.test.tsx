import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderApp, returningWriter, TestServer } from '../test/server';

const BOOK = '0b7c6a1e-2222-4c9e-9a57-2f1d3c4b5a69';

function update(n: number, extra: Record<string, unknown> = {}) {
  return {
    id: `u${n}`, bookId: BOOK, bookTitle: 'Salt and Iron', authorId: 'a1', authorName: 'Grace', genre: 'fantasy',
    chapterId: `c${n}`, chapterNumber: n, chapterTitle: `Tide ${n}`, words: 1200 + n, publishedAt: '2026-12-01T10:00:00Z', ...extra,
  };
}

describe('Updates', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await new TestServer().start();
  });

  afterEach(() => server.stop());

  it('lists the followed books’ new chapters, links into the reader and loads more with the cursor', async () => {
    returningWriter(server);
    server.on('GET', '/api/v1/discover/feed?size=20', () => ({ status: 200, body: { items: [update(3), update(2)], nextCursor: 'k2' } }));
    server.on('GET', '/api/v1/discover/feed?cursor=k2&size=20', () => ({ status: 200, body: { items: [update(1)], nextCursor: null } }));
    const user = userEvent.setup();
    renderApp('/discover', server.api());

    await user.click(await within(screen.getByRole('navigation', { name: 'Main' })).findByRole('link', { name: 'Following' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Following' })).toBeInTheDocument();
    const link = await screen.findByRole('link', { name: 'Salt and Iron: chapter 3, Tide 3' });
    expect(link).toHaveAttribute('href', `/books/${BOOK}/read?chapter=c3`);
    expect(link.closest('li')).toHaveTextContent('Grace · Fantasy · 1,203 words');

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('link', { name: 'Salt and Iron: chapter 1, Tide 1' })).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: /^Salt and Iron: chapter/ })).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('tells a reader who follows nothing new how to fill the feed', async () => {
    returningWriter(server);
    server.on('GET', '/api/v1/discover/feed?size=20', () => ({ status: 200, body: { items: [], nextCursor: null } }));
    renderApp('/feed', server.api());
    expect(await screen.findByRole('heading', { name: 'Nothing new yet' })).toBeInTheDocument();
  });

  it('shows the latest updates on the discover page, of the genre chosen, to anyone', async () => {
    server.on('GET', '/api/v1/discover/books', () => ({ status: 200, body: { items: [], total: 0, facets: {} } }));
    server.on('GET', '/api/v1/discover/books?genre=fantasy', () => ({ status: 200, body: { items: [], total: 0, facets: {} } }));
    server.on('GET', '/api/v1/discover/latest?size=10', () => ({ status: 200, body: { items: [update(4, { bookTitle: 'Drift' })], nextCursor: null } }));
    server.on('GET', '/api/v1/discover/latest?genre=fantasy&size=10', () => ({ status: 200, body: { items: [update(2)], nextCursor: null } }));
    const user = userEvent.setup();
    renderApp('/discover', server.api());

    const latest = await screen.findByRole('region', { name: 'Latest updates' });
    expect(await within(latest).findByRole('link', { name: 'Drift: chapter 4, Tide 4' })).toBeInTheDocument();
    expect(server.calls('GET', '/api/v1/discover/latest?size=10')[0].headers.authorization).toBeUndefined();

    await user.selectOptions(screen.getByLabelText('Genre'), 'fantasy');
    const fantasy = await screen.findByRole('region', { name: 'Latest updates in fantasy' });
    expect(await within(fantasy).findByRole('link', { name: 'Salt and Iron: chapter 2, Tide 2' })).toBeInTheDocument();
  });
});
