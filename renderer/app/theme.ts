// Light or dark: the OS preference until the analyst picks one with the toggle (remembered in
// localStorage). Applied as data-theme on <html>; base.css holds both palettes.
import { loadPref, savePref } from '../store/prefs';
import { useStore } from '../store/store';

export type Theme = 'light' | 'dark';
const PREF = 'theme';
const query = () => window.matchMedia('(prefers-color-scheme: light)');

function chosen(): Theme | null {
  const t = loadPref<unknown>(PREF, null);
  return t === 'light' || t === 'dark' ? t : null;
}

function apply(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  useStore.getState().setTheme(theme);
}

/** Applies the remembered or OS theme, and follows OS changes while the analyst has not chosen. */
export function startTheme(): void {
  apply(chosen() ?? (query().matches ? 'light' : 'dark'));
  query().addEventListener('change', (e) => chosen() === null && apply(e.matches ? 'light' : 'dark'));
}

export function toggleTheme(): void {
  const next: Theme = useStore.getState().theme === 'light' ? 'dark' : 'light';
  savePref(PREF, next);
  apply(next);
}
