import { useCallback, useEffect, useState } from 'react';
import {
  applyTheme,
  DARK_QUERY,
  readChoice,
  resolveTheme,
  saveChoice,
  systemTheme,
  THEME_KEY,
  type Theme,
  type ThemeChoice,
} from './theme';

/**
 * The writer's theme choice and the palette in use. It applies the palette to the page, follows the
 * system's preference live while the choice is "system", and a choice made in another tab.
 */
export function useTheme(): { choice: ThemeChoice; theme: Theme; choose(choice: ThemeChoice): void } {
  const [choice, setChoice] = useState<ThemeChoice>(() => readChoice());
  const [system, setSystem] = useState<Theme>(() => systemTheme());
  const theme = resolveTheme(choice, system);

  useEffect(() => applyTheme(theme), [theme]);

  useEffect(() => {
    const query = window.matchMedia?.(DARK_QUERY);
    if (!query) return;
    const changed = (e: MediaQueryListEvent) => setSystem(e.matches ? 'dark' : 'light');
    setSystem(query.matches ? 'dark' : 'light');
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, []);

  useEffect(() => {
    const stored = (e: StorageEvent) => {
      if (e.key === THEME_KEY || e.key === null) setChoice(readChoice());
    };
    window.addEventListener('storage', stored);
    return () => window.removeEventListener('storage', stored);
  }, []);

  const choose = useCallback((next: ThemeChoice) => {
    saveChoice(next);
    setChoice(next);
  }, []);

  return { choice, theme, choose };
}
