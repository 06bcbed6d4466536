import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeColorScheme } from '../test/media';
import { THEME_KEY } from './theme';
import { ThemeMenu } from './ThemeMenu';

const root = document.documentElement;

afterEach(() => {
  vi.unstubAllGlobals();
  delete root.dataset.theme;
});

describe('the theme menu', () => {
  it('offers System, Light and Dark, starting on System with the device preference applied', () => {
    fakeColorScheme(true);
    render(<ThemeMenu />);
    const menu = screen.getByRole('combobox', { name: 'Theme' });
    expect(menu).toHaveValue('system');
    expect([...(menu as HTMLSelectElement).options].map((o) => o.text)).toEqual(['System', 'Light', 'Dark']);
    expect(menu).toHaveAccessibleDescription('following the system: dark');
    expect(root).toHaveAttribute('data-theme', 'dark');
  });

  it('applies and saves a choice, and forgets it again on System', async () => {
    fakeColorScheme(false);
    const user = userEvent.setup();
    render(<ThemeMenu />);
    const menu = screen.getByRole('combobox', { name: 'Theme' });

    await user.selectOptions(menu, 'Dark');
    expect(root).toHaveAttribute('data-theme', 'dark');
    expect(localStorage.getItem(THEME_KEY)).toBe('dark');

    await user.selectOptions(menu, 'Light');
    expect(root).toHaveAttribute('data-theme', 'light');
    expect(localStorage.getItem(THEME_KEY)).toBe('light');

    await user.selectOptions(menu, 'System');
    expect(root).toHaveAttribute('data-theme', 'light');
    expect(localStorage.getItem(THEME_KEY)).toBeNull();
  });

  it('starts on the saved choice after a reload', () => {
    fakeColorScheme(false);
    localStorage.setItem(THEME_KEY, 'dark');
    render(<ThemeMenu />);
    expect(screen.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
    expect(root).toHaveAttribute('data-theme', 'dark');
  });

  it('on System follows the device as it switches, and ignores it on an explicit choice', async () => {
    const device = fakeColorScheme(false);
    const user = userEvent.setup();
    const { unmount } = render(<ThemeMenu />);
    expect(root).toHaveAttribute('data-theme', 'light');

    act(() => device.set(true));
    expect(root).toHaveAttribute('data-theme', 'dark');
    expect(screen.getByRole('combobox', { name: 'Theme' })).toHaveAccessibleDescription('following the system: dark');
    act(() => device.set(false));
    expect(root).toHaveAttribute('data-theme', 'light');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Theme' }), 'Light');
    act(() => device.set(true));
    expect(root).toHaveAttribute('data-theme', 'light');

    unmount();
    expect(device.listeners()).toBe(0);
  });

  it('takes up a choice made in another tab', () => {
    fakeColorScheme(false);
    render(<ThemeMenu />);
    act(() => {
      localStorage.setItem(THEME_KEY, 'dark');
      window.dispatchEvent(new StorageEvent('storage', { key: THEME_KEY, newValue: 'dark' }));
    });
    expect(screen.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
    expect(root).toHaveAttribute('data-theme', 'dark');
  });
});
