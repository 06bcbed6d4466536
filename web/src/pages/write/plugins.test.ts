import { describe, expect, it } from 'vitest';
import { COMMANDS } from './plugins';

describe('The editor’s keyboard shortcuts', () => {
  it('are one per command and never Ctrl+Alt, which is AltGr on Windows and Linux', () => {
    const shortcuts = COMMANDS.flatMap((c) => (c.shortcut ? [c.shortcut] : []));
    expect(shortcuts.length).toBeGreaterThanOrEqual(8);
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
    for (const shortcut of shortcuts) expect(shortcut).not.toMatch(/Alt/);
    expect(COMMANDS.find((c) => c.id === 'ul')?.shortcut).toBe('Ctrl+Shift+8');
  });
});
