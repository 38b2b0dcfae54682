// Applying journaled operations: each one in its own transaction together with its sequence number
// (case_meta `journal_seq`), so the case always says exactly which entries it contains. Replay skips
// entries at or below that number, which makes it safe to run any number of times.
import type { CaseDb } from '../db/case-db';
import { applyOp, isAnnotationChange, type AnnotationOp, type OpResult } from './ops';

const SEQ_KEY = 'journal_seq';

export function journalSeq(caseDb: CaseDb): number {
  return Number(caseDb.meta(SEQ_KEY) ?? 0);
}

export function setJournalSeq(caseDb: CaseDb, seq: number): void {
  caseDb.setMeta(SEQ_KEY, String(seq));
}

export function applyJournaled(caseDb: CaseDb, op: AnnotationOp, seq: number): OpResult {
  return caseDb.transaction(() => {
    const result = applyOp(caseDb, op);
    setJournalSeq(caseDb, seq);
    return result;
  });
}

export interface ReplayResult {
  /** Entries applied, of which changes to annotations or views (the rest only log activity). */
  applied: number;
  annotations: number;
  /** Entries that could not be applied (skipped). */
  failed: number;
  /** The case's sequence number afterwards. */
  seq: number;
  /** Entries newer than the case file (still only in the journal). */
  pending: number;
}

export function replayEntries(caseDb: CaseDb, entries: readonly { seq: number; op: AnnotationOp }[]): ReplayResult {
  const saved = journalSeq(caseDb);
  const result: ReplayResult = { applied: 0, annotations: 0, failed: 0, seq: saved, pending: 0 };
  for (const entry of entries) {
    if (entry.seq <= result.seq) continue;
    result.pending++;
    try {
      applyJournaled(caseDb, entry.op, entry.seq);
      result.applied++;
      if (isAnnotationChange(entry.op)) result.annotations++;
    } catch {
      result.failed++;
    }
    result.seq = entry.seq;
  }
  return result;
}
