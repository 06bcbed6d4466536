import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CodexEntry } from '../../api/codex';
import { problem, TestServer } from '../../test/server';
import { CodexPanel } from './CodexPanel';

const CODEX = '/api/v1/books/b1/codex';

function entries(): CodexEntry[] {
  return [
    {
      id: 'e1',
      kind: 'CHARACTER',
      name: 'Mara Vell',
      aliases: ['the Widow'],
      description: 'A smuggler of salt.',
      pinned: 'AUTO',
      source: 'EXTRACTED',
      facts: [
        { id: 'f1', text: 'goal: cross the marsh', attribute: 'goal', fromScene: 0, source: 'EXTRACTED', edited: false },
        { id: 'f2', text: 'location: the inn', attribute: 'location', fromScene: 2, source: 'EXTRACTED', edited: false },
      ],
    },
    { id: 'e2', kind: 'LORE', name: 'The Brine Oath', aliases: [], description: '', pinned: 'ALWAYS', source: 'AUTHOR', facts: [] },
  ];
}

describe('The codex panel', () => {
  let server: TestServer;
  let codex: CodexEntry[];

  beforeEach(async () => {
    server = await new TestServer().start();
    codex = entries();
    server.on('GET', CODEX, () => ({ status: 200, body: { entries: codex } }));
    server.on('GET', '/api/v1/books/b1/instructions', () => ({ status: 200, body: { text: '' } }));
  });

  afterEach(() => server.stop());

  const show = () =>
    render(<CodexPanel client={server.api().client} bookId="b1" sceneLabel={(i) => (i === 0 ? 'the plan' : `chapter 1, scene ${i}`)} />);

  it('lists entries by kind with their aliases, facts and the scene each holds from, and searches names, aliases and facts', async () => {
    const user = userEvent.setup();
    show();

    const characters = await screen.findByRole('region', { name: 'Characters' });
    expect(within(characters).getByRole('heading', { name: 'Mara Vell' })).toBeInTheDocument();
    expect(within(characters).getByText('also the Widow')).toBeInTheDocument();
    const facts = within(characters).getByRole('list', { name: 'Facts about Mara Vell' });
    expect(within(facts).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringContaining('goal: cross the marsh from the plan'),
      expect.stringContaining('location: the inn from chapter 1, scene 2'),
    ]);
    expect(screen.getByRole('region', { name: 'Lore' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'In prompts: The Brine Oath' })).toHaveValue('ALWAYS');

    await user.type(screen.getByRole('searchbox', { name: 'Search the codex' }), 'widow');
    expect(screen.getByRole('heading', { name: 'Mara Vell' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Lore' })).not.toBeInTheDocument();
    await user.clear(screen.getByRole('searchbox', { name: 'Search the codex' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search the codex' }), 'dragon');
    expect(screen.getByText('Nothing in the codex matches “dragon”.')).toBeInTheDocument();
  });

  it('saves the book’s standing instructions, as the server keeps them, and shows a refusal in words', async () => {
    server.on('PUT', '/api/v1/books/b1/instructions', (r) => {
      const text = (r.body as { text: string }).text;
      return text.includes('forbidden')
        ? problem(400, 'instructions-too-long', 'Instructions are at most 1000 characters; these are 1200.')
        : { status: 200, body: { text: text.trim() } };
    });
    const user = userEvent.setup();
    show();

    const box = await screen.findByRole('textbox', { name: 'Standing instructions' });
    expect(screen.getByRole('button', { name: 'Save instructions' })).toBeDisabled();
    await user.type(box, '  Always British spelling.  ');
    await user.click(screen.getByRole('button', { name: 'Save instructions' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(server.calls('PUT', '/api/v1/books/b1/instructions')[0].body).toEqual({ text: '  Always British spelling.  ' });
    expect(box).toHaveValue('Always British spelling.');

    await user.type(box, ' forbidden');
    await user.click(screen.getByRole('button', { name: 'Save instructions' }));
    expect(await screen.findByText(/at most 1000 characters/)).toBeInTheDocument();
    expect(box).toHaveValue('Always British spelling. forbidden');
  });

  it('adds an entry with aliases and a pin, and shows a clashing name as the server words it', async () => {
    const user = userEvent.setup();
    let clash = true;
    server.on('POST', CODEX, (r) => {
      if (clash) {
        clash = false;
        return problem(409, 'duplicate-codex-name', "Another entry of this book's codex is already called 'the Widow'.");
      }
      const body = r.body as CodexEntry;
      codex = [...codex, { ...body, id: 'e3', source: 'AUTHOR', facts: [] }];
      return { status: 201, body: codex[2] };
    });
    show();
    await user.click(await screen.findByRole('button', { name: 'New entry' }));
    const form = screen.getByRole('form', { name: 'New entry' });
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Kind' }), 'PLACE');
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Saltmere');
    await user.type(within(form).getByRole('textbox', { name: 'Aliases (comma-separated)' }), 'the Mere, the Widow');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'In prompts' }), 'NEVER');
    await user.click(within(form).getByRole('button', { name: 'Add entry' }));

    expect(await screen.findByText("Another entry of this book's codex is already called 'the Widow'.")).toBeInTheDocument();
    const aliases = within(form).getByRole('textbox', { name: 'Aliases (comma-separated)' });
    await user.clear(aliases);
    await user.type(aliases, 'the Mere');
    await user.click(within(form).getByRole('button', { name: 'Add entry' }));

    const places = await screen.findByRole('region', { name: 'Places' });
    expect(within(places).getByRole('heading', { name: 'Saltmere' })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'New entry' })).not.toBeInTheDocument();
    expect(server.calls('POST', CODEX).map((c) => c.body)).toEqual([
      { kind: 'PLACE', name: 'Saltmere', aliases: ['the Mere', 'the Widow'], description: '', pinned: 'NEVER' },
      { kind: 'PLACE', name: 'Saltmere', aliases: ['the Mere'], description: '', pinned: 'NEVER' },
    ]);
  });

  it('edits and deletes facts, adds one from a scene, pins an entry never, edits its aliases and deletes it', async () => {
    const user = userEvent.setup();
    server.on('PATCH', `${CODEX}/e1/facts/f1`, (r) => {
      const body = r.body as { text: string; fromScene: number };
      codex[0].facts[0] = { ...codex[0].facts[0], ...body, edited: true };
      return { status: 200, body: codex[0].facts[0] };
    });
    server.on('DELETE', `${CODEX}/e1/facts/f2`, () => {
      codex[0].facts = codex[0].facts.filter((f) => f.id !== 'f2');
      return { status: 204 };
    });
    server.on('POST', `${CODEX}/e1/facts`, (r) => {
      const body = r.body as { text: string; fromScene: number };
      codex[0].facts.push({ id: 'f9', attribute: null, source: 'AUTHOR', edited: true, ...body });
      return { status: 201, body: codex[0].facts.at(-1) };
    });
    server.on('PATCH', `${CODEX}/e1`, (r) => {
      codex[0] = { ...codex[0], ...(r.body as Partial<CodexEntry>) };
      return { status: 200, body: codex[0] };
    });
    server.on('DELETE', `${CODEX}/e2`, () => {
      codex = codex.filter((e) => e.id !== 'e2');
      return { status: 204 };
    });
    show();

    await user.click(await screen.findByRole('button', { name: 'Edit fact “goal: cross the marsh”' }));
    const factForm = screen.getByRole('form', { name: 'Save fact' });
    const text = within(factForm).getByRole('textbox', { name: 'Fact' });
    await user.clear(text);
    await user.type(text, 'walks with a cane');
    const from = within(factForm).getByRole('spinbutton', { name: 'From scene' });
    await user.clear(from);
    await user.type(from, '3');
    await user.click(within(factForm).getByRole('button', { name: 'Save fact' }));
    const edited = await screen.findByRole('button', { name: 'Edit fact “walks with a cane”' });
    expect(edited.closest('li')).toHaveTextContent('walks with a cane from chapter 1, scene 3');
    expect(server.calls('PATCH', `${CODEX}/e1/facts/f1`)[0].body).toEqual({ text: 'walks with a cane', fromScene: 3 });

    await user.click(screen.getByRole('button', { name: 'Delete fact “location: the inn”' }));
    await waitFor(() => expect(screen.queryByText('location: the inn')).not.toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'Add a fact about Mara Vell' }));
    const added = screen.getByRole('form', { name: 'Add fact' });
    await user.type(within(added).getByRole('textbox', { name: 'Fact' }), 'lost her left hand');
    await user.clear(within(added).getByRole('spinbutton', { name: 'From scene' }));
    await user.type(within(added).getByRole('spinbutton', { name: 'From scene' }), '5');
    await user.click(within(added).getByRole('button', { name: 'Add fact' }));
    expect(await screen.findByRole('button', { name: 'Edit fact “lost her left hand”' })).toBeInTheDocument();
    expect(server.calls('POST', `${CODEX}/e1/facts`)[0].body).toEqual({ text: 'lost her left hand', fromScene: 5 });

    await user.selectOptions(screen.getByRole('combobox', { name: 'In prompts: Mara Vell' }), 'NEVER');
    await screen.findByRole('option', { name: 'Never include', selected: true });
    expect(server.calls('PATCH', `${CODEX}/e1`)[0].body).toEqual({ pinned: 'NEVER' });

    await user.click(screen.getByRole('button', { name: 'Edit Mara Vell' }));
    const entryForm = screen.getByRole('form', { name: 'Edit Mara Vell' });
    const aliases = within(entryForm).getByRole('textbox', { name: 'Aliases (comma-separated)' });
    expect(aliases).toHaveValue('the Widow');
    await user.type(aliases, ', Widow Vell');
    await user.click(within(entryForm).getByRole('button', { name: 'Save entry' }));
    expect(await screen.findByText('also the Widow, Widow Vell')).toBeInTheDocument();
    expect(server.calls('PATCH', `${CODEX}/e1`)[1].body).toEqual({
      kind: 'CHARACTER',
      name: 'Mara Vell',
      aliases: ['the Widow', 'Widow Vell'],
      description: 'A smuggler of salt.',
    });

    await user.click(screen.getByRole('button', { name: 'Delete The Brine Oath' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Lore' })).not.toBeInTheDocument());
    expect(server.calls('DELETE', `${CODEX}/e2`)).toHaveLength(1);
  });
});
