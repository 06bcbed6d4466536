import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderApp, returningWriter, TestServer, writer } from '../test/server';

const BOOK = '0b7c6a1e-2222-4c9e-9a57-2f1d3c4b5a69';
const card = (id: string, title: string) => ({
  id, title, authorId: 'a1', authorName: 'Grace', blurb: '', genre: 'fantasy', tags: [], contentWarnings: [], rating: 'teen',
  language: 'en', status: 'ongoing', words: 1000, chapters: 1, publishedAt: '2026-11-30T10:00:00Z',
});
const summary = (id: string, name: string, books = 0) => ({
  id, ownerId: writer.id, name, description: null, visibility: 'private', books, createdAt: '', updatedAt: '',
});

describe('Reading lists', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await new TestServer().start();
  });

  afterEach(() => server.stop());

  it('makes a list and shows the reader’s lists', async () => {
    returningWriter(server);
    let lists: object[] = [];
    server.on('GET', '/api/v1/discover/lists', () => ({ status: 200, body: { items: lists } }));
    server.on('POST', '/api/v1/discover/lists', (r) => {
      lists = [summary('l1', (r.body as { name: string }).name)];
      return { status: 201, body: { ...summary('l1', 'Winter reads'), books: [] } };
    });
    const user = userEvent.setup();
    renderApp('/discover', server.api());
    await user.click(await within(screen.getByRole('navigation', { name: 'Main' })).findByRole('link', { name: 'Lists' }));
    expect(await screen.findByText(/No lists yet/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('New list'), 'Winter reads');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByRole('link', { name: 'Winter reads' })).toHaveAttribute('href', '/lists/l1');
    expect(server.calls('POST', '/api/v1/discover/lists')[0].body).toEqual({ name: 'Winter reads', visibility: 'private' });
  });

  it('lets its owner reorder, remove, share and delete a list', async () => {
    returningWriter(server);
    let books = [card('b1', 'First Tide'), card('b2', 'Second Tide')];
    let visibility = 'private';
    const list = () => ({ status: 200, body: { ...summary('l1', 'Winter reads'), visibility, books } });
    server.on('GET', '/api/v1/discover/lists/l1', list);
    server.on('PUT', '/api/v1/discover/lists/l1/order', (r) => {
      const ids = (r.body as { bookIds: string[] }).bookIds;
      books = ids.map((id) => books.find((b) => b.id === id)!);
      return list();
    });
    server.on('DELETE', '/api/v1/discover/lists/l1/books/b1', () => {
      books = books.filter((b) => b.id !== 'b1');
      return { status: 204 };
    });
    server.on('PATCH', '/api/v1/discover/lists/l1', (r) => {
      visibility = (r.body as { visibility: string }).visibility;
      return list();
    });
    server.on('DELETE', '/api/v1/discover/lists/l1', () => ({ status: 204 }));
    server.on('GET', '/api/v1/discover/lists', () => ({ status: 200, body: { items: [] } }));
    const user = userEvent.setup();
    renderApp('/lists/l1', server.api());

    expect(await screen.findByRole('heading', { level: 1, name: 'Winter reads' })).toBeInTheDocument();
    // the owner's controls once the session is back
    await user.click(await screen.findByRole('button', { name: 'Move down First Tide' }));
    expect(server.calls('PUT', '/api/v1/discover/lists/l1/order')[0].body).toEqual({ bookIds: ['b2', 'b1'] });
    const order = () => within(screen.getByRole('list', { name: 'Books' })).getAllByRole('link').map((a) => a.textContent);
    await waitFor(() => expect(order()).toEqual(['Second Tide', 'First Tide']));

    await user.click(screen.getByRole('button', { name: 'Remove First Tide' }));
    await waitFor(() => expect(order()).toEqual(['Second Tide']));

    await user.click(screen.getByRole('button', { name: 'Make public' }));
    expect(await screen.findByText('Public: anyone with the link sees it')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Delete list' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Reading lists' })).toBeInTheDocument();
  });

  it('shows a list of someone else’s without the owner’s controls, and a private one as not found', async () => {
    server.on('GET', '/api/v1/discover/lists/l2', () => ({
      status: 200, body: { ...summary('l2', 'Fen classics'), ownerId: 'someone', visibility: 'public', books: [card('b1', 'First Tide')] },
    }));
    server.on('GET', '/api/v1/discover/lists/l3', () => ({ status: 404, body: { status: 404, code: 'list-not-found' } }));
    renderApp('/lists/l2', server.api());
    expect(await screen.findByRole('link', { name: 'First Tide' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Remove/ })).not.toBeInTheDocument();
  });

  it('adds a published book to one of the reader’s lists from its page', async () => {
    returningWriter(server);
    server.on('GET', `/api/v1/books/${BOOK}`, () => ({
      status: 200,
      body: {
        id: BOOK, title: 'Salt and Iron', chapters: [], words: 100, publication: 'PUBLISHED', access: 'READ', authorId: 'a1',
        listing: { blurb: 'Salt.', genre: 'fantasy', tags: [], contentWarnings: [], rating: 'teen', language: 'en', status: 'ongoing' },
      },
    }));
    server.on('GET', '/api/v1/discover/lists', () => ({ status: 200, body: { items: [summary('l1', 'Winter reads'), summary('l2', 'Later')] } }));
    server.on('PUT', `/api/v1/discover/lists/l2/books/${BOOK}`, () => ({ status: 200, body: { ...summary('l2', 'Later'), books: [] } }));
    const user = userEvent.setup();
    renderApp(`/discover/${BOOK}`, server.api());

    expect(await screen.findByRole('link', { name: 'About the author' })).toHaveAttribute('href', '/authors/a1');
    await user.selectOptions(await screen.findByLabelText('Reading list'), 'l2');
    await user.click(screen.getByRole('button', { name: 'Add to list' }));
    expect(await screen.findByText('Added to Later.')).toBeInTheDocument();
    expect(server.calls('PUT', `/api/v1/discover/lists/l2/books/${BOOK}`)).toHaveLength(1);
  });
});
