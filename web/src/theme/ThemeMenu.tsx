import { useId } from 'react';
import { isThemeChoice, THEME_CHOICES } from './theme';
import { useTheme } from './useTheme';

/** The header's theme menu: System (follows the device), Light or Dark. */
export function ThemeMenu() {
  const { choice, theme, choose } = useTheme();
  const id = useId();
  return (
    <div className="theme-menu">
      <label htmlFor={id}>Theme</label>
      <select
        id={id}
        value={choice}
        onChange={(e) => isThemeChoice(e.target.value) && choose(e.target.value)}
        aria-describedby={choice === 'system' ? `${id}-now` : undefined}
      >
        {THEME_CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      {choice === 'system' && (
        <span id={`${id}-now`} className="visually-hidden">
          {`following the system: ${theme}`}
        </span>
      )}
    </div>
  );
}
