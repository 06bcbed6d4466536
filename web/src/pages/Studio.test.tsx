// The writer's studio (issue 13): its defects, each with a test, and the everyday book tools.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { File as NodeFile } from 'node:buffer';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { editingApi } from '../api/editing';
import { App } from '../App';
import { SessionProvider } from '../session/session';
import {
  BOOK_ID,
  bookDetails,
  jobStatus,
  progressOf,
  renderApp,
  returningWriter,
  signedIn,
  TestServer,
  writer,
} from '../test/server';
import { undoTime } from './Dashboard';

const book = `/api/v1/books/${BOOK_ID}`;

/** jsdom's FormData and File mean nothing to Node's fetch, which the tests send with: use Node's. */
async function nodeFormData() {
  const NodeFormData = (await new Request('http://x', { method: 'POST', body: new URLSearchParams('a=b') }).formData()).constructor;
  vi.stubGlobal('FormData', NodeFormData);
}

describe('The progress card and the book header', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await new TestServer().start();
    returningWriter(server);
  });

  afterEach(() => server.stop());

  it('at 100 % says it is finishing, offers no Stop and no time left, and ends with the same words as the header', async () => {
    let state = 'RUNNING';
    let words = 900;
    server.on('GET', book, () => ({ status: 200, body: bookDetails({ status: state === 'RUNNING' ? 'GENERATING' : 'COMPLETE', words }) }));
    server.on('GET', `${book}/status`, () =>
      jobStatus(state, { step: state === 'RUNNING' ? 'done' : 'done', scenesDone: 3, scenesTotal: 3, words: 2417, inputTokens: 9000, outputTokens: 3000 }),
    );
    server.on('GET', `${book}/events`, (r) => {
      if (!r.headers['last-event-id']) {
        return {
          status: 200,
          events: [
            {
              id: '7',
              event: 'scene-drafted',
              data: { jobId: 'j1', chapter: 1, scene: 2, progress: progressOf({ step: 'draft/c001/s02', scenesDone: 2, scenesTotal: 3, words: 1600, etaSeconds: 40 }) },
            },
            {
              id: '8',
              event: 'run-completed',
              data: { jobId: 'j1', progress: progressOf({ step: 'done', scenesDone: 3, scenesTotal: 3, words: 2417, etaSeconds: 0 }) },
            },
          ],
        };
      }
      state = 'COMPLETED';
      words = 2417;
      return {
        status: 200,
        events: [{ id: '9', event: 'completed', data: { jobId: 'j1', state: 'COMPLETED', progress: progressOf({ step: 'done', scenesDone: 3, scenesTotal: 3, words: 2417 }) } }],
      };
    });
    renderApp(`/books/${BOOK_ID}`, server.api());

    const panel = (await screen.findByRole('heading', { name: 'Finishing' })).closest('section')!;
    expect(within(panel).getByText('Every scene is drafted; saving the finished book.')).toBeInTheDocument();
    expect(within(panel).queryByText('Time left')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Stop writing' })).not.toBeInTheDocument();
    // the header counts what the card counts while it is written
    expect(document.querySelector('.book-words')).toHaveTextContent('2,417');

    await screen.findByRole('heading', { name: 'Finished' });
    await waitFor(() => expect(document.querySelector('.book-words')).toHaveTextContent('2,417'));
    const finished = screen.getByRole('heading', { name: 'Finished' }).closest('section')!;
    expect(within(finished).getByText('2,417')).toBeInTheDocument();
  });

  it('drops "Outline approved: drafting has started." once the book is finished, also when it is opened with that news', async () => {
    server.on('GET', book, () => ({ status: 200, body: bookDetails() }));
    server.on('GET', `${book}/status`, () => jobStatus('COMPLETED', { step: 'done', scenesDone: 3, scenesTotal: 3 }));
    render(
      <MemoryRouter initialEntries={[{ pathname: `/books/${BOOK_ID}`, state: { approved: true } }]}>
        <SessionProvider api={server.api()}>
          <App />
        </SessionProvider>
      </MemoryRouter>,
    );

    expect(await screen.findByRole('heading', { name: 'Finished' })).toBeInTheDocument();
    expect(screen.queryByText('Outline approved: drafting has started.')).not.toBeInTheDocument();
  });

  it('says "Outline approved" while the approved outline is being drafted', async () => {
    server.on('GET', book, () => ({ status: 200, body: bookDetails({ status: 'GENERATING' }) }));
    server.on('GET', `${book}/status`, () => jobStatus('RUNNING', { step: 'draft/c001/s01', scenesTotal: 3 }));
    server.on('GET', `${book}/events`, () => ({ status: 200, events: [] }));
    render(
      <MemoryRouter initialEntries={[{ pathname: `/books/${BOOK_ID}`, state: { approved: true } }]}>
        <SessionProvider api={server.api()}>
          <App />
        </SessionProvider>
      </MemoryRouter>,
    );

    expect(await screen.findByText('Outline approved: drafting has started.')).toBeInTheDocument();
  });
});

describe('History', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await new TestServer().start();
  });

  afterEach(() => server.stop());

  it("never offers the outline's empty placeholder version", async () => {
    server.on('GET', `${book}/chapters/c1/scenes/s1/versions`, () => ({
      status: 200,
      body: [
        { number: 2, wordCount: 812, author: null, origin: 'generated', createdAt: '2026-12-01T10:00:00Z' },
        { number: 1, wordCount: 0, author: null, origin: 'planned', createdAt: '2026-12-01T09:59:00Z' },
      ],
    }));
    const versions = await editingApi(server.api().client).versions(BOOK_ID, 'c1', 's1');
    expect(versions.map((v) => v.number)).toEqual([2]);
  });
});

describe('Export', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await new TestServer().start();
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    return server.stop();
  });

  function signedInAs(profile: object) {
    localStorage.setItem('authorworks.refreshToken', 'r1');
    server.on('POST', '/api/v1/auth/refresh', () => signedIn('a2', 'r2'));
    server.on('GET', '/api/v1/users/me', () => ({ status: 200, body: { ...writer, ...profile } }));
    server.on('GET', `${book}/exports`, () => ({ status: 200, body: [] }));
    server.on('POST', `${book}/export`, () => ({ status: 202, body: { id: 'e1', bookId: BOOK_ID, format: 'epub', state: 'QUEUED', createdAt: '2026-12-01T10:00:00Z' } }));
    server.on('GET', `${book}/exports/e1`, () => ({ status: 200, body: { id: 'e1', bookId: BOOK_ID, format: 'epub', state: 'QUEUED', createdAt: '2026-12-01T10:00:00Z' } }));
  }

  it('credits the username when there is no display name, and the name the author types', async () => {
    signedInAs({ displayName: null, username: 'mara_q' });
    server.on('GET', book, () => ({ status: 200, body: { ...bookDetails(), cover: false } }));
    const user = userEvent.setup();
    renderApp(`/books/${BOOK_ID}/export`, server.api());

    const name = await screen.findByLabelText('Author name');
    expect(name).toHaveValue('mara_q');
    await user.click(screen.getByRole('button', { name: 'Export EPUB' }));
    await waitFor(() => expect(server.calls('POST', `${book}/export`)).toHaveLength(1));
    expect(server.calls('POST', `${book}/export`)[0].body).toEqual({ format: 'epub', author: 'mara_q' });

    await waitFor(() => expect(screen.getByRole('button', { name: /Export/ })).toBeInTheDocument());
    await user.clear(name);
    await user.type(name, 'M. R. Quill');
    expect(name).toHaveValue('M. R. Quill');
  });

  it('offers Remove cover only for a book that has one', async () => {
    signedInAs({ displayName: 'Ada' });
    let cover = false;
    server.on('GET', book, () => ({ status: 200, body: { ...bookDetails(), cover } }));
    server.on('PUT', `${book}/cover`, () => ({ status: 200, body: { fileId: 'f1', mediaType: 'image/png' } }));
    server.on('DELETE', `${book}/cover`, () => ({ status: 204 }));
    const user = userEvent.setup();
    renderApp(`/books/${BOOK_ID}/export`, server.api());

    const remove = await screen.findByRole('button', { name: 'Remove cover' });
    expect(remove).toBeDisabled();
    expect(remove).toHaveAccessibleDescription('This book has no cover of its own yet, so there is none to remove.');
    expect(screen.getByLabelText('Author name')).toHaveValue('Ada');

    await nodeFormData();
    const png = new NodeFile([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], 'cover.png', { type: 'image/png' });
    await user.upload(screen.getByLabelText('Cover image (PNG or JPEG)'), png as unknown as File);
    await user.click(screen.getByRole('button', { name: 'Upload cover' }));
    await screen.findByText('Your cover is saved. Every export from now on uses it.');
    expect(screen.getByRole('button', { name: 'Remove cover' })).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'Remove cover' }));
    await screen.findByText('Your cover is removed. Exports draw a cover from the title again.');
    expect(screen.getByRole('button', { name: 'Remove cover' })).toBeDisabled();
    cover = true;
  });
});

describe('Logging out', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await new TestServer().start();
    returningWriter(server);
  });

  afterEach(() => server.stop());

  it('lands on a plain log-in page, so logging in again starts at My books, not the page left', async () => {
    server.on('POST', '/api/v1/auth/logout', () => ({ status: 204 }));
    server.on('POST', '/api/v1/auth/login', () => signedIn('a3', 'r3'));
    server.on('GET', '/api/v1/books', () => ({ status: 200, body: { items: [], page: 0, size: 20, total: 0 } }));
    server.on('GET', '/api/v1/provider-keys', () => ({ status: 200, body: [] }));
    server.on('GET', '/api/v1/providers', () => ({ status: 200, body: [] }));
    const user = userEvent.setup();
    renderApp('/settings', server.api());

    await user.click(await screen.findByRole('button', { name: /Log out/ }));
    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'My books' })).toBeInTheDocument();
  });
});

describe('My books', () => {
  let server: TestServer;
  const items = () => [
    {
      id: 'b1',
      title: 'The Lighthouse Keeper',
      format: 'novel',
      status: 'COMPLETE',
      updatedAt: '2026-11-30T18:20:00Z',
      words: 41316,
      scenes: 24,
      scenesDrafted: 18,
      metadata: { provider: 'sample' },
    },
    { id: 'b2', title: 'Salt', format: 'novella', status: 'DRAFT', updatedAt: '2026-11-02T08:00:00Z', words: 0, scenes: 0, scenesDrafted: 0 },
  ];

  beforeEach(async () => {
    server = await new TestServer().start();
    returningWriter(server);
  });

  afterEach(() => {
    undoTime.ms = 6000;
    vi.unstubAllGlobals();
    return server.stop();
  });

  it('shows each book’s words, progress and last edit', async () => {
    server.on('GET', '/api/v1/books', () => ({ status: 200, body: { items: items(), page: 0, size: 20, total: 2 } }));
    renderApp('/books', server.api());

    const card = (await screen.findByRole('heading', { name: 'The Lighthouse Keeper' })).closest('li')!;
    expect(card).toHaveTextContent('Words41,316');
    expect(card).toHaveTextContent('18 of 24 scenes drafted');
    expect(within(card).getByRole('progressbar', { name: 'Scenes drafted of The Lighthouse Keeper' })).toHaveAttribute('value', '18');
    expect(within(card).getByText('Nov 30, 2026')).toHaveAttribute('datetime', '2026-11-30T18:20:00Z');
    const empty = screen.getByRole('heading', { name: 'Salt' }).closest('li')!;
    expect(empty).toHaveTextContent('No scenes yet');
  });

  it('deletes a book after asking, and Undo brings it back without deleting anything', async () => {
    server.on('GET', '/api/v1/books', () => ({ status: 200, body: { items: items(), page: 0, size: 20, total: 2 } }));
    server.on('DELETE', '/api/v1/books/b2', () => ({ status: 204 }));
    const user = userEvent.setup();
    renderApp('/books', server.api());

    await screen.findByRole('heading', { name: 'Salt' });
    await user.click(await screen.findByRole('button', { name: 'Delete “Salt”' }));
    expect(screen.getByText(/Delete “Salt” with all its chapters/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Keep it' }));
    await user.click(screen.getByRole('button', { name: 'Delete “Salt”' }));
    await user.click(screen.getByRole('button', { name: 'Delete book' }));

    expect(screen.queryByRole('heading', { name: 'Salt' })).not.toBeInTheDocument();
    expect(screen.getByText('Deleted “Salt”.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Undo' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Undo' }));

    expect(screen.getByRole('heading', { name: 'Salt' })).toBeInTheDocument();
    expect(screen.getByText('“Salt” is back.')).toBeInTheDocument();
    expect(server.calls('DELETE', '/api/v1/books/b2')).toHaveLength(0);
  });

  it('deletes the book on the server once the undo time is over', async () => {
    undoTime.ms = 150;
    server.on('GET', '/api/v1/books', () => ({ status: 200, body: { items: items(), page: 0, size: 20, total: 2 } }));
    server.on('DELETE', '/api/v1/books/b2', () => ({ status: 204 }));
    const user = userEvent.setup();
    renderApp('/books', server.api());

    await user.click(await screen.findByRole('button', { name: 'Delete “Salt”' }));
    await user.click(screen.getByRole('button', { name: 'Delete book' }));

    await waitFor(() => expect(server.calls('DELETE', '/api/v1/books/b2')).toHaveLength(1));
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Salt' })).not.toBeInTheDocument();
  });

  it('renames and duplicates a book', async () => {
    let list = items();
    server.on('GET', '/api/v1/books', () => ({ status: 200, body: { items: list, page: 0, size: 20, total: list.length } }));
    server.on('PATCH', '/api/v1/books/b2', (r) => ({ status: 200, body: { ...items()[1], ...(r.body as object) } }));
    server.on('POST', '/api/v1/books/b1/duplicate', () => {
      const copy = { ...items()[0], id: 'b3', title: 'The Lighthouse Keeper (copy)' };
      list = [copy, ...list];
      return { status: 201, body: copy };
    });
    const user = userEvent.setup();
    renderApp('/books', server.api());

    await user.click(await screen.findByRole('button', { name: 'Rename “Salt”' }));
    const title = screen.getByLabelText('New title');
    await user.clear(title);
    await user.click(screen.getByRole('button', { name: 'Save title' }));
    expect(screen.getByText('A book needs a title.')).toBeInTheDocument();
    await user.type(title, 'Salt and Iron');
    await user.click(screen.getByRole('button', { name: 'Save title' }));
    expect(await screen.findByRole('heading', { name: 'Salt and Iron' })).toBeInTheDocument();
    expect(server.calls('PATCH', '/api/v1/books/b2')[0].body).toEqual({ title: 'Salt and Iron' });

    await user.click(screen.getByRole('button', { name: 'Duplicate “The Lighthouse Keeper”' }));
    expect(await screen.findByText('Made a copy: “The Lighthouse Keeper (copy)”.')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'The Lighthouse Keeper (copy)' })).toBeInTheDocument();
  });

  it('imports a Markdown manuscript as a new book and opens it', async () => {
    server.on('GET', '/api/v1/books', () => ({ status: 200, body: { items: [], page: 0, size: 20, total: 0 } }));
    server.on('POST', '/api/v1/books/import', () => ({ status: 201, body: { id: BOOK_ID, title: 'The Lighthouse Keeper', chapters: [] } }));
    server.on('GET', book, () => ({ status: 200, body: { ...bookDetails(), metadata: {} } }));
    const user = userEvent.setup();
    renderApp('/books', server.api());

    await user.click(await screen.findByText('Import a manuscript'));
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(screen.getByLabelText('Manuscript (Markdown, Word or EPUB)')).toHaveAccessibleDescription(
      'Choose a Markdown (.md), Word (.docx) or EPUB (.epub) file first.',
    );
    await nodeFormData();
    const md = new NodeFile(['# Chapter one\n\nThe boats came in late.\n'], 'keeper.md', { type: 'text/markdown' });
    await user.upload(screen.getByLabelText('Manuscript (Markdown, Word or EPUB)'), md as unknown as File);
    await user.click(screen.getByRole('button', { name: 'Import' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'The Lighthouse Keeper' })).toBeInTheDocument();
    const upload = server.calls('POST', '/api/v1/books/import')[0];
    expect(upload.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload.body).toContain('filename="keeper.md"');
  });
});
