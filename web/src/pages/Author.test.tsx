import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderApp, TestServer } from '../test/server';

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
});
