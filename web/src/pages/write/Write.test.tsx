import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PlateEditor } from 'platejs/react';
import { ELEMENT_TO_NODE } from 'slate-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REFRESH_TOKEN_KEY } from '../../api/client';
import type { BookOutline, Scene } from '../../api/editing';
import { problem, renderApp, signedIn, TestServer, writer, type Recorded } from '../../test/server';

const BOOK = '/api/v1/books/b1';
const SCENE = `${BOOK}/chapters/c1/scenes/s1`;

function outline(): BookOutline {
  return {
    id: 'b1',
    title: 'The Lighthouse Keeper',
    words: 7,
    metadata: { provider: 'sample' },
    chapters: [
      {
        id: 'c1',
        number: 1,
        title: 'The Lamp',
        status: 'DRAFT',
        scenes: [
          { id: 's1', number: 1, title: 'Dusk', wordCount: 4, status: 'DRAFT', version: 2 },
          { id: 's2', number: 2, title: 'Night', wordCount: 3, status: 'DRAFT', version: 1 },
        ],
      },
      { id: 'c2', number: 2, title: 'The Storm', status: 'DRAFT', scenes: [] },
    ],
  };
}

const scene = (content: string, version: number, wordCount = 4): Scene => ({
  id: 's1',
  chapterId: 'c1',
  number: 1,
  title: 'Dusk',
  content,
  wordCount,
  status: 'DRAFT',
  version,
});

/** The editor behind the text box (jsdom has no real typing into contenteditable; Slate's API is what keys drive). */
function editorOf(textbox: HTMLElement): PlateEditor {
  return ELEMENT_TO_NODE.get(textbox) as unknown as PlateEditor;
}

/** Types at the end of the scene, the way a keystroke reaches the editor. */
function typeAtEnd(textbox: HTMLElement, text: string) {
  const editor = editorOf(textbox);
  act(() => {
    editor.tf.select(editor.api.end([]));
    editor.tf.insertText(text);
  });
}

/** Selects the first occurrence of `text` in the scene. */
function select(textbox: HTMLElement, text: string) {
  const editor = editorOf(textbox);
  for (const [node, path] of editor.api.nodes({ at: [], match: (n) => typeof (n as { text?: unknown }).text === 'string' })) {
    const offset = (node as { text: string }).text.indexOf(text);
    if (offset >= 0) {
      act(() => editor.tf.select({ anchor: { path, offset }, focus: { path, offset: offset + text.length } }));
      return;
    }
  }
  throw new Error(`"${text}" is not in the scene`);
}

describe('Writing a scene', () => {
  let server: TestServer;
  let saved: Scene;

  beforeEach(async () => {
    server = await new TestServer().start();
    localStorage.setItem(REFRESH_TOKEN_KEY, 'r1');
    server.on('POST', '/api/v1/auth/refresh', () => signedIn('a2', 'r2'));
    server.on('GET', '/api/v1/users/me', () => ({ status: 200, body: writer }));
    server.on('GET', BOOK, () => ({ status: 200, body: outline() }));
    saved = scene('<p>The lamp <em>burned</em> low.</p>', 2);
    server.on('GET', SCENE, () => ({ status: 200, body: saved }));
  });

  afterEach(() => server.stop());

  /** The server's scene PATCH: applies a save based on the current version, else 409 like content does. */
  function acceptSaves() {
    server.on('PATCH', SCENE, (r: Recorded) => {
      const body = r.body as { content: string; baseVersion?: number };
      if (body.baseVersion !== undefined && body.baseVersion !== saved.version) {
        return { ...problem(409, 'edit-conflict', 'Someone saved a newer version.'), body: { ...problem(409, 'edit-conflict', 'x').body as object, currentVersion: saved.version } };
      }
      saved = scene(body.content, saved.version + 1, 6);
      return { status: 200, body: saved };
    });
  }

  /** The first scene, open in the editor at the version the server had (version 2). */
  async function openScene() {
    renderApp('/books/b1/write', server.api());
    const text = await screen.findByRole('textbox', { name: 'Text of Dusk' });
    await screen.findByText(/version 2$/);
    return text;
  }

  it('opens the codex beside the scene, its facts placed by chapter and scene', async () => {
    server.on('GET', `${BOOK}/instructions`, () => ({ status: 200, body: { text: 'First person only.' } }));
    server.on('GET', `${BOOK}/codex`, () => ({
      status: 200,
      body: {
        entries: [
          {
            id: 'e1',
            kind: 'PLACE',
            name: 'The Lamp Room',
            aliases: [],
            description: '',
            pinned: 'ALWAYS',
            source: 'AUTHOR',
            facts: [{ id: 'f1', text: 'the glass is cracked', attribute: null, fromScene: 2, source: 'AUTHOR', edited: true }],
          },
        ],
      },
    }));
    const user = userEvent.setup();
    await openScene();
    const toggle = screen.getByRole('button', { name: 'Codex' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    const codex = await screen.findByRole('region', { name: 'Codex' });
    const fact = (await within(codex).findByText('the glass is cracked')).closest('li')!;
    expect(fact).toHaveTextContent('from scene 2 (chapter 1, scene 2)');
    expect(screen.getByRole('textbox', { name: 'Text of Dusk' })).toBeInTheDocument();
    await user.click(within(codex).getByRole('button', { name: 'Close codex' }));
    expect(screen.queryByRole('region', { name: 'Codex' })).not.toBeInTheDocument();
  });

  it('opens the first scene with its chapters and scenes, marked as sample text', async () => {
    const text = await openScene();
    expect(text).toHaveTextContent('The lamp burned low.');
    expect(within(text).getByText('burned').closest('em')).not.toBeNull();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('The Lighthouse Keeper');
    expect(screen.getByText('Sample text')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Chapters and scenes' });
    expect(within(nav).getByRole('link', { name: /Dusk/ })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: /Night/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Bold' })).toHaveAttribute('title', 'Bold (Ctrl+B)');
  });

  it('autosaves the text as HTML based on the version it was loaded at', async () => {
    acceptSaves();
    const text = await openScene();
    typeAtEnd(text, ' A gull cried.');
    expect(await screen.findByText('Unsaved changes')).toBeInTheDocument();

    expect(await screen.findByText('Saved')).toBeInTheDocument();
    const saves = server.calls('PATCH', SCENE);
    expect(saves).toHaveLength(1);
    expect(saves[0].body).toEqual({ content: '<p>The lamp <em>burned</em> low. A gull cried.</p>', baseVersion: 2 });
    expect(screen.getByText('6 words · version 3')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Dusk · 6 words/ })).toBeInTheDocument();

    typeAtEnd(text, ' Then another.');
    await waitFor(() => expect(server.calls('PATCH', SCENE)).toHaveLength(2));
    expect(server.calls('PATCH', SCENE)[1].body).toMatchObject({ baseVersion: 3 });
  });

  it('formats from the toolbar', async () => {
    acceptSaves();
    const text = await openScene();
    select(text, 'lamp');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Bold' }));
    await waitFor(() => expect(server.calls('PATCH', SCENE)).toHaveLength(1));
    expect(server.calls('PATCH', SCENE)[0].body).toMatchObject({ content: '<p>The <strong>lamp</strong> <em>burned</em> low.</p>' });
    expect(await screen.findByText('Saved')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('is one Tab stop per toolbar, with the arrow keys moving along it', async () => {
    await openScene();
    const user = userEvent.setup();
    screen.getByRole('button', { name: 'Bold' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('button', { name: 'Italic' })).toHaveFocus();
    await user.keyboard('{End}');
    expect(screen.getByRole('button', { name: 'Link' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('button', { name: 'Bold' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Continue' })).toHaveFocus();
  });

  it('keeps the writer’s text on an edit conflict and overwrites only when asked', async () => {
    acceptSaves();
    const text = await openScene();
    saved = scene('<p>Written in another tab.</p>', 4); // someone saved versions 3 and 4 meanwhile
    typeAtEnd(text, ' Mine.');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Someone saved this scene (version 4) somewhere else');
    expect(screen.getByText('Not saved: this scene was changed somewhere else.')).toBeInTheDocument();
    expect(text).toHaveTextContent('The lamp burned low. Mine.');

    await userEvent.setup().click(within(alert).getByRole('button', { name: /Keep my text/ }));
    expect(await screen.findByText('Saved')).toBeInTheDocument();
    const saves = server.calls('PATCH', SCENE);
    expect(saves.map((s) => (s.body as { baseVersion: number }).baseVersion)).toEqual([2, 4]);
    expect(saves[1].body).toMatchObject({ content: '<p>The lamp <em>burned</em> low. Mine.</p>' });
  });

  it('loads the newer version on a conflict and keeps the writer’s text to copy from', async () => {
    acceptSaves();
    const text = await openScene();
    saved = scene('<p>Written in another tab.</p>', 4);
    typeAtEnd(text, ' Mine.');

    const alert = await screen.findByRole('alert');
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Load the newer version' }));

    await waitFor(() => expect(text).toHaveTextContent('Written in another tab.'));
    expect(screen.getByLabelText('Your text from before')).toHaveValue('The lamp burned low. Mine.');
    expect(screen.getByText('Saved')).toBeInTheDocument();
    expect(screen.getByText(/version 4/)).toBeInTheDocument();
    expect(server.calls('PATCH', SCENE)).toHaveLength(1);
  });

  it('says why a save failed in words, and keeps the text', async () => {
    server.on('PATCH', SCENE, () => ({ status: 500, body: { status: 500, code: 'internal-error', title: 'Internal Server Error' } }));
    const text = await openScene();
    typeAtEnd(text, ' Lost?');
    expect(await screen.findByText(/^Not saved: Something went wrong on our side/)).toBeInTheDocument();
    expect(text).toHaveTextContent('The lamp burned low. Lost?');
    expect(screen.getByRole('button', { name: 'Try saving again' })).toBeInTheDocument();
  });

  it('finds across the book after saving the open scene, replaces the previewed scenes and shows the new text', async () => {
    acceptSaves();
    server.on('POST', `${BOOK}/find`, () => ({
      status: 200,
      body: {
        total: 2,
        scenes: [
          {
            chapterId: 'c1', chapterNumber: 1, chapterTitle: 'The Lamp', sceneId: 's1', sceneNumber: 1, sceneTitle: 'Dusk',
            version: saved.version, count: 2,
            samples: [{ before: 'The ', text: 'lamp', after: ' burned low.' }, { before: 'low. The ', text: 'lamp', after: ' hissed.' }],
          },
        ],
      },
    }));
    server.on('POST', `${BOOK}/replace`, () => {
      saved = scene(saved.content.replaceAll('lamp', 'lantern'), saved.version + 1, 6);
      return { status: 200, body: { replaced: 2, scenesChanged: 1, changedSincePreview: [] } };
    });
    const user = userEvent.setup();
    const text = await openScene();
    typeAtEnd(text, ' The lamp hissed.');

    await user.click(screen.getByRole('button', { name: 'Find and replace' }));
    const panel = screen.getByRole('region', { name: 'Find and replace' });
    await user.type(within(panel).getByLabelText('Find'), 'lamp');
    await user.type(within(panel).getByLabelText('Replace with'), 'lantern');
    await user.click(within(panel).getByLabelText('Whole word'));
    await user.click(within(panel).getByRole('button', { name: 'Find' }));

    expect(await within(panel).findByText('2 matches in 1 scene.')).toBeInTheDocument();
    expect(server.calls('PATCH', SCENE)).toHaveLength(1);
    expect(server.calls('POST', `${BOOK}/find`)[0].body).toEqual({ find: 'lamp', matchCase: false, wholeWord: true, regex: false });
    const matches = within(panel).getByRole('list', { name: 'Matches' });
    expect(within(matches).getByRole('link', { name: 'Chapter 1, Dusk' })).toHaveAttribute('href', '/books/b1/write/s1');
    expect(within(matches).getAllByText('lamp', { selector: 'mark' })).toHaveLength(2);

    await user.click(within(panel).getByRole('button', { name: 'Replace all 2' }));
    expect(await within(panel).findByText(/Replaced 2 matches in 1 scene\./)).toBeInTheDocument();
    expect(server.calls('POST', `${BOOK}/replace`)[0].body).toEqual({
      find: 'lamp', matchCase: false, wholeWord: true, regex: false, replace: 'lantern', versions: { s1: 3 },
    });
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Text of Dusk' })).toHaveTextContent('The lantern burned low. The lantern hissed.'));
  });

  it('shows only the scene in focus mode, remembers it, and leaves it with Escape', async () => {
    const user = userEvent.setup();
    await openScene();
    const focus = screen.getByRole('button', { name: 'Focus' });
    expect(focus).toHaveAttribute('aria-pressed', 'false');

    await user.click(focus);
    expect(focus).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryByRole('navigation', { name: 'Chapters and scenes' })).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Text of Dusk' })).toBeInTheDocument();
    expect(localStorage.getItem('authorworks.write.focus')).toBe('on');

    await user.keyboard('{Escape}');
    expect(focus).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('navigation', { name: 'Chapters and scenes' })).toBeInTheDocument();
    expect(localStorage.getItem('authorworks.write.focus')).toBe('off');
  });
});

describe('History', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await new TestServer().start();
    localStorage.setItem(REFRESH_TOKEN_KEY, 'r1');
    server.on('POST', '/api/v1/auth/refresh', () => signedIn('a2', 'r2'));
    server.on('GET', '/api/v1/users/me', () => ({ status: 200, body: writer }));
    server.on('GET', BOOK, () => ({ status: 200, body: outline() }));
    server.on('GET', SCENE, () => ({ status: 200, body: scene('<p>Second draft.</p>', 2, 2) }));
    server.on('GET', `${SCENE}/versions`, () => ({
      status: 200,
      body: [
        { number: 2, wordCount: 2, author: writer.id, origin: 'edit', createdAt: '2026-11-22T10:05:00Z' },
        { number: 1, wordCount: 3, author: null, origin: 'generated', createdAt: '2026-11-22T09:00:00Z' },
      ],
    }));
    server.on('GET', `${SCENE}/versions/diff?from=1&to=2`, () => ({
      status: 200,
      body: { from: 1, to: 2, changes: [{ type: 'change', fromPosition: 0, fromLines: ['First draft here.'], toPosition: 0, toLines: ['Second draft.'] }] },
    }));
    server.on('POST', `${SCENE}/versions/1/restore`, () => ({ status: 201, body: scene('<p>First draft here.</p>', 3, 3) }));
  });

  afterEach(() => server.stop());

  it('lists versions, compares one with the current text and restores it', async () => {
    renderApp('/books/b1/write/s1', server.api());
    const text = await screen.findByRole('textbox', { name: 'Text of Dusk' });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'History' }));

    const history = await screen.findByRole('region', { name: 'Version history' });
    const versions = await within(history).findAllByRole('listitem');
    expect(versions[0]).toHaveTextContent('Version 2 (current)');
    expect(versions[0]).toHaveTextContent('your edit');
    expect(versions[1]).toHaveTextContent('Version 1');
    expect(versions[1]).toHaveTextContent('written by the generator');
    expect(versions[1]).toHaveTextContent('3 words');

    await user.click(within(history).getByRole('button', { name: 'Compare version 1 with current' }));
    expect(await within(history).findByRole('heading', { name: /Version 1 compared with the current text \(version 2\)/ })).toBeInTheDocument();
    expect(history.querySelector('del')).toHaveTextContent('Only in version 1: First draft here.');
    expect(history.querySelector('ins')).toHaveTextContent('Only in the current text: Second draft.');

    await user.click(within(history).getByRole('button', { name: 'Restore version 1…' }));
    await user.click(within(history).getByRole('button', { name: 'Restore version 1' }));
    await waitFor(() => expect(text).toHaveTextContent('First draft here.'));
    expect(server.calls('POST', `${SCENE}/versions/1/restore`)).toHaveLength(1);
    expect(screen.getByText('3 words · version 3')).toBeInTheDocument();
    expect(screen.getByText('Saved')).toBeInTheDocument();
    expect(server.calls('PATCH', SCENE)).toHaveLength(0); // a restore is not saved again
  });
});

describe('AI assist', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await new TestServer().start();
    localStorage.setItem(REFRESH_TOKEN_KEY, 'r1');
    server.on('POST', '/api/v1/auth/refresh', () => signedIn('a2', 'r2'));
    server.on('GET', '/api/v1/users/me', () => ({ status: 200, body: writer }));
    server.on('GET', BOOK, () => ({ status: 200, body: outline() }));
    server.on('GET', SCENE, () => ({ status: 200, body: scene('<p>The old lamp burned very low that night.</p><p>Then dawn.</p>', 2, 9) }));
    server.on('PATCH', SCENE, (r) => ({ status: 200, body: scene((r.body as { content: string }).content, 3, 7) }));
  });

  afterEach(() => server.stop());

  function streamSuggestion(...texts: string[]) {
    server.on('POST', `${SCENE}/assist`, () => ({
      status: 200,
      events: [
        ...texts.map((text) => ({ event: 'delta', data: { text } })),
        {
          event: 'done',
          data: { text: texts.join(''), sample: true, provider: 'sample', model: 'sample', inputTokens: 20, outputTokens: 5, costUsd: 0 },
        },
      ],
    }));
  }

  it('shows a shortened selection as a sample suggestion and replaces the selection when accepted', async () => {
    streamSuggestion('The lamp ', 'burned low.');
    renderApp('/books/b1/write/s1', server.api());
    const text = await screen.findByRole('textbox', { name: 'Text of Dusk' });
    select(text, 'The old lamp burned very low that night.');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Shorten' }));

    const panel = await screen.findByRole('region', { name: /Suggestion: Shorten/ });
    expect(await within(panel).findByText('The lamp burned low.')).toBeInTheDocument();
    expect(within(panel).getByText('Sample text')).toBeInTheDocument();
    expect(server.calls('POST', `${SCENE}/assist`)[0].body).toEqual({ action: 'shorten', selection: 'The old lamp burned very low that night.' });
    expect(server.calls('PATCH', SCENE)).toHaveLength(0);

    await user.click(within(panel).getByRole('button', { name: 'Accept: replace the selection' }));
    expect(text).toHaveTextContent('The lamp burned low.Then dawn.');
    expect(screen.queryByRole('region', { name: /Suggestion/ })).toBeNull();
    await waitFor(() => expect(server.calls('PATCH', SCENE)).toHaveLength(1));
    expect(server.calls('PATCH', SCENE)[0].body).toEqual({ content: '<p>The lamp burned low.</p><p>Then dawn.</p>', baseVersion: 2 });
  });

  it('replaces a paragraph selected by a triple click without joining it to the next one', async () => {
    streamSuggestion('[Sample] The lamp burned.');
    renderApp('/books/b1/write/s1', server.api());
    const text = await screen.findByRole('textbox', { name: 'Text of Dusk' });
    const editor = editorOf(text);
    // what a triple click selects: the whole paragraph, up to the start of the next one
    act(() => editor.tf.select({ anchor: { path: [0, 0], offset: 0 }, focus: { path: [1, 0], offset: 0 } }));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Shorten' }));
    const panel = await screen.findByRole('region', { name: /Suggestion: Shorten/ });
    await within(panel).findByText('[Sample] The lamp burned.');
    expect(server.calls('POST', `${SCENE}/assist`)[0].body).toEqual({ action: 'shorten', selection: 'The old lamp burned very low that night.' });

    await user.click(within(panel).getByRole('button', { name: 'Accept: replace the selection' }));
    await waitFor(() => expect(server.calls('PATCH', SCENE)).toHaveLength(1));
    expect(server.calls('PATCH', SCENE)[0].body).toMatchObject({ content: '<p>[Sample] The lamp burned.</p><p>Then dawn.</p>' });
  });

  it('leaves the text untouched when the suggestion is rejected', async () => {
    streamSuggestion('Shorter.');
    renderApp('/books/b1/write/s1', server.api());
    const text = await screen.findByRole('textbox', { name: 'Text of Dusk' });
    select(text, 'Then dawn.');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Rewrite' }));
    const panel = await screen.findByRole('region', { name: /Suggestion: Rewrite/ });
    await within(panel).findByText('Shorter.');

    await user.click(within(panel).getByRole('button', { name: 'Reject' }));
    expect(screen.queryByRole('region', { name: /Suggestion/ })).toBeNull();
    expect(text).toHaveTextContent('The old lamp burned very low that night.Then dawn.');
    await new Promise((r) => setTimeout(r, 1500)); // longer than the autosave delay
    expect(server.calls('PATCH', SCENE)).toHaveLength(0);
  });

  it('continues at the end of the scene after saving what is there', async () => {
    streamSuggestion('The keeper slept.\n\n', 'The sea did not.');
    renderApp('/books/b1/write/s1', server.api());
    const text = await screen.findByRole('textbox', { name: 'Text of Dusk' });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const panel = await screen.findByRole('region', { name: /Suggestion: Continue/ });
    await within(panel).findByText('The sea did not.');
    expect(server.calls('POST', `${SCENE}/assist`)[0].body).toEqual({ action: 'continue' });

    await user.click(within(panel).getByRole('button', { name: 'Accept: add to the end' }));
    expect(text).toHaveTextContent('Then dawn.The keeper slept.The sea did not.');
    await waitFor(() => expect(server.calls('PATCH', SCENE)).toHaveLength(1));
    expect(server.calls('PATCH', SCENE)[0].body).toMatchObject({
      content: '<p>The old lamp burned very low that night.</p><p>Then dawn.</p><p>The keeper slept.</p><p>The sea did not.</p>',
    });
  });

  it('asks for a selection first, and shows a failed suggestion in words', async () => {
    server.on('POST', `${SCENE}/assist`, () => ({
      status: 200,
      events: [
        { event: 'delta', data: { text: 'Half a' } },
        { event: 'error', data: { status: 503, code: 'model-unavailable', detail: 'The model is not answering right now. Try again in a minute.' } },
      ],
    }));
    renderApp('/books/b1/write/s1', server.api());
    const text = await screen.findByRole('textbox', { name: 'Text of Dusk' });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Expand' }));
    expect(await screen.findByText('Select the text you want to expand first, then choose “Expand”.')).toBeInTheDocument();
    expect(server.calls('POST', `${SCENE}/assist`)).toHaveLength(0);

    select(text, 'Then dawn.');
    await user.click(screen.getByRole('button', { name: 'Expand' }));
    const panel = await screen.findByRole('region', { name: /Suggestion: Expand/ });
    expect(await within(panel).findByRole('alert')).toHaveTextContent('The model is not answering right now. Try again in a minute.');
    expect(within(panel).getByRole('button', { name: 'Accept: replace the selection' })).toBeDisabled();
  });
});

describe('Chapters and scenes', () => {
  let server: TestServer;
  let book: BookOutline;

  beforeEach(async () => {
    server = await new TestServer().start();
    localStorage.setItem(REFRESH_TOKEN_KEY, 'r1');
    server.on('POST', '/api/v1/auth/refresh', () => signedIn('a2', 'r2'));
    server.on('GET', '/api/v1/users/me', () => ({ status: 200, body: writer }));
    book = outline();
    server.on('GET', BOOK, () => ({ status: 200, body: book }));
    server.on('GET', SCENE, () => ({ status: 200, body: scene('<p>Dusk text.</p>', 2, 2) }));
  });

  afterEach(() => server.stop());

  it('moves a scene down with the keyboard and keeps the focus on the button', async () => {
    server.on('PUT', `${BOOK}/chapters/c1/scenes/order`, (r) => {
      const ids = (r.body as { ids: string[] }).ids;
      book.chapters[0].scenes = ids.map((id) => book.chapters[0].scenes.find((s) => s.id === id)!);
      return { status: 200, body: book.chapters[0].scenes };
    });
    renderApp('/books/b1/write/s1', server.api());
    await screen.findByRole('textbox', { name: 'Text of Dusk' });
    const user = userEvent.setup();
    screen.getByRole('button', { name: 'Move scene “Dusk” down' }).focus();
    await user.keyboard('{Enter}');

    expect(await screen.findByText('Moved “Dusk” down: now 2 of 2.')).toBeInTheDocument();
    expect(server.calls('PUT', `${BOOK}/chapters/c1/scenes/order`)[0].body).toEqual({ ids: ['s2', 's1'] });
    const links = within(screen.getByRole('navigation', { name: 'Chapters and scenes' })).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual(['Night · 3 words', 'Dusk · 4 words']);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Move scene “Dusk” up' })).toHaveFocus());
  });

  it('adds a scene and opens it', async () => {
    server.on('POST', `${BOOK}/chapters/c2/scenes`, (r) => {
      const created = { ...scene('', 1, 0), id: 's3', chapterId: 'c2', title: (r.body as { title: string }).title };
      book.chapters[1].scenes.push({ id: 's3', number: 1, title: created.title, wordCount: 0, status: 'DRAFT', version: 1 });
      return { status: 201, body: created };
    });
    server.on('GET', `${BOOK}/chapters/c2/scenes/s3`, () => ({ status: 200, body: { ...scene('', 1, 0), id: 's3', chapterId: 'c2', title: 'Landfall' } }));
    renderApp('/books/b1/write/s1', server.api());
    await screen.findByRole('textbox', { name: 'Text of Dusk' });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add a scene to “The Storm”' }));
    const title = screen.getByLabelText('New scene title');
    expect(title).toHaveValue('Scene 1');
    await user.clear(title);
    await user.type(title, 'Landfall{Enter}');

    expect(await screen.findByRole('textbox', { name: 'Text of Landfall' })).toBeInTheDocument();
    expect(server.calls('POST', `${BOOK}/chapters/c2/scenes`)[0].body).toEqual({ title: 'Landfall', content: '' });
    expect(screen.getByRole('link', { name: /Landfall/ })).toHaveAttribute('aria-current', 'page');
  });

  it('renames a chapter and deletes one only after confirming', async () => {
    server.on('PATCH', `${BOOK}/chapters/c2`, (r) => {
      book.chapters[1].title = (r.body as { title: string }).title;
      return { status: 200, body: book.chapters[1] };
    });
    server.on('DELETE', `${BOOK}/chapters/c2`, () => {
      book.chapters.pop();
      return { status: 204 };
    });
    renderApp('/books/b1/write/s1', server.api());
    await screen.findByRole('textbox', { name: 'Text of Dusk' });
    const user = userEvent.setup();

    await user.click(screen.getByLabelText('More for chapter “The Storm”'));
    await user.click(screen.getByRole('button', { name: 'Rename chapter “The Storm”' }));
    const title = screen.getByLabelText('Chapter title');
    await user.clear(title);
    await user.type(title, 'The Gale{Enter}');
    expect(await screen.findByRole('heading', { name: 'The Gale' })).toBeInTheDocument();
    expect(server.calls('PATCH', `${BOOK}/chapters/c2`)[0].body).toEqual({ title: 'The Gale' });

    await user.click(screen.getByLabelText('More for chapter “The Gale”'));
    await user.click(screen.getByRole('button', { name: 'Delete chapter “The Gale”' }));
    expect(server.calls('DELETE', `${BOOK}/chapters/c2`)).toHaveLength(0);
    const confirm = screen.getByRole('group', { name: 'Delete “The Gale”?' });
    expect(confirm).toHaveTextContent('Delete the chapter “The Gale” and its 0 scenes, with their text and history? This cannot be undone.');
    await user.click(within(confirm).getByRole('button', { name: 'Delete chapter' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'The Gale' })).toBeNull());
    expect(server.calls('DELETE', `${BOOK}/chapters/c2`)).toHaveLength(1);
  });

  it('says so in words when the book is not the writer’s', async () => {
    server.on('GET', '/api/v1/books/other', () => problem(404, 'book-not-found', 'No book other.'));
    renderApp('/books/other/write', server.api());
    expect(await screen.findByRole('alert')).toHaveTextContent("We couldn't find that book. It may have been deleted.");
  });
});
