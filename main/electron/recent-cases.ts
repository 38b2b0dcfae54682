// Most recently opened or saved case files, kept in the user-data folder.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const MAX_RECENT = 10;

export class RecentCases {
  private readonly file: string;

  constructor(userDataDir: string) {
    this.file = path.join(userDataDir, 'recent-cases.json');
  }

  list(): string[] {
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string' && existsSync(p)).slice(0, MAX_RECENT) : [];
    } catch {
      return [];
    }
  }

  add(casePath: string): void {
    const next = [casePath, ...this.list().filter((p) => p !== casePath)].slice(0, MAX_RECENT);
    try {
      writeFileSync(this.file, JSON.stringify(next, null, 2));
    } catch {
      // A read-only profile only loses the recent list.
    }
  }
}
