// Light/dark switch in the top bar; the OS preference applies until it is used.
import { toggleTheme } from '../../app/theme';
import { useStore } from '../../store/store';

export function ThemeToggle() {
  const theme = useStore((s) => s.theme);
  const label = theme === 'light' ? 'Switch to the dark theme' : 'Switch to the light theme';
  return (
    <button className="btn icon theme-toggle" onClick={toggleTheme} aria-label={label} title={label} data-testid="theme-toggle">
      <span aria-hidden>{theme === 'light' ? '☾' : '☀'}</span>
    </button>
  );
}
