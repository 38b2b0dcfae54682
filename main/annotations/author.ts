// Who did it: the OS account name unless the request names someone (several analysts on one machine).
import os from 'node:os';

let cached: string | undefined;

export function defaultAuthor(): string {
  if (cached === undefined) {
    try {
      cached = os.userInfo().username || 'unknown';
    } catch {
      cached = process.env.USER ?? process.env.USERNAME ?? 'unknown'; // no passwd entry (containers)
    }
  }
  return cached;
}

export function authorOf(requested: string | undefined): string {
  return requested?.trim() || defaultAuthor();
}
