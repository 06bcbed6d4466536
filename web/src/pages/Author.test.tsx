import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REFRESH_TOKEN_KEY } from '../api/client';
import { renderApp, signedIn, TestServer, writer } from '../test/server';

const AUTHOR = '9d3c2b1a-0000-4000-8000-00000000a0a0';
const card = (id: string, title: string) => ({
  id, title, authorId: AUTHOR, authorName: 'Maud', blurb: `About ${title}.`, genre: 'horror', tags: [], contentWarnings: [],
  rating: 'teen', language: 'en', status: 'ongoing', words: 12000, chapters: 3, publishedAt: '2026-11-30T10:00:00Z',
});

describe('Author', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await new TestServer().start();
  });

  afterEach(() => server.stop());

  it('shows the author’s name, bio, published books, readers and public lists to anyone', async () => {
    server.on('GET', `/api/v1/discover/authors/${AUTHOR}`, () => ({
      status: 200,
      body: {
        id: AUTHOR, username: 'maud', displayName: 'Maud Fenwick', bio: 'Writes about fens.', avatarUrl: null, links: [], followers: 4,
        bookFollowers: 12, books: [card('b2', 'Fenwick’s Second'), card('b1', 'Fenwick’s First')],
        lists: [{ id: 'l1', ownerId: AUTHOR, name: 'Fen classics', visibility: 'public', books: 3, createdAt: '', updatedAt: '' }],
      },
    }));
    renderApp(`/authors/${AUTHOR}`, server.api());

    expect(await screen.findByRole('heading', { level: 1, name: 'Maud Fenwick' })).toBeInTheDocument();
    expect(screen.getByText('Writes about fens.')).toBeInTheDocument();
    expect(screen.getByText('2 published books · 12 follows of their books · 4 followers')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Fenwick’s Second' })).toHaveAttribute('href', '/discover/b2');
    expect(screen.getByRole('link', { name: 'Fen classics' })).toHaveAttribute('href', '/lists/l1');
    expect(server.calls('GET', `/api/v1/discover/authors/${AUTHOR}`)[0].headers.authorization).toBeUndefined();
  });

  it('says so when there is no such author', async () => {
    server.on('GET', `/api/v1/discover/authors/${AUTHOR}`, () => ({ status: 404, body: { status: 404, code: 'author-not-found' } }));
    renderApp(`/authors/${AUTHOR}`, server.api());
    expect(await screen.findByRole('heading', { name: 'Author not found' })).toBeInTheDocument();
  });

  it('lets a signed-in reader watch or mute the author, and shows no control on their own page', async () => {
    localStorage.setItem(REFRESH_TOKEN_KEY, 'r1');
    server.on('POST', '/api/v1/auth/refresh', () => signedIn('a2', 'r2'));
    server.on('GET', '/api/v1/users/me', () => ({ status: 200, body: writer }));
    const page = (id: string) => ({ status: 200, body: { id, username: 'maud', displayName: 'Maud Fenwick', bio: null, avatarUrl: null,
      links: [], followers: null, bookFollowers: 0, books: [], lists: [] } });
    server.on('GET', `/api/v1/discover/authors/${AUTHOR}`, () => page(AUTHOR));
    server.on('GET', `/api/v1/discover/authors/${writer.id}`, () => page(writer.id));
    let level = 'normal';
    const levels = `/api/v1/notifications/preferences/authors/${AUTHOR}`;
    server.on('GET', levels, () => ({ status: 200, body: { scope: 'authors', id: AUTHOR, level } }));
    server.on('PUT', levels, (r) => {
      level = (r.body as { level: string }).level;
      return { status: 200, body: { scope: 'authors', id: AUTHOR, level } };
    });
    const user = userEvent.setup();
    const { unmount } = renderApp(`/authors/${AUTHOR}`, server.api());

    const control = await screen.findByRole('group', { name: 'Notifications about this author' });
    await user.click(within(control).getByRole('button', { name: 'Mute this author' }));
    expect(await within(control).findByText(/You muted this author/)).toBeInTheDocument();
    expect(server.calls('PUT', levels).map((c) => c.body)).toEqual([{ level: 'muted' }]);
    unmount();

    renderApp(`/authors/${writer.id}`, server.api());
    expect(await screen.findByRole('heading', { level: 1, name: 'Maud Fenwick' })).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Notifications about this author' })).toBeNull();
    expect(server.calls('GET', `/api/v1/notifications/preferences/authors/${writer.id}`)).toHaveLength(0);
  });
});
