// On reopening a case, each evidence file is checked against the manifest: missing, changed (size or
// SHA-256 differ) or ok. Hashing streams the file read-only; large evidence takes a moment, so this
// runs as a job after the case is already usable.
import { createHash } from 'node:crypto';
import { createReadStream, promises as fsp } from 'node:fs';
import type { CaseDb } from '../db/case-db';

export type EvidenceState = 'ok' | 'missing' | 'changed' | 'unverified';

export interface EvidenceCheck {
  sourceId: number;
  path: string;
  state: EvidenceState;
  detail: string;
}

export async function sha256OfFile(file: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { flags: 'r', highWaterMark: 1 << 20, ...(signal ? { signal } : {}) })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function checkEvidence(caseDb: CaseDb, signal?: AbortSignal): Promise<EvidenceCheck[]> {
  const rows = caseDb.all('SELECT id, path, size, sha256 FROM sources ORDER BY id');
  const checks: EvidenceCheck[] = [];
  for (const [id, file, size, sha] of rows) {
    const sourceId = Number(id);
    const p = String(file);
    let check: EvidenceCheck;
    try {
      const stat = await fsp.stat(p);
      if (sha === null) check = { sourceId, path: p, state: 'unverified', detail: 'no SHA-256 was recorded at import (the import did not finish)' };
      else if (stat.size !== Number(size)) check = { sourceId, path: p, state: 'changed', detail: `size is ${stat.size} bytes, ${size} when imported` };
      else {
        const now = await sha256OfFile(p, signal);
        check = now === sha ? { sourceId, path: p, state: 'ok', detail: 'SHA-256 matches' } : { sourceId, path: p, state: 'changed', detail: `SHA-256 is ${now}, ${String(sha)} when imported` };
      }
    } catch (e) {
      if (signal?.aborted) throw e;
      check = { sourceId, path: p, state: 'missing', detail: `evidence file missing: ${(e as Error).message}` };
    }
    checks.push(check);
  }
  return checks;
}
