import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BOOK_ID,
  bookDetails,
  jobStatus,
  problem,
  progressOf,
  renderApp,
  returningWriter,
  servePlanArtifacts,
  TestServer,
} from '../../test/server';

const book = `/api/v1/books/${BOOK_ID}`;

describe('The book view while the book is written', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await new TestServer().start();
    returningWriter(server);
  });

  afterEach(() => server.stop());

  it('shows live progress from the event stream and continues a broken stream after the last event', async () => {
    let state = 'RUNNING';
    server.on('GET', book, () => ({ status: 200, body: bookDetails({ status: 'GENERATING' }) }));
    server.on('GET', `${book}/status`, () => jobStatus(state, { step: 'plan/outline', scenesTotal: 3 }));
    server.on('GET', `${book}/events`, (r) => {
      if (!r.headers['last-event-id']) {
        // the stream breaks after two events (a proxy timeout, say)
        return {
          status: 200,
          events: [
            { id: '41', event: 'run-started', data: { jobId: 'j1', progress: progressOf({ step: 'plan/outline', scenesTotal: 3 }) } },
            {
              id: '42',
              event: 'scene-drafted',
              data: {
                jobId: 'j1',
                chapter: 1,
                scene: 2,
                words: 970,
                progress: progressOf({ step: 'draft/c001/s02', scenesDone: 2, scenesTotal: 3, words: 1450, inputTokens: 12000, outputTokens: 2100, costUsd: 0.42, etaSeconds: 150 }),
              },
            },
          ],
        };
      }
      state = 'COMPLETED';
      return {
        status: 200,
        events: [
          {
            id: '43',
            event: 'completed',
            data: { jobId: 'j1', state: 'COMPLETED', progress: progressOf({ step: 'summary/book', scenesDone: 3, scenesTotal: 3, words: 2400 }) },
          },
        ],
      };
    });
    renderApp(`/books/${BOOK_ID}`, server.api());

    const panel = (await screen.findByRole('heading', { name: 'Writing' })).closest('section')!;
    await within(panel).findByText('Drafting chapter 1, scene 2');
    expect(within(panel).getByText('2 of 3')).toBeInTheDocument();
    expect(within(panel).getByText('1,450')).toBeInTheDocument();
    expect(within(panel).getByText('14,100')).toBeInTheDocument();
    expect(within(panel).getByText('$0.42')).toBeInTheDocument();
    expect(within(panel).getByText('about 3 minutes')).toBeInTheDocument();
    expect(within(panel).getByRole('progressbar', { name: 'Scenes drafted' })).toHaveAttribute('value', '2');

    expect(await screen.findByRole('heading', { name: 'Finished' })).toBeInTheDocument();
    const streams = server.calls('GET', `${book}/events`);
    expect(streams.map((s) => s.headers['last-event-id'])).toEqual([undefined, '42']);
    expect(streams[0].headers.authorization).toBe('Bearer a2');
    expect(screen.queryByRole('button', { name: 'Stop writing' })).not.toBeInTheDocument();
  });

  it('stops the writing, resumes it, and explains refusals in words', async () => {
    let state = 'RUNNING';
    server.on('GET', book, () => ({ status: 200, body: bookDetails({ status: 'GENERATING' }) }));
    const cancelled = { error: 'Cancelled; resume continues where it stopped.' };
    server.on('GET', `${book}/status`, () =>
      jobStatus(state, { step: 'draft/c001/s01', scenesDone: 1, scenesTotal: 3 }, state === 'CANCELLED' ? cancelled : {}),
    );
    server.on('GET', `${book}/events`, () =>
      state === 'CANCELLED'
        ? { status: 200, events: [{ id: '9', event: 'cancelled', data: { jobId: 'j1', state: 'CANCELLED' } }] }
        : { status: 200, events: [] },
    );
    let cancels = 0;
    server.on('POST', `${book}/generation/cancel`, () => {
      if (++cancels === 1) return problem(409, 'generation-not-running', 'The generation is completed, not running.');
      state = 'CANCELLED';
      return jobStatus('CANCELLED', {}, cancelled);
    });
    server.on('POST', `${book}/generation/resume`, () => problem(409, 'generation-in-progress', 'This book is already being generated.'));
    const user = userEvent.setup();
    renderApp(`/books/${BOOK_ID}`, server.api());

    await user.click(await screen.findByRole('button', { name: 'Stop writing' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("This book isn't being written right now, so there is nothing to stop.");

    await user.click(screen.getByRole('button', { name: 'Stop writing' }));
    expect(await screen.findByRole('heading', { name: 'Stopped' })).toBeInTheDocument();
    expect(screen.getByText('Cancelled; resume continues where it stopped.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Resume writing' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This book is already being written. Wait for it to finish, or stop it first.');
    expect(server.calls('POST', `${book}/generation/resume`)).toHaveLength(1);
  });

  it('asks for a new budget when the budget is spent and resumes with it', async () => {
    let state = 'BUDGET_EXHAUSTED';
    server.on('GET', book, () => ({ status: 200, body: bookDetails({ status: 'PAUSED', metadata: { provider: 'anthropic', model: 'claude-sonnet-4-5', generated: true } }) }));
    server.on('GET', `${book}/status`, () =>
      jobStatus(state, { scenesDone: 1, scenesTotal: 3, costUsd: 1 }, { error: 'The budget of $1 is spent; raise it and resume.' }),
    );
    server.on('GET', `${book}/events`, () => ({ status: 200, events: [] }));
    server.on('POST', `${book}/generation/resume`, () => {
      state = 'QUEUED';
      return jobStatus('QUEUED');
    });
    const user = userEvent.setup();
    renderApp(`/books/${BOOK_ID}`, server.api());

    expect(await screen.findByRole('heading', { name: 'Stopped: the budget is spent' })).toBeInTheDocument();
    expect(screen.queryByText('Sample text')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('New budget in US dollars'), '3');
    await user.click(screen.getByRole('button', { name: 'Resume writing' }));

    expect(await screen.findByRole('heading', { name: 'Waiting to start' })).toBeInTheDocument();
    expect(server.calls('POST', `${book}/generation/resume`)[0].body).toEqual({ budgetUsd: 3 });
  });
});

describe('The book view tabs', () => {
  let server: TestServer;
  let state: string;

  beforeEach(async () => {
    server = await new TestServer().start();
    returningWriter(server);
    state = 'COMPLETED';
    server.on('GET', book, () => ({ status: 200, body: bookDetails() }));
    server.on('GET', `${book}/status`, () => jobStatus(state, { scenesDone: 3, scenesTotal: 3, words: 1450 }));
  });

  afterEach(() => server.stop());

  it('shows the outline tree with links into the editor, and the write, read and export links', async () => {
    renderApp(`/books/${BOOK_ID}`, server.api());

    expect(await screen.findByRole('heading', { level: 1, name: 'The Lighthouse Keeper' })).toBeInTheDocument();
    expect(screen.getByText('Sample text')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Outline' })).toHaveAttribute('aria-selected', 'true');
    const chapter = screen.getByRole('heading', { name: 'Chapter 1: The Lamp Room' }).closest('li')!;
    expect(chapter).toHaveTextContent('1,450 words · drafted');
    expect(within(chapter).getByRole('link', { name: '2. The date' })).toHaveAttribute('href', `/books/${BOOK_ID}/write/s2`);
    expect(screen.getByRole('link', { name: '1. Landfall' }).closest('li')).toHaveTextContent('0 words · planned');
    const links = screen.getByRole('navigation', { name: 'This book' });
    expect(within(links).getByRole('link', { name: 'Write' })).toHaveAttribute('href', `/books/${BOOK_ID}/write`);
    expect(within(links).getByRole('link', { name: 'Read' })).toHaveAttribute('href', `/books/${BOOK_ID}/read`);
    expect(within(links).getByRole('link', { name: 'Export' })).toHaveAttribute('href', `/books/${BOOK_ID}/export`);
  });

  it('moves between tabs with the arrow keys and shows the story bible as text, not JSON', async () => {
    servePlanArtifacts(server);
    const user = userEvent.setup();
    renderApp(`/books/${BOOK_ID}`, server.api());

    (await screen.findByRole('tab', { name: 'Outline' })).focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Story bible' })).toHaveFocus();
    expect(screen.getByRole('tab', { name: 'Story bible' })).toHaveAttribute('aria-selected', 'true');
    const panel = screen.getByRole('tabpanel', { name: 'Story bible' });
    expect(await within(panel).findByRole('heading', { name: 'Mara Vell' })).toBeInTheDocument();
    expect(within(panel).getByRole('heading', { name: 'Genre and audience' })).toBeInTheDocument();
    expect(panel).toHaveTextContent('Comparable titles');
    expect(panel).toHaveTextContent('A keeper gets letters from a storm that has not come yet.');
    expect(panel).not.toHaveTextContent('"');

    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'Tokens and cost' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Outline' })).toHaveFocus();
  });

  it('shows the codex in place of the read-only ledger, its facts placed in the book', async () => {
    server.on('GET', `${book}/codex`, () => ({
      status: 200,
      body: {
        entries: [
          {
            id: 'e1',
            kind: 'CHARACTER',
            name: 'Mara Vell',
            aliases: ['the keeper'],
            description: 'Keeps the light.',
            pinned: 'AUTO',
            source: 'EXTRACTED',
            facts: [
              { id: 'f1', text: 'role: protagonist', attribute: 'role', fromScene: 0, source: 'EXTRACTED', edited: false },
              { id: 'f2', text: 'location: the kitchen', attribute: 'location', fromScene: 2, source: 'EXTRACTED', edited: false },
            ],
          },
        ],
      },
    }));
    const user = userEvent.setup();
    renderApp(`/books/${BOOK_ID}`, server.api());

    expect(screen.queryByRole('tab', { name: 'Ledger' })).not.toBeInTheDocument();
    await user.click(await screen.findByRole('tab', { name: 'Codex' }));
    const mara = (await screen.findByRole('heading', { name: 'Mara Vell' })).closest('li')!;
    expect(mara).toHaveTextContent('also the keeper');
    const facts = within(within(mara).getByRole('list', { name: 'Facts about Mara Vell' })).getAllByRole('listitem');
    expect(facts[0]).toHaveTextContent('role: protagonist from the plan');
    expect(facts[1]).toHaveTextContent(/location: the kitchen from scene 2 \(chapter \d+, scene \d+\)/);
    expect(within(mara).getByRole('combobox', { name: 'In prompts: Mara Vell' })).toHaveValue('AUTO');
  });

  it('shows the summaries, the whole book first', async () => {
    server.on('GET', `${book}/summaries`, () => ({
      status: 200,
      body: [
        { chapter: 0, summary: { summary: 'Sample text. Mara saves the boat.' } },
        { chapter: 1, summary: { summary: 'Mara finds a letter dated next week.' } },
      ],
    }));
    const user = userEvent.setup();
    renderApp(`/books/${BOOK_ID}?tab=summaries`, server.api());

    const whole = await screen.findByRole('heading', { name: 'The whole book' });
    expect(whole.closest('section')).toHaveTextContent('Mara saves the boat.');
    expect(screen.getByRole('heading', { name: 'Chapter 1: The Lamp Room' }).closest('section')).toHaveTextContent(
      'Mara finds a letter dated next week.',
    );
    await user.click(screen.getByRole('tab', { name: 'Outline' }));
    expect(server.calls('GET', `${book}/summaries`)).toHaveLength(1);
  });

  it("shows what went into a drafted scene's prompt, and what was left out and why", async () => {
    server.on('GET', `${book}/chapters/c1/scenes/s2/manifest`, () => ({
      status: 200,
      body: {
        step: 'draft/c001/s02',
        budgetTokens: 8000,
        usedTokens: 2000,
        parts: [
          { name: 'instructions and style guide', priority: 1, tokens: 900, itemsKept: 1, itemsTotal: 1, status: 'INCLUDED', note: null },
          { name: 'ledger', priority: 3, tokens: 600, itemsKept: 4, itemsTotal: 7, status: 'TRUNCATED', note: 'three facts about places not in the scene' },
          { name: 'previous chapters', priority: 5, tokens: 0, itemsKept: 0, itemsTotal: 1, status: 'NOT_VISIBLE', note: 'chapter 2 is drafted in parallel' },
        ],
        system: 'You are a novelist. Style: spare.',
        prompt: '## This scene\n\nMara climbs to the lamp.',
      },
    }));
    server.on('GET', `${book}/chapters/c1/scenes/s1/manifest`, () => problem(404, 'manifest-not-found', 'This scene was not drafted by the generator.'));
    const user = userEvent.setup();
    renderApp(`/books/${BOOK_ID}`, server.api());

    await user.click(await screen.findByRole('button', { name: 'What went into it: chapter 1, scene 2' }));
    expect(screen.getByRole('tab', { name: 'Context' })).toHaveAttribute('aria-selected', 'true');
    const table = await screen.findByRole('table', { name: 'Parts of the prompt' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[1]).toHaveTextContent('ledger600in part4 of 7three facts about places not in the scene');
    expect(rows[2]).toHaveTextContent('not written yet');
    expect(screen.getByText(/of the 8,000 tokens it could \(25%\)/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Left out or shortened' }).nextElementSibling).toHaveTextContent(
      'previous chapters (not written yet): chapter 2 is drafted in parallel',
    );

    await user.click(screen.getByText(/^Message \(/));
    expect(screen.getByText(/Mara climbs to the lamp/, { selector: 'pre' })).toHaveTextContent('## This scene Mara climbs to the lamp.');
    expect(screen.getByText('You are a novelist. Style: spare.', { selector: 'pre' })).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Scene'), 'Chapter 1, scene 1: A letter in the lamp');
    expect(await screen.findByText(/written by hand/)).toBeInTheDocument();
  });

  it('shows another writer\u2019s book, or a deleted one, as not found', async () => {
    server.on('GET', `/api/v1/books/other`, () => problem(404, 'book-not-found', 'No book other.'));
    server.on('GET', `/api/v1/books/other/status`, () => problem(404, 'book-not-found', 'No book other.'));
    renderApp('/books/other', server.api());

    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });

  it('shows a book written by hand without progress, asking only for what it has', async () => {
    server.on('GET', '/api/v1/books/hand', () => ({
      status: 200,
      body: bookDetails({ id: 'hand', title: 'By Hand', metadata: {}, artifacts: { braindump: 1 }, chapters: [] }),
    }));
    server.on('GET', '/api/v1/books/hand/artifacts/braindump', () => ({ status: 200, body: { kind: 'braindump', document: 'My own idea.', version: 1 } }));
    const user = userEvent.setup();
    renderApp('/books/hand?tab=bible', server.api());

    expect(await screen.findByText('My own idea.')).toBeInTheDocument();
    expect(screen.queryByText('Sample text')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Stop writing' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Outline' }));
    expect(screen.getByText('No chapters yet. They appear here once the outline is written.')).toBeInTheDocument();
    expect(server.requests.filter((r) => r.path.startsWith('/api/v1/books/hand')).map((r) => r.path)).toEqual([
      '/api/v1/books/hand',
      '/api/v1/books/hand/artifacts/braindump',
    ]);
  });

  it('links to the outline approval while the plan waits for the writer', async () => {
    state = 'AWAITING_APPROVAL';
    renderApp(`/books/${BOOK_ID}`, server.api());

    expect(await screen.findByRole('link', { name: 'Review and approve the outline' })).toHaveAttribute('href', `/books/new?book=${BOOK_ID}`);
    await waitFor(() => expect(server.calls('GET', `${book}/events`)).toHaveLength(0));
  });
});
