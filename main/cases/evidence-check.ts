// Evidence is read back (Raw view) only from a regular file whose size and SHA-256 match the case's
// manifest: a case file from someone else could otherwise point `sources.path` at /dev/zero, a FIFO,
// a directory or any file on the machine. On reopening a case each evidence file is checked (missing,
// changed or ok) in a job after the case is already usable; a file that passed is remembered by its
// identity (device, inode, size, mtime), so later reads check that cheaply and hash again only when
// the file is not the one that was verified.
import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { CaseDb } from '../db/case-db';
import { NUM, NUM_NULL, STR_NULL } from '../db/row-spec';
import { openRegularFile } from '../import/evidence';
import type { EvidenceJobEntry } from '../../shared/api/jobs';

/** One evidence file's check, as the contract's job summary states it. */
export type EvidenceCheck = EvidenceJobEntry;
export type EvidenceState = EvidenceCheck['state'];

/** What makes a file "the same file" between two reads without hashing it again. */
export interface FileIdentity {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

export function identityOf(stat: Stats): FileIdentity {
  return { dev: stat.dev, ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs };
}

export function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

async function hashHandle(handle: FileHandle, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  const buf = Buffer.alloc(1 << 20);
  for (let at = 0; ;) {
    signal?.throwIfAborted();
    const { bytesRead } = await handle.read(buf, 0, buf.length, at);
    if (bytesRead === 0) return hash.digest('hex');
    hash.update(buf.subarray(0, bytesRead));
    at += bytesRead;
  }
}

interface ManifestEntry {
  sourceId: number;
  path: string;
  size: number | null;
  sha256: string | null;
}

/** Files that matched the manifest, per case: source id → path and identity when verified. */
const verified = new WeakMap<CaseDb, Map<number, { path: string; identity: FileIdentity }>>();

function verifiedOf(caseDb: CaseDb): Map<number, { path: string; identity: FileIdentity }> {
  let map = verified.get(caseDb);
  if (!map) verified.set(caseDb, (map = new Map()));
  return map;
}

function manifestEntry(caseDb: CaseDb, sourceId: number): ManifestEntry | null {
  const row = caseDb.first('SELECT id, path, size, sha256 FROM sources WHERE id = ?', [sourceId], { id: NUM, path: STR_NULL, size: NUM_NULL, sha256: STR_NULL });
  return row ? { sourceId: row.id, path: String(row.path), size: row.size, sha256: row.sha256 } : null;
}

/** Checks one file against a manifest entry: regular file, same size, same SHA-256. */
async function checkAgainst(entry: ManifestEntry, file: string, signal?: AbortSignal): Promise<EvidenceCheck & { identity?: FileIdentity }> {
  const base = { sourceId: entry.sourceId, path: file };
  if (entry.sha256 === null) return { ...base, state: 'unverified', detail: 'no SHA-256 was recorded at import (the import did not finish)' };
  let handle: FileHandle;
  try {
    handle = await openRegularFile(file);
  } catch (e) {
    return { ...base, state: 'missing', detail: `evidence file missing: ${(e as Error).message}` };
  }
  try {
    const identity = identityOf(await handle.stat());
    if (entry.size !== null && identity.size !== entry.size) return { ...base, state: 'changed', detail: `size is ${identity.size} bytes, ${entry.size} when imported` };
    const sha256 = await hashHandle(handle, signal);
    if (sha256 !== entry.sha256) return { ...base, state: 'changed', detail: `SHA-256 is ${sha256}, ${entry.sha256} when imported` };
    return { ...base, state: 'ok', detail: 'SHA-256 matches', identity };
  } catch (e) {
    if (signal?.aborted) throw e;
    return { ...base, state: 'missing', detail: `evidence file could not be read: ${(e as Error).message}` };
  } finally {
    await handle.close();
  }
}

function remember(caseDb: CaseDb, check: EvidenceCheck & { identity?: FileIdentity }): EvidenceCheck {
  const { identity, ...plain } = check;
  if (plain.state === 'ok' && identity) verifiedOf(caseDb).set(plain.sourceId, { path: plain.path, identity });
  else verifiedOf(caseDb).delete(plain.sourceId);
  return plain;
}

export async function checkEvidence(caseDb: CaseDb, signal?: AbortSignal): Promise<EvidenceCheck[]> {
  const ids = caseDb.rows('SELECT id FROM sources ORDER BY id', [], { id: NUM }).map((r) => r.id);
  const checks: EvidenceCheck[] = [];
  for (const id of ids) {
    const entry = manifestEntry(caseDb, id)!;
    checks.push(remember(caseDb, await checkAgainst(entry, entry.path, signal)));
  }
  return checks;
}

export type IntactEvidence = { ok: true; path: string; identity: FileIdentity } | { ok: false; note: string };

/**
 * The evidence file of a source, if it is a regular file matching the manifest (size and SHA-256).
 * A file verified before is trusted while its identity is unchanged; otherwise it is hashed now.
 */
export function intactEvidence(caseDb: CaseDb, sourceId: number): Promise<IntactEvidence> {
  // Many sign-ins of one file are read back at once (a session's rows): hash the file once for all.
  let perCase = inflight.get(caseDb);
  if (!perCase) inflight.set(caseDb, (perCase = new Map()));
  let running = perCase.get(sourceId);
  if (!running) {
    running = verifyNow(caseDb, sourceId).finally(() => perCase.delete(sourceId));
    perCase.set(sourceId, running);
  }
  return running;
}

const inflight = new WeakMap<CaseDb, Map<number, Promise<IntactEvidence>>>();

async function verifyNow(caseDb: CaseDb, sourceId: number): Promise<IntactEvidence> {
  const entry = manifestEntry(caseDb, sourceId);
  if (!entry) return { ok: false, note: 'no evidence file is recorded for this sign-in' };
  const known = verifiedOf(caseDb).get(sourceId);
  if (known && known.path === entry.path) {
    const now = await currentIdentity(entry.path);
    if (now && sameIdentity(now, known.identity)) return { ok: true, path: entry.path, identity: known.identity };
  }
  const check = await checkAgainst(entry, entry.path);
  remember(caseDb, check);
  if (check.state === 'ok' && check.identity) return { ok: true, path: entry.path, identity: check.identity };
  return { ok: false, note: `evidence missing or changed: ${check.detail}` };
}

/** Points a source at a new path: accepted only when that file matches the manifest. */
export async function relocateEvidence(caseDb: CaseDb, sourceId: number, file: string): Promise<EvidenceCheck> {
  const entry = manifestEntry(caseDb, sourceId);
  if (!entry) throw new Error(`evidence file ${sourceId} does not exist in this case`);
  const check = await checkAgainst(entry, file);
  if (check.state !== 'ok') throw new Error(`${file} is not the evidence file that was imported: ${check.detail}`);
  caseDb.run('UPDATE sources SET path = ? WHERE id = ?', [file, sourceId]);
  return remember(caseDb, check);
}

async function currentIdentity(file: string): Promise<FileIdentity | null> {
  try {
    const handle = await openRegularFile(file);
    try {
      return identityOf(await handle.stat());
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}
