import { vi } from 'vitest';

/**
 * A window.matchMedia whose "prefers-color-scheme: dark" answer a test sets and changes, telling the
 * listeners as a browser does when the system switches. Every other query does not match.
 */
export function fakeColorScheme(dark: boolean) {
  const listeners = new Set<(e: MediaQueryListEvent) => void>();
  const scheme = {
    matches: dark,
    media: '(prefers-color-scheme: dark)',
    addEventListener: (_: string, l: (e: MediaQueryListEvent) => void) => listeners.add(l),
    removeEventListener: (_: string, l: (e: MediaQueryListEvent) => void) => listeners.delete(l),
  };
  const other = (media: string) => ({ matches: false, media, addEventListener() {}, removeEventListener() {} });
  vi.stubGlobal(
    'matchMedia',
    vi.fn((query: string) => (query === scheme.media ? scheme : other(query))),
  );
  return {
    listeners: () => listeners.size,
    set(next: boolean) {
      scheme.matches = next;
      for (const l of [...listeners]) l({ matches: next, media: scheme.media } as MediaQueryListEvent);
    },
  };
}
