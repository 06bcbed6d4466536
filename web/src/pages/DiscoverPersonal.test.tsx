import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REFRESH_TOKEN_KEY } from '../api/client';
import { fromSavedQuery, toSavedQuery } from '../api/discovery';
import { renderApp, signedIn, TestServer, writer } from '../test/server';

// Shapes as the discovery service writes them (docs/discovery.md).
const book = (id: string, title: string, authorId = 'u1', authorName = 'Ada') => ({
  id, title, authorId, authorName, blurb: `About ${title}.`, genre: 'literary', tags: ['sea'], contentWarnings: [], rating: 'teen',
  language: 'en', status: 'complete', words: 41000, chapters: 12, publishedAt: '2026-11-30T10:00:00Z',
});
const lighthouse = book('b1', "The Lighthouse Keeper's Daughter");
const dragons = book('b2', 'Dragons of the Ember Crown', 'u2', 'Bram');
const page = (items: object[]) => ({ status: 200, body: { items, total: items.length, facets: {}, nextCursor: null } });
const empty = { status: 200, body: { items: [], total: 0, window: 'week' } };

/** The lists every discover page asks for, answered empty unless a test says otherwise. */
function lists(server: TestServer) {
  server.on('GET', '/api/v1/discover/best-rated?size=5', () => empty);
  server.on('GET', '/api/v1/discover/popular?size=5', () => empty);
  server.on('GET', '/api/v1/discover/rising-stars?size=5', () => empty);
  server.on('GET', '/api/v1/discover/trending?window=week&size=5', () => empty);
  server.on('GET', '/api/v1/discover/recommendations?size=5', () => ({ status: 200, body: { items: [] } }));
  server.on('GET', '/api/v1/discover/latest?size=10', () => ({ status: 200, body: { items: [], nextCursor: null } }));
}

describe('Discover: windows, updated since, tag suggestions, trending and recommendations', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await new TestServer().start();
  });

  afterEach(() => server.stop());

  it('lists popular and trending books over the window chosen', async () => {
    const trend = (b: object, reads: number) => ({ book: b, reads, score: reads / 10 });
    server.on('GET', '/api/v1/discover/books', () => page([]));
    server.on('GET', '/api/v1/discover/trending?window=week&size=5', () => ({ status: 200, body: { items: [trend(lighthouse, 4)], total: 1 } }));
    server.on('GET', '/api/v1/discover/trending?window=month&size=5', () => ({
      status: 200, body: { items: [trend(dragons, 9), trend(lighthouse, 1)], total: 2 },
    }));
    server.on('GET', '/api/v1/discover/popular?window=month&size=5', () => ({
      status: 200, body: { items: [{ book: dragons, reads: 9, follows: 2, ratings: 0, points: 13 }], window: 'month', total: 1 },
    }));
    lists(server);
    renderApp('/discover', server.api());

    const week = await screen.findByRole('region', { name: 'Trending this week' });
    expect(within(week).getByRole('link', { name: lighthouse.title })).toHaveAttribute('href', '/discover/b1');
    expect(week).toHaveTextContent('4 readers');

    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Popular and trending' }), 'This month');
    const month = await screen.findByRole('region', { name: 'Trending this month' });
    expect(within(month).getAllByRole('link').map((a) => a.textContent)).toEqual([dragons.title, lighthouse.title]);
    const popular = await screen.findByRole('region', { name: 'Popular this month' });
    expect(popular).toHaveTextContent('9 new readers, 2 follows');
    expect(server.calls('GET', '/api/v1/discover/popular?window=month&size=5')).toHaveLength(1);
  });

  it('keeps only books updated since the day chosen, and suggests tags to hide as one types', async () => {
    server.on('GET', '/api/v1/discover/books', () => page([lighthouse, dragons]));
    server.on('GET', '/api/v1/discover/books?updatedSince=2026-12-01', () => page([lighthouse]));
    server.on('GET', '/api/v1/discover/tags?prefix=dr&size=8', () => ({
      status: 200, body: { items: [{ tag: 'dragons', books: 3 }, { tag: 'drama', books: 1 }] },
    }));
    server.on('GET', '/api/v1/discover/books?updatedSince=2026-12-01&excludeTag=dragons', () => page([]));
    lists(server);
    renderApp('/discover', server.api());
    expect(await screen.findByText('2 books')).toBeInTheDocument();

    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Updated since'), '2026-12-01');
    expect(await screen.findByText('1 book')).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: 'Hide books tagged' }), 'dr');
    const suggestions = await screen.findByRole('list', { name: 'Tag suggestions' });
    expect(within(suggestions).getAllByRole('button').map((b) => b.textContent)).toEqual(['dragons (3)', 'drama (1)']);
    await user.click(within(suggestions).getByRole('button', { name: /dragons/ }));
    expect(await screen.findByRole('heading', { name: 'Nothing found' })).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Hidden tags' })).getByRole('button', { name: /dragons/ })).toBeInTheDocument();
    expect(server.calls('GET', '/api/v1/discover/books?updatedSince=2026-12-01&excludeTag=dragons')).toHaveLength(1);
    expect(server.calls('GET', '/api/v1/discover/tags?prefix=d&size=8')).toHaveLength(0);
  });

  it('recommends trending books to the signed out', async () => {
    server.on('GET', '/api/v1/discover/books', () => page([]));
    server.on('GET', '/api/v1/discover/recommendations?size=5', () => ({ status: 200, body: { items: [{ ...dragons, reason: 'trending' }] } }));
    lists(server);
    renderApp('/discover', server.api());
    const recommended = await screen.findByRole('region', { name: 'Recommended' });
    expect(within(recommended).getByRole('link', { name: dragons.title })).toHaveAttribute('href', '/discover/b2');
    expect(screen.queryByRole('region', { name: 'Saved searches' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Never show me' })).toBeNull();
    expect(server.calls('GET', '/api/v1/discover/blocklist')).toHaveLength(0);
  });
});

describe('Discover for a signed-in reader: recommendations, saved searches and the blocklist', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await new TestServer().start();
    localStorage.setItem(REFRESH_TOKEN_KEY, 'r1');
    server.on('POST', '/api/v1/auth/refresh', () => signedIn('a2', 'r2'));
    server.on('GET', '/api/v1/users/me', () => ({ status: 200, body: writer }));
  });

  afterEach(() => server.stop());

  it('keeps a saved search as the server does, and back', () => {
    const query = { q: ' tides ', genre: 'literary', tags: ['sea'], excludeTags: ['war'], updatedSince: '2026-12-01', sort: 'title' };
    expect(toSavedQuery(query)).toEqual({ q: 'tides', genre: ['literary'], tag: ['sea'], excludeTag: ['war'], updatedSince: '2026-12-01',
      sort: 'title' });
    expect(fromSavedQuery(toSavedQuery(query))).toEqual({ ...query, q: 'tides', rating: undefined, status: undefined });
  });

  it('recommends because of what the reader read, saves the search, runs and deletes a saved one', async () => {
    server.on('GET', '/api/v1/discover/books', () => page([lighthouse, dragons]));
    server.on('GET', '/api/v1/discover/books?q=dragons&excludeTag=war', () => page([dragons]));
    server.on('GET', '/api/v1/discover/books?q=lamps', () => page([lighthouse]));
    server.on('GET', '/api/v1/discover/recommendations?size=5', () => ({
      status: 200, body: { items: [{ ...dragons, reason: 'because-you-read', because: 'b1' }, { ...lighthouse, reason: 'because-you-read', because: 'b9' }] },
    }));
    lists(server);
    server.on('GET', '/api/v1/discover/blocklist', () => ({ status: 200, body: { authors: [], tags: [] } }));
    const saved = [{ id: 's1', name: 'Lamps', query: { q: 'lamps' }, createdAt: '2026-12-01T10:00:00Z', updatedAt: '2026-12-01T10:00:00Z' }];
    server.on('GET', '/api/v1/discover/saved-searches', () => ({ status: 200, body: { items: saved } }));
    server.on('POST', '/api/v1/discover/saved-searches', (r) => ({
      status: 201, body: { id: 's2', ...(r.body as object), createdAt: '2026-12-02T10:00:00Z', updatedAt: '2026-12-02T10:00:00Z' },
    }));
    server.on('DELETE', '/api/v1/discover/saved-searches/s1', () => ({ status: 204 }));
    renderApp('/discover', server.api());

    const recommended = await screen.findByRole('region', { name: 'Recommended for you' });
    expect(recommended).toHaveTextContent(`${dragons.title} · Bram · like ${lighthouse.title}`);
    expect(recommended).toHaveTextContent(`${lighthouse.title} · Ada · like a book you read`);

    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'dragons');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await user.type(screen.getByRole('textbox', { name: 'Hide books tagged' }), 'war');
    await user.click(screen.getByRole('button', { name: 'Hide' }));
    expect(await screen.findByText('1 book')).toBeInTheDocument();
    const panel = screen.getByRole('region', { name: 'Saved searches' });
    await user.type(within(panel).getByRole('textbox', { name: 'Save this search as' }), 'Dragons, no war');
    await user.click(within(panel).getByRole('button', { name: 'Save search' }));
    const mine = await within(panel).findByRole('list', { name: 'Your saved searches' });
    await vi.waitFor(() => expect(within(mine).getAllByRole('listitem')).toHaveLength(2));
    expect(server.calls('POST', '/api/v1/discover/saved-searches').map((c) => c.body))
      .toEqual([{ name: 'Dragons, no war', query: { q: 'dragons', excludeTag: ['war'] } }]);

    await user.click(within(mine).getByRole('button', { name: 'Lamps' }));
    expect(await screen.findByText('1 book')).toBeInTheDocument();
    const results = () => screen.getAllByRole('listitem').filter((li) => li.classList.contains('book-card'))
      .map((li) => within(li).getByRole('link').textContent);
    await vi.waitFor(() => expect(results()).toEqual([lighthouse.title]));
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('lamps');
    expect(server.calls('GET', '/api/v1/discover/books?q=lamps')).toHaveLength(1);

    await user.click(within(mine).getByRole('button', { name: 'Delete Lamps' }));
    await vi.waitFor(() => expect(within(mine).getAllByRole('listitem')).toHaveLength(1));
    expect(server.calls('DELETE', '/api/v1/discover/saved-searches/s1')).toHaveLength(1);
  });

  it('never shows an author or a tag again once blocked, asking the server again, and shows them again when unblocked', async () => {
    let blocklist: { authors: { id: string; name: string | null }[]; tags: string[] } = { authors: [], tags: [] };
    let searches = 0;
    server.on('GET', '/api/v1/discover/books', () => {
      searches++;
      const hidden = (b: typeof lighthouse) => blocklist.authors.some((a) => a.id === b.authorId) || b.tags.some((t) => blocklist.tags.includes(t));
      return page([lighthouse, { ...dragons, tags: ['dragons'] }].filter((b) => !hidden(b)));
    });
    lists(server);
    server.on('GET', '/api/v1/discover/saved-searches', () => ({ status: 200, body: { items: [] } }));
    server.on('GET', '/api/v1/discover/blocklist', () => ({ status: 200, body: blocklist }));
    server.on('PUT', '/api/v1/discover/blocklist', (r) => {
      const body = r.body as { authors: string[]; tags: string[] };
      blocklist = { authors: body.authors.map((id) => ({ id, name: id === 'u2' ? 'Bram' : null })), tags: body.tags };
      return { status: 200, body: blocklist };
    });
    server.on('GET', '/api/v1/discover/tags?prefix=se&size=8', () => ({ status: 200, body: { items: [{ tag: 'sea', books: 4 }] } }));
    renderApp('/discover', server.api());
    expect(await screen.findByText('2 books')).toBeInTheDocument();
    const panel = await screen.findByRole('region', { name: 'Never show me' });
    expect(panel).toHaveTextContent('Nothing hidden.');

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Never show books by Bram' }));
    expect(await screen.findByText('1 book')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: dragons.title })).toBeNull();
    expect(within(panel).getByRole('list', { name: 'Never shown' })).toHaveTextContent('Bram');
    expect(screen.queryByRole('button', { name: /Never show books by Ada/ })).toBeInTheDocument();

    await user.type(within(panel).getByRole('textbox', { name: 'Never show books tagged' }), 'se');
    const suggestions = await within(panel).findByRole('list', { name: 'Tags to never show' });
    await user.click(within(suggestions).getByRole('button', { name: /sea/ }));
    expect(await screen.findByRole('heading', { name: 'Nothing found' })).toBeInTheDocument();
    expect(server.calls('PUT', '/api/v1/discover/blocklist').map((c) => c.body)).toEqual([
      { authors: ['u2'], tags: [] },
      { authors: ['u2'], tags: ['sea'] },
    ]);

    await user.click(within(panel).getByRole('button', { name: /Bram/ }));
    await user.click(within(panel).getByRole('button', { name: /sea/ }));
    expect(await screen.findByText('2 books')).toBeInTheDocument();
    expect(panel).toHaveTextContent('Nothing hidden.');
    expect(searches).toBeGreaterThanOrEqual(5);
  });
});
