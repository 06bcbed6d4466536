// The colour theme: the writer's choice (system, light or dark), kept in localStorage, and the
// palette it resolves to, set as <html data-theme="light|dark"> (styles.css holds both palettes).
// public/theme-init.js does the same before the first paint; keep the two in step.

export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

export const THEME_KEY = 'authorworks.theme';
export const DARK_QUERY = '(prefers-color-scheme: dark)';
export const THEME_CHOICES: readonly { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return value === 'system' || value === 'light' || value === 'dark';
}

/** The saved choice; "system" when there is none, it is unknown, or storage is blocked. */
export function readChoice(storage: Storage | undefined = globalThis.localStorage): ThemeChoice {
  try {
    const saved = storage?.getItem(THEME_KEY);
    return isThemeChoice(saved) ? saved : 'system';
  } catch {
    return 'system';
  }
}

/** Saves the choice; "system" is the default, so it is saved by forgetting the others. */
export function saveChoice(choice: ThemeChoice, storage: Storage | undefined = globalThis.localStorage): void {
  try {
    if (choice === 'system') storage?.removeItem(THEME_KEY);
    else storage?.setItem(THEME_KEY, choice);
  } catch {
    // storage blocked or full: the choice lasts until the page is left
  }
}

/** The operating system's preference, light when the browser cannot tell. */
export function systemTheme(win: Pick<Window, 'matchMedia'> | undefined = globalThis.window): Theme {
  try {
    return win?.matchMedia?.(DARK_QUERY)?.matches ? 'dark' : 'light';
  } catch {
    return 'light';
  }
}

export function resolveTheme(choice: ThemeChoice, system: Theme): Theme {
  return choice === 'system' ? system : choice;
}

export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = theme;
}
