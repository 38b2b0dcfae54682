// Case files opened or saved in this browser profile, most recent first (a UI preference: paths only).
import { loadPref, savePref } from '../../store/prefs';

const KEY = 'recentCases';
const MAX_RECENT = 10;

export function recentCases(): string[] {
  const list = loadPref<unknown>(KEY, []);
  return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string').slice(0, MAX_RECENT) : [];
}

export function rememberCase(path: string): void {
  savePref(KEY, [path, ...recentCases().filter((p) => p !== path)].slice(0, MAX_RECENT));
}

export function forgetCase(path: string): void {
  savePref(
    KEY,
    recentCases().filter((p) => p !== path),
  );
}

/** `/cases/acme.signinscope` → { name: 'acme.signinscope', dir: '/cases' } */
export function splitPath(path: string): { name: string; dir: string } {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i < 0 ? { name: path, dir: '' } : { name: path.slice(i + 1), dir: path.slice(0, i) };
}
