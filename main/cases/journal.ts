// The annotation journal: one JSON line per change, fsync'ed before the change is acknowledged, next
// to the case file (`<case>.journal`) or, for a case never saved, in the recovery folder. Entries
// carry a sequence number; the case records the last one it contains (case_meta `journal_seq`), so a
// replay applies only newer entries and can run any number of times.
import { randomUUID } from 'node:crypto';
import { existsSync, promises as fsp, type Dirent } from 'node:fs';
import path from 'node:path';
import type { CaseDb } from '../db/case-db';
import { openRegularFile } from '../import/evidence';
import { loadCase } from './case-store';
import { cacheDir } from '../platform/cache-dir';
import { DEMO_SEED } from './demo-case';
import { syncDirectory } from './atomic-write';

export interface JournalEntry<Op = unknown> {
  seq: number;
  op: Op;
}

export interface JournalContents<Op = unknown> {
  entries: JournalEntry<Op>[];
  /** Complete lines that are not entries (damaged by something other than a crash). */
  corrupt: number;
  /** Bytes after the last newline: an append cut short by a crash (never acknowledged). */
  tornBytes: number;
}

export const JOURNAL_SUFFIX = '.journal';
export const RECOVERY_CASE_SUFFIX = '.signinscope';

export function journalPathFor(casePath: string): string {
  return casePath + JOURNAL_SUFFIX;
}

export function recoveryDir(): string {
  return path.join(cacheDir(), 'recovery');
}

export async function readJournal<Op = unknown>(file: string): Promise<JournalContents<Op>> {
  let text: string;
  try {
    // A journal handed over next to a case is read only if it is a regular file (a FIFO would block).
    const handle = await openRegularFile(file);
    try {
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], corrupt: 0, tornBytes: 0 };
    throw e;
  }
  const end = text.lastIndexOf('\n') + 1;
  const entries: JournalEntry<Op>[] = [];
  let corrupt = 0;
  for (const line of text.slice(0, end).split('\n')) {
    if (!line) continue;
    const entry = parseEntry<Op>(line);
    if (entry) entries.push(entry);
    else corrupt++;
  }
  return { entries, corrupt, tornBytes: Buffer.byteLength(text.slice(end)) };
}

function parseEntry<Op>(line: string): JournalEntry<Op> | null {
  try {
    const value = JSON.parse(line) as Partial<JournalEntry<Op>>;
    return Number.isSafeInteger(value.seq) && value.op && typeof value.op === 'object' ? { seq: value.seq!, op: value.op } : null;
  } catch {
    return null;
  }
}

/** An open journal, appended to one durable line at a time. */
export class Journal {
  private constructor(
    readonly path: string,
    private handle: fsp.FileHandle,
  ) {}

  /** Opens (creating it and its folder if needed) for appending, first cutting off a torn last line. */
  static async open(file: string): Promise<Journal> {
    await fsp.mkdir(path.dirname(file), { recursive: true });
    const existed = await fsp.stat(file).then(
      () => true,
      () => false,
    );
    if (existed) {
      const { tornBytes } = await readJournal(file);
      if (tornBytes > 0) {
        const size = (await fsp.stat(file)).size;
        await fsp.truncate(file, size - tornBytes);
      }
    }
    const handle = await fsp.open(file, 'a', 0o600);
    if (!existed) await syncDirectory(path.dirname(file)); // the new file's name must survive a crash too
    return new Journal(file, handle);
  }

  async append(entry: JournalEntry): Promise<void> {
    await this.handle.write(JSON.stringify(entry) + '\n');
    await this.handle.datasync();
  }

  /** Empties the journal once a saved case file holds every entry. */
  async clear(): Promise<void> {
    await this.handle.truncate(0);
    await this.handle.datasync();
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => {});
  }
}

export interface RecoverableCaseFile {
  id: string;
  modifiedMs: number;
  bytes: number;
  journalEntries: number;
}

/** Unsaved cases autosaved to the recovery folder (the ids `except` are left out). */
export async function listRecoverable(except: readonly string[] = []): Promise<RecoverableCaseFile[]> {
  const dir = recoveryDir();
  const names: Dirent[] = await fsp.readdir(dir, { withFileTypes: true }).catch(() => []);
  const found: RecoverableCaseFile[] = [];
  for (const d of names) {
    if (!d.isFile() || !d.name.endsWith(RECOVERY_CASE_SUFFIX)) continue;
    const id = d.name.slice(0, -RECOVERY_CASE_SUFFIX.length);
    if (except.includes(id)) continue;
    const stat = await fsp.stat(path.join(dir, d.name)).catch(() => null);
    if (!stat) continue;
    const { entries } = await readJournal(recoveryFiles(id).journalPath);
    found.push({ id, modifiedMs: Math.round(stat.mtimeMs), bytes: stat.size, journalEntries: entries.length });
  }
  return found.sort((a, b) => b.modifiedMs - a.modifiedMs);
}

export function recoveryFiles(id: string): { casePath: string; journalPath: string } {
  const casePath = path.join(recoveryDir(), id + RECOVERY_CASE_SUFFIX);
  return { casePath, journalPath: journalPathFor(casePath) };
}

export async function discardRecovery(id: string): Promise<boolean> {
  const { casePath, journalPath } = recoveryFiles(id);
  let removed = false;
  for (const file of [casePath, journalPath]) {
    removed =
      (await fsp.rm(file).then(
        () => true,
        () => false,
      )) || removed;
  }
  return removed;
}

/** Where a case is kept: its own file, or (never saved) an id in the recovery folder. */
export type CaseLocation = { kind: 'file'; casePath: string } | { kind: 'unsaved'; id: string };

/** The demo's recovery id: its annotations come back whenever the demo is opened again. */
export const DEMO_RECOVERY_ID = `demo-${DEMO_SEED}`;

/** Where a new case keeps its journal and autosaves until it is saved under a name. */
export function newUnsavedLocation(): CaseLocation {
  return { kind: 'unsaved', id: randomUUID() };
}

/** The file autosave writes (its journal is that path + `.journal`). */
export function autosavePathOf(location: CaseLocation): string {
  return location.kind === 'file' ? location.casePath : recoveryFiles(location.id).casePath;
}

/** An unsaved case's autosaved copy, if there is a readable one. */
export async function loadRecovered(location: CaseLocation): Promise<CaseDb | null> {
  const file = autosavePathOf(location);
  if (location.kind !== 'unsaved' || !existsSync(file)) return null;
  return loadCase(file).catch(() => null); // a damaged copy: fall back to the original
}
