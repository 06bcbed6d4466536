import { createEvent, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../api';
import { editingApi, type BookOutline } from '../../api/editing';
import { TestServer } from '../../test/server';
import { dropOrder, Outline } from './Outline';

const BOOK = '/api/v1/books/b1';

function outline(): BookOutline {
  const scene = (id: string, number: number, title: string) => ({ id, number, title, wordCount: 10, status: 'DRAFT' as const, version: 1 });
  return {
    id: 'b1',
    title: 'The Lighthouse Keeper',
    words: 40,
    metadata: {},
    chapters: [
      { id: 'c1', number: 1, title: 'The Lamp', status: 'DRAFT', scenes: [scene('s1', 1, 'Dusk'), scene('s2', 2, 'Night'), scene('s3', 3, 'Dawn')] },
      { id: 'c2', number: 2, title: 'The Storm', status: 'DRAFT', scenes: [scene('s4', 1, 'Landfall')] },
    ],
  };
}

/** The outline as the writing screen holds it: reloaded from the server after every change. */
function Harness({ api, initial }: { api: Api; initial: BookOutline }) {
  const [book, setBook] = useState(initial);
  const [editing] = useState(() => editingApi(api.client));
  return <Outline editing={editing} book={book} currentSceneId="s1" reload={async () => setBook(await editing.outline('b1'))} />;
}

/** A drag event at a height within its target (jsdom has no layout: the target is 40 px tall at the top). */
function drag(kind: 'dragStart' | 'dragOver' | 'drop' | 'dragEnd', target: HTMLElement, y = 0) {
  const dataTransfer = { data: {} as Record<string, string>, effectAllowed: 'all', dropEffect: 'none', setData(t: string, v: string) { this.data[t] = v; } };
  target.getBoundingClientRect = () => ({ top: 0, height: 40, bottom: 40, left: 0, right: 200, width: 200, x: 0, y: 0, toJSON() {} });
  const event = createEvent[kind](target, { dataTransfer });
  Object.defineProperty(event, 'clientY', { value: y });
  fireEvent(target, event);
  return { event, dataTransfer };
}

/** The list item of the chapter heading or scene link with this title, and its row (what is dragged). */
const row = (title: string) => {
  const label = [...document.querySelectorAll('.outline a, .outline h3')].find((e) => e.textContent?.replace(/ ·.*/, '').trim() === title);
  if (!label) throw new Error(`no row “${title}”`);
  const item = label.closest('li')!;
  return { item, handle: item.querySelector<HTMLElement>(':scope > .part-row')! };
};
const sceneTitles = (chapter: string) =>
  within(screen.getByText(chapter, { selector: 'h3' }).closest('li')!)
    .getAllByRole('link')
    .map((l) => l.textContent?.replace(/ ·.*/, ''));

describe('dropOrder', () => {
  it('puts the dragged id before or after the target, and says when nothing changes', () => {
    expect(dropOrder(['a', 'b', 'c'], 'c', 'a', 'before')).toEqual(['c', 'a', 'b']);
    expect(dropOrder(['a', 'b', 'c'], 'a', 'c', 'after')).toEqual(['b', 'c', 'a']);
    expect(dropOrder(['a', 'b', 'c'], 'a', 'c', 'before')).toEqual(['b', 'a', 'c']);
    expect(dropOrder(['a', 'b', 'c'], 'a', 'b', 'before')).toBeNull();
    expect(dropOrder(['a', 'b', 'c'], 'b', 'b', 'after')).toBeNull();
    expect(dropOrder(['a', 'b'], 'x', 'a', 'before')).toBeNull();
  });
});

describe('Reordering the outline', () => {
  let server: TestServer;
  let book: BookOutline;
  let refuse: boolean;

  beforeEach(async () => {
    server = await new TestServer().start();
    book = outline();
    refuse = false;
    server.on('GET', BOOK, () => ({ status: 200, body: book }));
    server.on('PUT', `${BOOK}/chapters/order`, (r) => {
      const ids = (r.body as { ids: string[] }).ids;
      book.chapters = ids.map((id) => book.chapters.find((c) => c.id === id)!);
      return { status: 200, body: book.chapters };
    });
    server.on('PUT', `${BOOK}/chapters/c1/scenes/order`, (r) => {
      if (refuse) return { status: 409, body: { status: 409, code: 'invalid-order', title: 'Conflict', detail: 'Not the chapter’s scenes.' } };
      const ids = (r.body as { ids: string[] }).ids;
      book.chapters[0].scenes = ids.map((id) => book.chapters[0].scenes.find((s) => s.id === id)!);
      return { status: 200, body: book.chapters[0].scenes };
    });
  });

  afterEach(() => server.stop());

  const show = () =>
    render(
      <MemoryRouter>
        <Harness api={server.api()} initial={outline()} />
      </MemoryRouter>,
    );

  it('drops a dragged scene before another, saves the order and says where it went', async () => {
    show();
    const dawn = row('Dawn');
    const dusk = row('Dusk');
    expect(dawn.handle).toHaveAttribute('draggable', 'true');

    const start = drag('dragStart', dawn.handle);
    expect(start.dataTransfer.data['text/plain']).toBe('Dawn');
    expect(start.dataTransfer.effectAllowed).toBe('move');
    expect(dawn.item).toHaveClass('dragging');

    const over = drag('dragOver', dusk.item, 5);
    expect(over.event.defaultPrevented).toBe(true);
    expect(dusk.item).toHaveClass('drop-before');
    drag('drop', dusk.item, 5);

    expect(await screen.findByText('Moved “Dawn”: now 1 of 3.')).toBeInTheDocument();
    expect(server.calls('PUT', `${BOOK}/chapters/c1/scenes/order`)[0].body).toEqual({ ids: ['s3', 's1', 's2'] });
    await waitFor(() => expect(sceneTitles('The Lamp')).toEqual(['Dawn', 'Dusk', 'Night']));
    expect(document.querySelector('.dragging, .drop-before, .drop-after')).toBeNull();
  });

  it('drops after a row when released on its lower half', async () => {
    show();
    drag('dragStart', row('Dusk').handle);
    const night = row('Night').item;
    drag('dragOver', night, 35);
    expect(night).toHaveClass('drop-after');
    drag('drop', night, 35);

    await waitFor(() => expect(sceneTitles('The Lamp')).toEqual(['Night', 'Dusk', 'Dawn']));
    expect(server.calls('PUT', `${BOOK}/chapters/c1/scenes/order`)[0].body).toEqual({ ids: ['s2', 's1', 's3'] });
  });

  it('moves a chapter by dragging its heading onto another chapter', async () => {
    show();
    drag('dragStart', row('The Storm').handle);
    const lamp = row('The Lamp').item;
    // over one of the other chapter's scenes: the scene does not take a chapter, the chapter does
    const over = drag('dragOver', row('Night').item, 5);
    expect(over.event.defaultPrevented).toBe(true);
    drag('drop', lamp, 5);

    expect(await screen.findByText('Moved “The Storm”: now 1 of 2.')).toBeInTheDocument();
    expect(server.calls('PUT', `${BOOK}/chapters/order`)[0].body).toEqual({ ids: ['c2', 'c1'] });
    await waitFor(() =>
      expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['The Storm', 'The Lamp']),
    );
  });

  it('refuses a scene on another chapter’s scene, and sends nothing for a drop that changes nothing', async () => {
    show();
    drag('dragStart', row('Landfall').handle);
    const elsewhere = drag('dragOver', row('Dusk').item, 5);
    expect(elsewhere.event.defaultPrevented).toBe(false);
    drag('drop', row('Dusk').item, 5);
    drag('dragEnd', row('Landfall').handle);

    drag('dragStart', row('Dusk').handle);
    drag('dragOver', row('Night').item, 5);
    drag('drop', row('Night').item, 5);

    // the keyboard's way still works afterwards, and is the only request made
    await userEvent.setup().click(screen.getByRole('button', { name: 'Move scene “Night” up' }));
    expect(await screen.findByText('Moved “Night” up: now 1 of 3.')).toBeInTheDocument();
    expect(server.requests.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([{ ids: ['s2', 's1', 's3'] }]);
  });

  it('says in words when the server turns a dropped order down, and keeps the outline as it was', async () => {
    refuse = true;
    show();
    drag('dragStart', row('Night').handle);
    drag('dragOver', row('Dusk').item, 5);
    drag('drop', row('Dusk').item, 5);
    expect(await screen.findByRole('alert')).toHaveTextContent('The chapters or scenes changed in the meantime. Reload the page and move them again.');
    expect(sceneTitles('The Lamp')).toEqual(['Dusk', 'Night', 'Dawn']);
  });
});
