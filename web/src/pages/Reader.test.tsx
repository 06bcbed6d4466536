import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REFRESH_TOKEN_KEY } from '../api/client';
import { problem, renderApp, signedIn, TestServer, writer, type Recorded } from '../test/server';

const BOOK = '0b7c6a1e-1111-4c9e-9a57-2f1d3c4b5a69';
const base = `/api/v1/books/${BOOK}`;

function returningWriter(server: TestServer) {
  localStorage.setItem(REFRESH_TOKEN_KEY, 'r1');
  server.on('POST', '/api/v1/auth/refresh', () => signedIn('a2', 'r2'));
  server.on('GET', '/api/v1/users/me', (r) =>
    r.headers.authorization === 'Bearer a2' ? { status: 200, body: writer } : { status: 401, body: { status: 401 } },
  );
}

const chapters = [
  { id: 'c1', number: 1, title: 'The Lamp Room', scenes: [{ id: 's1', number: 1, title: 'Letters' }, { id: 's2', number: 2, title: 'Oil' }] },
  { id: 'c2', number: 2, title: 'The Storm', scenes: [{ id: 's3', number: 1, title: 'Wind' }] },
  { id: 'c3', number: 3, title: 'After', scenes: [{ id: 's4', number: 1, title: 'Calm' }] },
];

function aBook(server: TestServer, provider = 'sample', publication = 'DRAFT') {
  server.on('GET', base, () => ({
    status: 200,
    body: {
      id: BOOK,
      title: 'The Lighthouse Keeper',
      format: 'novel',
      status: 'COMPLETE',
      publication,
      metadata: { provider },
      words: 1200,
      chapters: chapters.map((c) => ({
        ...c,
        status: 'DRAFT',
        scenes: c.scenes.map((s) => ({ ...s, wordCount: 300, status: 'DRAFT', version: 1 })),
      })),
    },
  }));
  for (const c of chapters) {
    for (const s of c.scenes) {
      server.on('GET', `${base}/chapters/${c.id}/scenes/${s.id}`, () => ({
        status: 200,
        body: {
          id: s.id,
          chapterId: c.id,
          number: s.number,
          title: s.title,
          content: `<p>Text of <em>${s.title}</em> in ${c.title}.</p><p>A second paragraph.</p>`,
          wordCount: 300,
          status: 'DRAFT',
          version: 1,
        },
      }));
    }
  }
}

const puts = (server: TestServer): Recorded[] => server.calls('PUT', `${base}/reading-position`);

describe('The reader', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await new TestServer().start();
    returningWriter(server);
    server.on('PUT', `${base}/reading-position`, (r) => ({ status: 200, body: { ...(r.body as object), updatedAt: '2026-11-22T07:00:00Z' } }));
  });

  afterEach(() => server.stop());

  it('starts at the beginning of a book never opened, with its scenes as text and the sample label', async () => {
    aBook(server);
    server.on('GET', `${base}/reading-position`, () => ({ status: 204 }));
    renderApp(`/books/${BOOK}/read`, server.api());

    expect(await screen.findByRole('heading', { level: 1, name: 'Chapter 1: The Lamp Room' })).toBeInTheDocument();
    expect(await screen.findByText('Letters', { selector: 'em' })).toBeInTheDocument();
    expect(screen.getByText('Oil', { selector: 'em' })).toBeInTheDocument();
    expect(screen.getByText('Sample text')).toBeInTheDocument();
    expect(screen.getByText(/The offline sample writer wrote this book/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Previous chapter/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Next chapter/ })).toHaveTextContent('The Storm');
    // only the two scenes of chapter 1 were fetched
    expect(server.requests.filter((r) => r.path.includes('/scenes/')).map((r) => r.path.split('/').pop())).toEqual(['s1', 's2']);
  });

  it('comes back to the chapter where the writer stopped', async () => {
    aBook(server, 'anthropic');
    server.on('GET', `${base}/reading-position`, () => ({
      status: 200,
      body: { chapterId: 'c2', sceneId: 's3', progress: 0.4, updatedAt: '2026-11-21T20:00:00Z' },
    }));
    renderApp(`/books/${BOOK}/read`, server.api());

    expect(await screen.findByRole('heading', { level: 1, name: 'Chapter 2: The Storm' })).toBeInTheDocument();
    expect(await screen.findByText('Wind', { selector: 'em' })).toBeInTheDocument();
    expect(screen.queryByText('Sample text')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Previous chapter/ })).toHaveTextContent('The Lamp Room');
  });

  it('turns chapters with the table of contents, the buttons and the arrow keys, saving the place each time', async () => {
    aBook(server);
    server.on('GET', `${base}/reading-position`, () => ({ status: 204 }));
    const user = userEvent.setup();
    renderApp(`/books/${BOOK}/read`, server.api());
    await screen.findByText('Letters', { selector: 'em' });

    await user.click(screen.getByText(/Contents/));
    await user.click(screen.getByRole('button', { name: '3. After' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Chapter 3: After' })).toHaveFocus();
    expect(screen.getByRole('button', { name: '3. After' })).toHaveAttribute('aria-current', 'true');
    await waitFor(() => expect(puts(server)).toHaveLength(1));
    expect(puts(server)[0].body).toEqual({ chapterId: 'c3', sceneId: 's4', progress: 0 });

    await user.keyboard('{ArrowLeft}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Chapter 2: The Storm' })).toBeInTheDocument();
    await waitFor(() => expect(puts(server)).toHaveLength(2));
    expect(puts(server)[1].body).toEqual({ chapterId: 'c2', sceneId: 's3', progress: 0 });

    await user.keyboard('{ArrowRight}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Chapter 3: After' })).toBeInTheDocument();
    // the last chapter: no next, and the right arrow does nothing
    expect(screen.queryByRole('button', { name: /Next chapter/ })).not.toBeInTheDocument();
    await user.keyboard('{ArrowRight}');
    await user.click(screen.getByRole('button', { name: /Previous chapter/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Chapter 2: The Storm' })).toBeInTheDocument();
    await waitFor(() => expect(puts(server)).toHaveLength(4));
    expect(puts(server).map((p) => (p.body as { chapterId: string }).chapterId)).toEqual(['c3', 'c2', 'c3', 'c2']);
  });

  it('saves the place after scrolling pauses', async () => {
    aBook(server);
    server.on('GET', `${base}/reading-position`, () => ({ status: 204 }));
    renderApp(`/books/${BOOK}/read`, server.api());
    await screen.findByText('Oil', { selector: 'em' });

    fireEvent.scroll(window);
    await new Promise((resolve) => setTimeout(resolve, 100));
    fireEvent.scroll(window);
    // one save for the pause after both, not one per scroll event
    await waitFor(() => expect(puts(server)).toHaveLength(1), { timeout: 10_000 });
    // jsdom lays nothing out: every scene is at the top, so the reading line is past the last one
    expect(puts(server)[0].body).toMatchObject({ chapterId: 'c1', sceneId: 's2' });
  });

  it('says in words when the book is not there', async () => {
    server.on('GET', base, () => problem(404, 'book-not-found', `No book ${BOOK}.`));
    server.on('GET', `${base}/reading-position`, () => problem(404, 'book-not-found', `No book ${BOOK}.`));
    renderApp(`/books/${BOOK}/read`, server.api());

    expect(await screen.findByRole('alert')).toHaveTextContent("We couldn't find that book. It may have been deleted.");
  });
  it('asks for no comments on a book that is not published (they open with publication)', async () => {
    aBook(server);
    server.on('GET', `${base}/reading-position`, () => ({ status: 204 }));
    renderApp(`/books/${BOOK}/read`, server.api());

    expect(await screen.findByText('Letters', { selector: 'em' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /comments/i })).not.toBeInTheDocument();
    expect(server.calls('GET', `/api/v1/discover/books/${BOOK}/chapters/c1/comments`)).toHaveLength(0);
  });
  it('shows a chapter’s comments, posts one, replies, deletes the writer’s own and reports another’s', async () => {
    aBook(server, 'sample', 'PUBLISHED');
    server.on('GET', `${base}/reading-position`, () => ({ status: 204 }));
    const comments = `/api/v1/discover/books/${BOOK}/chapters/c1/comments`;
    const comment = (id: string, extra: Record<string, unknown> = {}) => ({
      id, bookId: BOOK, chapterId: 'c1', parentId: null, authorId: 'u-bea', authorName: 'Bea', body: `Words of ${id}`,
      deleted: false, hidden: false, edited: false, replies: 0, createdAt: '2026-12-03T10:00:00Z', ...extra,
    });
    server.on('GET', comments, () => ({ status: 200, body: { items: [comment('k1', { replies: 1 })], nextCursor: null } }));
    server.on('GET', `${comments}?parentId=k1`, () => ({ status: 200, body: { items: [comment('k2', { parentId: 'k1', authorId: writer.id, authorName: 'Ada', body: 'My answer' })], nextCursor: null } }));
    server.on('POST', comments, (r) => {
      const body = r.body as { body: string; parentId?: string };
      return { status: 201, body: comment(body.parentId ? 'k4' : 'k3', { authorId: writer.id, authorName: 'Ada', body: body.body, parentId: body.parentId ?? null }) };
    });
    server.on('DELETE', '/api/v1/discover/comments/k3', () => ({ status: 204 }));
    server.on('POST', '/api/v1/discover/comments/k1/reports', () => ({ status: 201, body: { id: 'r1' } }));
    const user = userEvent.setup();
    renderApp(`/books/${BOOK}/read`, server.api());

    const section = await screen.findByRole('region', { name: 'Comments' });
    expect(await within(section).findByText('Words of k1')).toBeInTheDocument();

    await user.type(within(section).getByLabelText('Add a comment'), 'A fine lamp');
    await user.click(within(section).getAllByRole('button', { name: 'Send' }).at(-1)!);
    expect(await within(section).findByText('A fine lamp')).toBeInTheDocument();
    expect(server.calls('POST', comments)[0].body).toEqual({ body: 'A fine lamp' });

    await user.click(within(section).getByRole('button', { name: 'Show 1 reply' }));
    expect(await within(section).findByText('My answer')).toBeInTheDocument();

    const mine = within(section).getByText('A fine lamp').closest('li')!;
    await user.click(within(mine as HTMLElement).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(within(section).queryByText('A fine lamp')).not.toBeInTheDocument());
    expect(server.calls('DELETE', '/api/v1/discover/comments/k3')).toHaveLength(1);

    const beas = within(section).getByText('Words of k1').closest('article')!;
    await user.click(within(beas as HTMLElement).getByRole('button', { name: 'Report' }));
    const form = within(section).getByRole('form', { name: 'Report this comment' });
    const reason = within(form).getByRole('combobox');
    await user.selectOptions(reason, within(reason).getAllByRole('option')[1]);
    await user.click(within(form).getByRole('button', { name: 'Send report' }));
    expect(await within(section).findByText('Thank you: the admins will look at it.')).toBeInTheDocument();
    expect(server.calls('POST', '/api/v1/discover/comments/k1/reports')).toHaveLength(1);
  });

  it('shows a locked chapter as its teaser, the tiers that unlock it, when it opens and a link to the author’s tiers', async () => {
    const author = '9a9a9a9a-1111-4c9e-9a57-2f1d3c4b5a69';
    const lock = { locked: true, unlocksAt: '2030-01-15T08:30:00Z', anyMember: false, tiers: ['t2'] };
    server.on('GET', base, () => ({
      status: 200,
      body: {
        id: BOOK, title: 'The Gated Serial', format: 'novel', status: 'COMPLETE', publication: 'PUBLISHED', authorId: author,
        metadata: { provider: 'anthropic' }, words: 900,
        chapters: [
          { id: 'c1', number: 1, title: 'Open', status: 'DRAFT', scenes: [{ id: 's1', number: 1, title: 'Free', wordCount: 300, status: 'DRAFT', version: 1 }] },
          {
            id: 'c2', number: 2, title: 'Patrons First', status: 'DRAFT', locked: lock,
            scenes: [{ id: 's2', number: 1, title: 'Gate', wordCount: 300, status: 'DRAFT', version: 1 }, { id: 's3', number: 2, title: 'Hall', wordCount: 300, status: 'DRAFT', version: 1 }],
          },
        ],
      },
    }));
    server.on('GET', `${base}/reading-position`, () => ({ status: 200, body: { chapterId: 'c2', sceneId: 's2', progress: 0, updatedAt: '2026-11-21T20:00:00Z' } }));
    server.on('GET', `${base}/chapters/c2/scenes/s2`, () => ({
      status: 200,
      body: { id: 's2', chapterId: 'c2', number: 1, title: 'Gate', content: '', wordCount: 300, status: 'DRAFT', version: 1, teaser: 'The gate stood open for patrons …', locked: lock },
    }));
    server.on('GET', `/api/v1/creators/${author}/tiers`, () => ({
      status: 200,
      body: [{ id: 't1', name: 'Reader', monthlyPrice: 500, currency: 'USD' }, { id: 't2', name: 'Patron', monthlyPrice: 1500, currency: 'USD' }],
    }));
    renderApp(`/books/${BOOK}/read`, server.api());

    expect(await screen.findByRole('heading', { level: 1, name: 'Chapter 2: Patrons First' })).toBeInTheDocument();
    const locked = await screen.findByRole('region', { name: 'Locked chapter' });
    expect(within(locked).getByText('The gate stood open for patrons …')).toBeInTheDocument();
    expect(await within(locked).findByText('This chapter is for members of Patron (or a dearer tier).')).toBeInTheDocument();
    expect(within(locked).getByText(/It opens for you on/)).toBeInTheDocument();
    expect(within(locked).getByRole('link', { name: 'See the author’s tiers' })).toHaveAttribute('href', `/creators/${author}`);
    // the teaser is the chapter's: one scene asked, and no comments under a locked chapter
    expect(server.requests.filter((r) => r.path.includes('/scenes/')).map((r) => r.path.split('/').pop())).toEqual(['s2']);
    expect(screen.queryByText(/This scene is not written yet/)).not.toBeInTheDocument();
  });
});
