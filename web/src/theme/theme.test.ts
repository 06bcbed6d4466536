import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeColorScheme } from '../test/media';
import { applyTheme, readChoice, resolveTheme, saveChoice, systemTheme, THEME_KEY } from './theme';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const initScript = readFileSync(resolve(web, 'public/theme-init.js'), 'utf8');
const runInitScript = () => new Function(initScript)();

afterEach(() => {
  vi.unstubAllGlobals();
  delete document.documentElement.dataset.theme;
});

describe('the theme choice', () => {
  it('is system until one is saved, and a saved one is read back', () => {
    expect(readChoice()).toBe('system');
    saveChoice('dark');
    expect(localStorage.getItem(THEME_KEY)).toBe('dark');
    expect(readChoice()).toBe('dark');
    saveChoice('light');
    expect(readChoice()).toBe('light');
    saveChoice('system');
    expect(localStorage.getItem(THEME_KEY)).toBeNull();
    expect(readChoice()).toBe('system');
  });

  it('treats an unknown saved value, or storage that throws, as system', () => {
    localStorage.setItem(THEME_KEY, 'sepia');
    expect(readChoice()).toBe('system');
    const blocked = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as Storage;
    expect(readChoice(blocked)).toBe('system');
    expect(() => saveChoice('dark', blocked)).not.toThrow();
  });

  it('resolves system to the device preference and keeps an explicit choice', () => {
    expect(resolveTheme('system', 'dark')).toBe('dark');
    expect(resolveTheme('system', 'light')).toBe('light');
    expect(resolveTheme('light', 'dark')).toBe('light');
    expect(resolveTheme('dark', 'light')).toBe('dark');
  });

  it('reads the device preference, light where the browser has no media queries', () => {
    fakeColorScheme(true);
    expect(systemTheme()).toBe('dark');
    fakeColorScheme(false);
    expect(systemTheme()).toBe('light');
    expect(systemTheme({} as Window)).toBe('light');
  });

  it('applies the palette as data-theme on the root element', () => {
    applyTheme('dark');
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
    applyTheme('light');
    expect(document.documentElement).toHaveAttribute('data-theme', 'light');
  });
});

describe('public/theme-init.js, run before the first paint', () => {
  it('applies a saved choice whatever the device prefers', () => {
    fakeColorScheme(false);
    localStorage.setItem(THEME_KEY, 'dark');
    runInitScript();
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark');

    fakeColorScheme(true);
    localStorage.setItem(THEME_KEY, 'light');
    runInitScript();
    expect(document.documentElement).toHaveAttribute('data-theme', 'light');
  });

  it('follows the device without a saved choice, or with an unknown one', () => {
    fakeColorScheme(true);
    runInitScript();
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
    localStorage.setItem(THEME_KEY, 'sepia');
    fakeColorScheme(false);
    runInitScript();
    expect(document.documentElement).toHaveAttribute('data-theme', 'light');
  });

  it('agrees with the app for every choice and preference', () => {
    for (const saved of [null, 'system', 'light', 'dark', 'nonsense']) {
      for (const dark of [false, true]) {
        localStorage.clear();
        if (saved) localStorage.setItem(THEME_KEY, saved);
        fakeColorScheme(dark);
        runInitScript();
        expect(document.documentElement.dataset.theme, `${saved} / dark device ${dark}`).toBe(
          resolveTheme(readChoice(), systemTheme()),
        );
      }
    }
  });

  it('is referenced from index.html as a blocking script file, not inline', () => {
    const html = readFileSync(resolve(web, 'index.html'), 'utf8');
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toMatch(/<script src="\/theme-init.js"><\/script>/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
