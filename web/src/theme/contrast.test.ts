import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// WCAG 2.1 AA for both palettes in styles.css: text on its backgrounds at least 4.5:1 (1.4.3),
// borders, focus ring and chart bars at least 3:1 against what they sit on (1.4.11).
const css = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../styles.css'), 'utf8');

function palette(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no ${selector} block in styles.css`);
  const block = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1], m[2]]));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const TEXT: [string, string[]][] = [
  ['text', ['bg', 'surface', 'field', 'info-bg', 'accent-bg', 'error-bg', 'success-bg']],
  ['muted', ['bg', 'surface', 'field']],
  ['primary', ['bg', 'surface', 'field', 'info-bg', 'paper', 'paper-current', 'paper-hover']],
  ['primary-hover', ['bg', 'surface', 'field', 'info-bg']],
  ['on-primary', ['primary', 'primary-hover']],
  ['on-error', ['error', 'error-hover']],
  ['error', ['bg', 'surface', 'field', 'error-bg']],
  ['success', ['bg', 'surface', 'field', 'success-bg']],
  ['accent', ['field', 'accent-bg', 'bg']],
  ['badge-text', ['badge-bg']],
  ['quote-text', ['field']],
  ['ink', ['paper', 'field']],
  ['ink-muted', ['paper', 'field', 'surface']],
];
const NON_TEXT: [string, string[]][] = [
  ['border', ['bg', 'field', 'surface']],
  ['focus', ['bg', 'surface', 'field', 'paper']],
  ['chart-input', ['bg']],
  ['chart-output', ['bg']],
  ['chart-cost', ['bg']],
];

describe.each([
  ['light', ':root'],
  ['dark', ":root[data-theme='dark']"],
])('the %s palette', (_, selector) => {
  const colours = palette(selector);

  it('defines every colour the light palette does', () => {
    expect(Object.keys(colours).sort()).toEqual(Object.keys(palette(':root')).sort());
  });

  it.each(TEXT)('keeps %s text at 4.5:1 or more on its backgrounds', (fg, bgs) => {
    for (const bg of bgs) expect(contrast(colours[fg], colours[bg]), `${fg} ${colours[fg]} on ${bg} ${colours[bg]}`).toBeGreaterThanOrEqual(4.5);
  });

  it.each(NON_TEXT)('keeps %s at 3:1 or more against what it sits on', (fg, bgs) => {
    for (const bg of bgs) expect(contrast(colours[fg], colours[bg]), `${fg} ${colours[fg]} on ${bg} ${colours[bg]}`).toBeGreaterThanOrEqual(3);
  });
});
