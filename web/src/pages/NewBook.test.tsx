import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BOOK_ID,
  bookDetails,
  jobStatus,
  outlineDocument,
  problem,
  progressOf,
  renderApp,
  returningWriter,
  type Reply,
  servePlanArtifacts,
  providerCatalogue,
  TestServer,
} from '../test/server';

const PLAN = ['plan/genre', 'plan/style', 'plan/characters', 'plan/synopsis', 'plan/outline'];

describe('The new-book wizard', () => {
  let server: TestServer;
  let catalogue: Reply;

  beforeEach(async () => {
    server = await new TestServer().start();
    returningWriter(server);
    catalogue = { status: 200, body: providerCatalogue };
    server.on('GET', '/api/v1/providers', () => catalogue);
    server.on('GET', '/api/v1/provider-keys', () => ({ status: 200, body: [{ provider: 'anthropic', lastFour: '9xQ2', createdAt: '2026-11-01T10:00:00Z' }] }));
  });

  afterEach(() => server.stop());

  it('sends every choice, shows each plan step as it completes, and drafts from the outline the writer edited', async () => {
    let state = 'QUEUED';
    server.on('POST', '/api/v1/books/generate', () => jobStatus('QUEUED'));
    server.on('GET', `/api/v1/books/${BOOK_ID}/status`, () => jobStatus(state));
    let streams = 0;
    server.on('GET', `/api/v1/books/${BOOK_ID}/events`, () => {
      // the book view follows the drafting after the approval: nothing new to say in this test
      if (++streams > 1) return { status: 200, events: [] };
      state = 'AWAITING_APPROVAL';
      return {
        status: 200,
        events: [
          { id: '1', event: 'run-started', data: { jobId: 'j1', progress: progressOf() } },
          // the server names the step `step` today and `key` in the contract: both are read
          ...PLAN.map((step, i) => ({
            id: String(i + 2),
            event: 'step-completed',
            data: i % 2 ? { jobId: 'j1', step, progress: progressOf({ step }) } : { jobId: 'j1', key: step, progress: progressOf({ step }) },
          })),
          { id: '7', event: 'outline-ready', data: { jobId: 'j1', progress: progressOf({ step: 'plan/outline', scenesTotal: 3 }) } },
        ],
      };
    });
    servePlanArtifacts(server);
    server.on('PUT', `/api/v1/books/${BOOK_ID}/artifacts/outline`, (r) => ({ status: 200, body: { kind: 'outline', document: r.body, version: 2 } }));
    server.on('POST', `/api/v1/books/${BOOK_ID}/generation/resume`, () => {
      state = 'RUNNING';
      return jobStatus('QUEUED');
    });
    server.on('GET', `/api/v1/books/${BOOK_ID}`, () => ({ status: 200, body: bookDetails() }));
    const user = userEvent.setup();
    renderApp('/books/new', server.api());

    await user.type(await screen.findByLabelText('Working title'), '  The Lighthouse Keeper ');
    await user.type(screen.getByLabelText('Your idea'), 'A keeper finds letters in the lamp room from a future storm.');
    await user.selectOptions(screen.getByLabelText('Format'), 'Novella');
    await user.selectOptions(screen.getByLabelText('Length'), 'Let me choose the words and chapters');
    await user.clear(screen.getByLabelText('Words'));
    await user.type(screen.getByLabelText('Words'), '6000');
    await user.clear(screen.getByLabelText('Chapters'));
    await user.type(screen.getByLabelText('Chapters'), '4');
    await user.type(screen.getByLabelText('Genre (optional)'), 'gothic mystery');
    await user.type(screen.getByLabelText('Style (optional)'), 'spare, past tense');
    await user.type(screen.getByLabelText('Budget in US dollars (optional)'), '2.5');
    expect(screen.getByLabelText('I want to approve the outline first')).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Start writing' }));

    expect(await screen.findByRole('heading', { name: 'Approve your outline' })).toBeInTheDocument();
    expect(screen.getByText('The offline sample writer is writing this plan.')).toHaveTextContent('Sample text');
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
    expect(server.calls('POST', '/api/v1/books/generate')[0].body).toEqual({
      title: 'The Lighthouse Keeper',
      // genre and style are fields of their own, not lines inside the idea
      braindump: 'A keeper finds letters in the lamp room from a future storm.',
      genre: 'gothic mystery',
      style: 'spare, past tense',
      format: 'NOVELLA',
      targetWords: 6000,
      chapters: 4,
      provider: 'sample',
      budgetUsd: 2.5,
      approveOutline: true,
    });
    const steps = screen.getAllByRole('listitem').filter((li) => li.classList.contains('plan-step'));
    expect(steps.map((li) => li.textContent)).toEqual([
      expect.stringContaining('Genre and audience: done'),
      expect.stringContaining('Style guide: done'),
      expect.stringContaining('Characters: done'),
      expect.stringContaining('Synopsis: done'),
      expect.stringContaining('Outline: done'),
    ]);
    // what a step wrote is readable, not JSON
    expect(within(steps[2]).getByRole('heading', { name: 'Mara Vell' })).toBeInTheDocument();
    expect(steps[2]).toHaveTextContent('Learns to ask for help');
    expect(steps[2]).not.toHaveTextContent('{');

    await user.clear(screen.getByLabelText('Chapter 1 title'));
    await user.type(screen.getByLabelText('Chapter 1 title'), 'The Keeper Wakes');
    await user.type(screen.getByLabelText('Chapter 2, scene 1 title'), ' at Dawn');
    await user.clear(screen.getByLabelText('Chapter 2, scene 1 beats'));
    await user.type(screen.getByLabelText('Chapter 2, scene 1 beats'), 'Tom sees the boat{Enter}The lamp fails{Enter}');
    await user.click(screen.getByRole('button', { name: 'Approve outline and start drafting' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'The Lighthouse Keeper' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Outline approved: drafting has started.');
    const put = server.calls('PUT', `/api/v1/books/${BOOK_ID}/artifacts/outline`)[0];
    expect(put.headers['if-match']).toBe('"1"');
    const expected = outlineDocument();
    expected.chapters[0].title = 'The Keeper Wakes';
    expected.chapters[1].scenes[0].beats = ['Tom sees the boat', 'The lamp fails'];
    expected.chapters[1].scenes[0].title = 'Landfall at Dawn';
    expect(put.body).toEqual(expected);
    // the server carries the edited titles over to the book's planned chapters and scenes itself
    expect(server.requests.filter((r) => r.method === 'PATCH')).toEqual([]);
    expect(server.calls('POST', `/api/v1/books/${BOOK_ID}/generation/resume`)).toHaveLength(1);
    // the resume came after the outline was saved
    const order = server.requests.map((r) => `${r.method} ${r.path}`);
    expect(order.indexOf(`POST /api/v1/books/${BOOK_ID}/generation/resume`)).toBeGreaterThan(order.indexOf(`PUT /api/v1/books/${BOOK_ID}/artifacts/outline`));
  });

  it('refuses an outline with an empty title before saving it', async () => {
    server.on('GET', `/api/v1/books/${BOOK_ID}/status`, () => jobStatus('AWAITING_APPROVAL', { step: 'plan/outline' }));
    servePlanArtifacts(server);
    const user = userEvent.setup();
    renderApp(`/books/new?book=${BOOK_ID}`, server.api());

    await user.clear(await screen.findByLabelText('Chapter 2, scene 1 title'));
    await user.click(screen.getByRole('button', { name: 'Approve outline and start drafting' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Every chapter and scene needs a title.');
    expect(screen.getByLabelText('Chapter 2, scene 1 title')).toHaveFocus();
    expect(server.calls('PUT', `/api/v1/books/${BOOK_ID}/artifacts/outline`)).toHaveLength(0);
  });

  it('says in words why the server refused the edited outline, and keeps the edits', async () => {
    server.on('GET', `/api/v1/books/${BOOK_ID}/status`, () => jobStatus('AWAITING_APPROVAL'));
    servePlanArtifacts(server);
    server.on('PUT', `/api/v1/books/${BOOK_ID}/artifacts/outline`, () => problem(409, 'edit-conflict', 'Version 2 was saved since.'));
    const user = userEvent.setup();
    renderApp(`/books/new?book=${BOOK_ID}`, server.api());

    await user.type(await screen.findByLabelText('Chapter 1 title'), ' Again');
    await user.click(screen.getByRole('button', { name: 'Approve outline and start drafting' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Someone changed this outline since you opened it');
    expect(screen.getByLabelText('Chapter 1 title')).toHaveValue('The Lamp Room Again');
    expect(server.calls('POST', `/api/v1/books/${BOOK_ID}/generation/resume`)).toHaveLength(0);
  });

  it('goes to the book once drafting starts when the writer did not ask to approve the outline', async () => {
    server.on('POST', '/api/v1/books/generate', () => jobStatus('QUEUED'));
    server.on('GET', `/api/v1/books/${BOOK_ID}/status`, () => jobStatus('RUNNING'));
    let streams = 0;
    server.on('GET', `/api/v1/books/${BOOK_ID}/events`, () =>
      ++streams === 1
        ? {
            status: 200,
            events: [
              { id: '1', event: 'step-completed', data: { jobId: 'j1', key: 'plan/genre', progress: progressOf({ step: 'plan/genre' }) } },
              { id: '2', event: 'scene-drafted', data: { jobId: 'j1', chapter: 1, scene: 1, words: 480, progress: progressOf({ step: 'draft/c001/s01', scenesDone: 1, scenesTotal: 3 }) } },
            ],
          }
        : { status: 200, events: [] },
    );
    servePlanArtifacts(server);
    server.on('GET', `/api/v1/books/${BOOK_ID}`, () => ({ status: 200, body: bookDetails({ status: 'GENERATING' }) }));
    const user = userEvent.setup();
    renderApp('/books/new', server.api());

    await user.type(await screen.findByLabelText('Working title'), 'The Lighthouse Keeper');
    await user.type(screen.getByLabelText('Your idea'), 'A keeper finds letters in the lamp room from a future storm.');
    await user.click(screen.getByLabelText('I want to approve the outline first'));
    await user.click(screen.getByRole('button', { name: 'Start writing' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'The Lighthouse Keeper' })).toBeInTheDocument();
    expect(server.calls('POST', '/api/v1/books/generate')[0].body).toMatchObject({ approveOutline: false, targetWords: 40_000 });
    expect(await screen.findByRole('heading', { name: 'Writing' })).toBeInTheDocument();
  });

  it('shows which writers have a key, asks for a model only for AI writers, and explains a missing key', async () => {
    server.on('POST', '/api/v1/books/generate', () =>
      problem(400, 'provider-key-missing', 'No gemini API key: store yours under /api/v1/provider-keys/gemini.'),
    );
    const user = userEvent.setup();
    renderApp('/books/new', server.api());

    const writerSelect = await screen.findByLabelText('Writer');
    expect(await within(writerSelect).findByRole('option', { name: 'Anthropic Claude (your key ending 9xQ2)' })).toBeInTheDocument();
    expect(within(writerSelect).getByRole('option', { name: 'Google Gemini (no key of yours)' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Model (optional)')).not.toBeInTheDocument();

    await user.type(screen.getByLabelText('Working title'), 'Storm Letters');
    await user.type(screen.getByLabelText('Your idea'), 'A keeper finds letters in the lamp room from a future storm.');
    await user.selectOptions(writerSelect, 'gemini');
    expect(writerSelect).toHaveAccessibleDescription('There is no Google Gemini key on this server yet. Add your own in Settings.');
    expect(screen.getByLabelText('Model (optional)')).toHaveAccessibleDescription('Leave empty for gemini-2.5-pro (summaries: gemini-2.5-flash).');
    await user.type(screen.getByLabelText('Model (optional)'), 'gemini-2.5-pro');
    await user.click(screen.getByRole('button', { name: 'Start writing' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('There is no API key for that AI provider. Add your own key in Settings (for a new book you can also choose the sample writer).');
    expect(server.calls('POST', '/api/v1/books/generate')[0].body).toMatchObject({ provider: 'gemini', model: 'gemini-2.5-pro' });
  });

  it('offers the writers of the server\'s catalogue that this server can reach, saying whose key pays', async () => {
    server.on('POST', '/api/v1/books/generate', () => jobStatus('QUEUED'));
    const user = userEvent.setup();
    renderApp('/books/new', server.api());

    const writerSelect = await screen.findByLabelText('Writer');
    await within(writerSelect).findByRole('option', { name: 'Anthropic Claude (your key ending 9xQ2)' });
    expect(within(writerSelect).getAllByRole('option').map((o) => (o as HTMLOptionElement).value)).toEqual([
      'sample',
      'anthropic',
      'openai',
      'gemini',
      'openai-compatible',
    ]);
    expect(writerSelect).toHaveAccessibleDescription('The sample writer works offline, costs nothing and marks its text as sample text.');

    await user.selectOptions(writerSelect, 'openai');
    expect(writerSelect).toHaveAccessibleDescription("Uses this server's OpenAI key. To use your own, add it in Settings.");
    await user.selectOptions(writerSelect, 'anthropic');
    expect(writerSelect).toHaveAccessibleDescription('Uses your Anthropic Claude key; the cost is billed to your account with them.');
    await user.selectOptions(writerSelect, 'openai-compatible');
    expect(screen.getByLabelText('Model')).toHaveAccessibleDescription('Name the model OpenAI-compatible server should use.');

    await user.type(screen.getByLabelText('Working title'), 'Storm Letters');
    await user.type(screen.getByLabelText('Your idea'), 'A keeper finds letters in the lamp room from a future storm.');
    await user.type(screen.getByLabelText('Model'), 'qwen3-32b');
    await user.click(screen.getByRole('button', { name: 'Start writing' }));

    await waitFor(() => expect(server.calls('POST', '/api/v1/books/generate')).toHaveLength(1));
    expect(server.calls('POST', '/api/v1/books/generate')[0].body).toMatchObject({ provider: 'openai-compatible', model: 'qwen3-32b' });
  });

  it('writes with the sample writer when the list of writers cannot be loaded', async () => {
    catalogue = problem(503, 'unavailable', 'Try again later.');
    server.on('POST', '/api/v1/books/generate', () => jobStatus('QUEUED'));
    const user = userEvent.setup();
    renderApp('/books/new', server.api());

    expect(await screen.findByText(/The list of writers could not be loaded/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Writer')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Working title'), 'Storm Letters');
    await user.type(screen.getByLabelText('Your idea'), 'A keeper finds letters in the lamp room from a future storm.');
    await user.click(screen.getByRole('button', { name: 'Start writing' }));

    await waitFor(() => expect(server.calls('POST', '/api/v1/books/generate')).toHaveLength(1));
    expect(server.calls('POST', '/api/v1/books/generate')[0].body).toMatchObject({ provider: 'sample' });
    expect(server.calls('POST', '/api/v1/books/generate')[0].body).not.toHaveProperty('model');
  });

  it('keeps the idea and says so when book writing is not on this server yet', async () => {
    const user = userEvent.setup();
    renderApp('/books/new', server.api());

    await user.type(await screen.findByLabelText('Working title'), 'The Lighthouse Keeper');
    await user.type(screen.getByLabelText('Your idea'), 'A keeper finds letters in the lamp room from a future storm.');
    await user.selectOptions(screen.getByLabelText('Format'), 'Stage play');
    await user.click(screen.getByRole('button', { name: 'Start writing' }));

    expect(await screen.findByRole('alert')).toHaveTextContent("Writing books isn't switched on on this server yet.");
    expect(screen.getByLabelText('Your idea')).toHaveValue('A keeper finds letters in the lamp room from a future storm.');
    expect(server.calls('POST', '/api/v1/books/generate')[0].body).toEqual({
      title: 'The Lighthouse Keeper',
      braindump: 'A keeper finds letters in the lamp room from a future storm.',
      format: 'STAGE_PLAY',
      targetWords: 40_000,
      provider: 'sample',
      approveOutline: true,
    });
  });

  it('asks for a title, more than a few words and a possible length before starting', async () => {
    const user = userEvent.setup();
    renderApp('/books/new', server.api());

    await user.type(await screen.findByLabelText('Your idea'), 'A boat.');
    await user.selectOptions(screen.getByLabelText('Length'), 'CUSTOM');
    await user.clear(screen.getByLabelText('Words'));
    await user.type(screen.getByLabelText('Words'), '500');
    await user.click(screen.getByRole('button', { name: 'Start writing' }));

    expect(screen.getByLabelText('Working title')).toHaveAccessibleDescription('Give your book a working title; you can change it later.');
    expect(screen.getByLabelText('Working title')).toHaveFocus();
    expect(screen.getByText('Tell us a little more: at least a sentence or two about the story.')).toBeInTheDocument();
    expect(screen.getByLabelText('Words')).toHaveAccessibleDescription('Allow at least 250 words per chapter.');
    expect(server.calls('POST', '/api/v1/books/generate')).toHaveLength(0);
  });
});

