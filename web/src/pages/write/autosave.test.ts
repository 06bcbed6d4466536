import { describe, expect, it } from 'vitest';
import type { Scene } from '../../api/editing';
import { ApiError } from '../../api/problems';
import { SceneSaver, type SaveState } from './autosave';

/** A save the test finishes by hand, so it can change the text while one is in flight. */
function pendingSaves() {
  const calls: { html: string; base: number; resolve(version: number): void; reject(e: unknown): void }[] = [];
  const save = (html: string, base: number) =>
    new Promise<Scene>((resolve, reject) =>
      calls.push({
        html,
        base,
        resolve: (version) => resolve({ id: 's', chapterId: 'c', number: 1, title: 'T', content: html, wordCount: 1, status: 'DRAFT', version }),
        reject,
      }),
    );
  return { calls, save };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('Autosave', () => {
  it('saves one at a time, each based on the version the last one made', async () => {
    const { calls, save } = pendingSaves();
    let text = '<p>a</p>';
    const states: SaveState['kind'][] = [];
    const saver = new SceneSaver({ save, read: () => text, onState: (s) => states.push(s.kind), delayMs: 5 }, 7, text);

    text = '<p>ab</p>';
    saver.changed();
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ html: '<p>ab</p>', base: 7 });

    text = '<p>abc</p>'; // typed while the first save is on its way
    saver.changed();
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toHaveLength(1);

    calls[0].resolve(8);
    await new Promise((r) => setTimeout(r, 30));
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ html: '<p>abc</p>', base: 8 });
    calls[1].resolve(9);
    await tick();
    expect(saver.current).toEqual({ kind: 'saved', version: 9 });
    expect(saver.hasUnsavedChanges).toBe(false);
    expect(states).toEqual(['unsaved', 'saving', 'unsaved', 'saving', 'saved']);
  });

  it('keeps the text and stops after a conflict until the writer chooses', async () => {
    const { calls, save } = pendingSaves();
    let text = '<p>mine</p>';
    const saver = new SceneSaver({ save, read: () => text, onState: () => {}, delayMs: 5 }, 3, '<p>old</p>');

    const flushed = saver.flush();
    calls[0].reject(new ApiError({ status: 409, code: 'edit-conflict', currentVersion: 5 } as never));
    expect(await flushed).toBe(false);
    expect(saver.current).toEqual({ kind: 'conflict', currentVersion: 5 });
    expect(saver.hasUnsavedChanges).toBe(true);

    text = '<p>mine, more</p>';
    saver.changed();
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toHaveLength(1); // no autosave over someone else's version

    const overwritten = saver.overwrite();
    expect(calls[1]).toMatchObject({ html: '<p>mine, more</p>', base: 5 });
    calls[1].resolve(6);
    expect(await overwritten).toBe(true);
    expect(saver.current).toEqual({ kind: 'saved', version: 6 });
  });

  it('says why a save failed and tries again on the next change', async () => {
    const { calls, save } = pendingSaves();
    let text = '<p>x</p>';
    const saver = new SceneSaver({ save, read: () => text, onState: () => {}, delayMs: 5 }, 1, '');
    const flushed = saver.flush();
    calls[0].reject(new ApiError({ status: 0, code: 'network-error' }));
    expect(await flushed).toBe(false);
    expect(saver.current).toEqual({ kind: 'failed', message: "We couldn't reach AuthorWorks. Check your connection and try again." });

    text = '<p>xy</p>';
    saver.changed();
    await new Promise((r) => setTimeout(r, 20));
    expect(calls[1]).toMatchObject({ html: '<p>xy</p>', base: 1 });
  });

  it('does not save a change that changed nothing', async () => {
    const { calls, save } = pendingSaves();
    const saver = new SceneSaver({ save, read: () => '<p>same</p>', onState: () => {}, delayMs: 5 }, 2, '<p>same</p>');
    saver.changed();
    expect(await saver.flush()).toBe(true);
    expect(calls).toHaveLength(0);
  });
});
