// Never lose an annotation. Each change is applied to the case and appended to its journal (fsync'ed)
// before the channel returns; the case is autosaved atomically every few minutes when dirty and before
// another case replaces it, and the journal is then emptied. Opening a case replays journal entries
// newer than the case file's `journal_seq`. Changes made outside the journal (imports, detections...)
// are autosaved before the next annotation is journaled, so a journal entry never refers to rows that
// only existed in memory. All of it runs one change at a time (the `exclusive` queue).
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { RecoveryStatus } from '../../shared/model/annotation';
import { AppError, messageOf } from '../../shared/errors';
import { defaultAuthor } from '../annotations/author';
import { applyJournaled, journalSeq, replayEntries, setJournalSeq } from '../annotations/replay';
import { applyOp, type AnnotationOp, type OpResult } from '../annotations/ops';
import type { CaseDb } from '../db/case-db';
import { saveCase } from './case-store';
import { checkWriteTarget } from './write-target';
import { autosavePathOf, discardRecovery, Journal, journalPathFor, loadRecovered, newUnsavedLocation, readJournal, type CaseLocation } from './journal';

export { DEMO_RECOVERY_ID, newUnsavedLocation, type CaseLocation } from './journal';

/** What the keeper needs from the engine around the case it keeps. */
export interface KeeperHooks {
  readonly jobs: { running(kind: string): boolean; cancelAll(): void };
  /** Another case is in place: per-case caches are dropped. */
  caseReplaced(): void;
}

interface Session {
  db: CaseDb;
  location: CaseLocation;
  journal: Journal | null;
  /** Last journaled sequence number (also stored in case_meta with the change). */
  seq: number;
  /** Journal entries not yet in a saved case file. */
  pending: number;
  /** Changes outside the journal since the last autosave. */
  baseDirty: boolean;
  /** Any change since the last autosave (unsaved cases stay dirty after an autosave to the recovery folder). */
  changed: boolean;
  lastRecovery: RecoveryStatus['lastRecovery'];
}

/**
 * Keeps the open case: the database, where it is saved, whether it changed since, its journal and its
 * autosave. Every feature that changes the case outside the journal reports it with `markDirty`.
 */
export class CaseKeeper {
  private openDb: CaseDb;
  private savedAt: string | null = null;
  private unsaved = false;
  private session: Session | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private lastAutosave: RecoveryStatus['lastAutosave'] = null;
  private autosaveError: string | null = null;
  private readonly timer: NodeJS.Timeout;
  private soonTimer: NodeJS.Timeout | null = null;

  constructor(
    db: CaseDb,
    private readonly hooks: KeeperHooks,
    private readonly autosaveMs = autosaveInterval(),
  ) {
    this.openDb = db;
    this.timer = setInterval(() => void this.autosave(), autosaveMs);
    this.timer.unref();
  }

  /** The open case; replaced when another case is opened, so never keep it across awaits of other work. */
  get db(): CaseDb {
    return this.openDb;
  }

  /** The case file the open case was opened from or last saved to (null: never saved). */
  get casePath(): string | null {
    return this.savedAt;
  }

  /** The investigation changed since the last save. */
  get dirty(): boolean {
    return this.unsaved;
  }

  /**
   * A change outside the journal (an import, detections, a setting): the case is saved a moment later,
   * and before the next journaled change, so a journal entry never refers to rows only in memory.
   */
  markDirty(): void {
    this.unsaved = true;
    const s = this.current();
    s.baseDirty = s.changed = true;
    this.autosaveSoon();
  }

  /** Puts another case in place as is (no autosave, no journal replay): running jobs stop, per-case caches are dropped. */
  replace(next: CaseDb, casePath: string | null): void {
    this.hooks.jobs.cancelAll();
    if (next !== this.openDb) this.openDb.close();
    this.openDb = next;
    this.savedAt = casePath;
    this.unsaved = false;
    this.hooks.caseReplaced();
  }

  /** Applies a change, journals it, and returns once it is durable. */
  commit(op: AnnotationOp, opts: { dirty?: boolean } = {}): Promise<OpResult> {
    return this.exclusive(() => this.commitLocked(op, opts.dirty ?? true));
  }

  /** Like commit, for changes applied in steps (bulk jobs): `apply` returns the operation it performed. */
  commitSteps<T extends OpResult>(apply: (db: CaseDb) => Promise<{ op: AnnotationOp; result: T }>): Promise<T> {
    return this.exclusive(async () => {
      const s = await this.readyForChange();
      const { op, result } = await apply(s.db);
      setJournalSeq(s.db, s.seq + 1);
      this.unsaved = true;
      s.changed = true;
      await this.journalLocked(s, op);
      return result;
    });
  }

  /** Saves the case (also "save as"); the journal then starts afresh next to the new file. */
  saveAs(target: string, author?: string, overwrite = false): Promise<number> {
    return this.exclusive(async () => {
      const s = this.current();
      const same = s.location.kind === 'file' && path.resolve(s.location.casePath) === path.resolve(target);
      // Refused targets (evidence, a non-case, an unconfirmed replace) are refused before anything changes.
      await checkWriteTarget(s.db, target, { kind: 'case', replace: same || overwrite });
      // A journal left next to the target belongs to the file being replaced: it must not be replayed onto this one.
      if (!same) await fsp.rm(journalPathFor(target), { force: true });
      applyOp(s.db, { type: 'activity', action: 'save', details: { path: target }, author: author ?? defaultAuthor(), at: Date.now() });
      const bytes = await saveCase(s.db, target, { replace: same || overwrite });
      if (same) await clearJournal(s);
      else {
        await s.journal?.close();
        s.journal = null;
        if (s.location.kind === 'unsaved') await discardRecovery(s.location.id);
        s.location = { kind: 'file', casePath: target };
      }
      s.pending = 0;
      s.baseDirty = s.changed = false;
      this.savedAt = target;
      this.unsaved = false;
      return bytes;
    });
  }

  /**
   * Replaces the open case (autosaving it first), then replays the new case's journal. With
   * `preferRecovered`, an unsaved case's autosaved copy in the recovery folder wins over `load`.
   */
  switchTo(load: () => Promise<CaseDb>, location: CaseLocation, opts: { preferRecovered?: boolean; openDetails?: unknown } = {}): Promise<RecoveryStatus> {
    return this.exclusive(async () => {
      await this.autosaveLocked();
      const recovered = opts.preferRecovered ? await loadRecovered(location) : null;
      const next = recovered ?? (await load());
      await this.session?.journal?.close();
      this.replace(next, location.kind === 'file' ? location.casePath : null);
      const s = (this.session = newSession(next, location));
      await this.replayLocked(s);
      // Opens of saved cases are history worth keeping; logging each demo open would only grow its journal.
      if (opts.openDetails !== undefined && location.kind === 'file')
        await this.commitLocked({ type: 'activity', action: 'open', details: opts.openDetails, author: defaultAuthor(), at: Date.now() }, false);
      return this.statusOf(s);
    });
  }

  /**
   * Changes outside the journal (imports, detections, a relocated evidence file) are saved a moment
   * later rather than at the next timer tick: a restarted engine (main/engine/host.ts, after a query
   * ran out of time) reopens the case from its last save plus the journal.
   */
  private autosaveSoon(): void {
    if (this.soonTimer) return;
    this.soonTimer = setTimeout(() => {
      this.soonTimer = null;
      void this.autosave();
    }, SOON_MS);
    this.soonTimer.unref();
  }

  /** Where the open case is saved and journaled. */
  location(): CaseLocation {
    return this.current().location;
  }

  /** Writes the case if it changed since the last autosave; failures are reported in `status()`. */
  autosave(): Promise<void> {
    return this.exclusive(() => this.autosaveLocked());
  }

  status(): RecoveryStatus {
    return this.statusOf(this.current());
  }

  /** The recovery id of the open case, if it was never saved. */
  unsavedId(): string | null {
    const location = this.current().location;
    return location.kind === 'unsaved' ? location.id : null;
  }

  /** Stops the autosave timer and closes the journal (the engine is going away). */
  dispose(): void {
    clearInterval(this.timer);
    if (this.soonTimer) clearTimeout(this.soonTimer);
    void this.session?.journal?.close();
  }

  private statusOf(s: Session): RecoveryStatus {
    return {
      journalPath: journalPathFor(autosavePathOf(s.location)),
      pending: s.pending,
      lastRecovery: s.lastRecovery,
      lastAutosave: this.lastAutosave,
      autosaveError: this.autosaveError,
      autosaveMinutes: this.autosaveMs / 60_000,
    };
  }

  private exclusive<T>(body: () => Promise<T>): Promise<T> {
    const run = this.tail.then(body, body);
    this.tail = run.catch(() => {});
    return run;
  }

  private current(): Session {
    const db = this.openDb;
    if (this.session?.db !== db) {
      void this.session?.journal?.close();
      this.session = newSession(db, this.savedAt ? { kind: 'file', casePath: this.savedAt } : newUnsavedLocation());
    }
    return this.session;
  }

  private async readyForChange(): Promise<Session> {
    const s = this.current();
    if (s.baseDirty) await this.autosaveLocked();
    return s;
  }

  private async commitLocked(op: AnnotationOp, dirty: boolean): Promise<OpResult> {
    const s = await this.readyForChange();
    const result = applyJournaled(s.db, op, s.seq + 1);
    if (dirty) {
      this.unsaved = true;
      s.changed = true;
    }
    await this.journalLocked(s, op);
    return result;
  }

  private async journalLocked(s: Session, op: AnnotationOp): Promise<void> {
    try {
      s.journal ??= await Journal.open(journalPathFor(autosavePathOf(s.location)));
      await s.journal.append({ seq: s.seq + 1, op });
    } catch (e) {
      await s.journal?.close(); // reopening cuts off a partly written line
      s.journal = null;
      this.unsaved = true;
      s.changed = true;
      throw new AppError('IO', `the change is in the open case but could not be journaled (${messageOf(e)}); save the case to keep it`);
    }
    s.seq++;
    s.pending++;
  }

  private async replayLocked(s: Session): Promise<void> {
    const file = journalPathFor(autosavePathOf(s.location));
    const { entries, corrupt } = await readJournal<AnnotationOp>(file);
    const { applied, annotations, failed: unapplied, seq, pending } = replayEntries(s.db, entries);
    const failed = unapplied + corrupt;
    s.seq = seq;
    s.pending = pending;
    if (applied === 0 && failed === 0) return;
    s.lastRecovery = { entries: applied, annotations, failed, journalPath: file };
    if (annotations === 0 && failed === 0) return; // only activity entries (opens, exports): nothing to report
    if (annotations > 0) {
      this.unsaved = true;
      s.changed = true;
    }
    await this.commitLocked({ type: 'activity', action: 'recover', details: { journal: file, entries: applied, annotations, failed }, author: defaultAuthor(), at: Date.now() }, annotations > 0);
  }

  private async autosaveLocked(): Promise<void> {
    const s = this.current();
    if (!s.changed || !this.unsaved || this.hooks.jobs.running('import')) return; // mid-import: the next tick retries
    const target = autosavePathOf(s.location);
    const started = Date.now();
    try {
      await fsp.mkdir(path.dirname(target), { recursive: true });
      const bytes = await saveCase(s.db, target, { replace: true }); // its own file or recovery copy
      await clearJournal(s);
      s.pending = 0;
      s.baseDirty = s.changed = false;
      if (s.location.kind === 'file') this.unsaved = false;
      this.lastAutosave = { at: new Date().toISOString(), path: target, bytes, ms: Date.now() - started };
      this.autosaveError = null;
    } catch (e) {
      this.autosaveError = `autosave to ${target} failed: ${messageOf(e)}`;
    }
  }
}

function newSession(db: CaseDb, location: CaseLocation): Session {
  return { db, location, journal: null, seq: journalSeq(db), pending: 0, baseDirty: false, changed: false, lastRecovery: null };
}

/** After a save holding every entry: empty the journal (or remove one this session never opened). */
async function clearJournal(s: Session): Promise<void> {
  if (s.journal) await s.journal.clear();
  else await fsp.rm(journalPathFor(autosavePathOf(s.location)), { force: true });
}

const SOON_MS = 2_000;

function autosaveInterval(): number {
  const ms = Number(process.env.SIGNINSCOPE_AUTOSAVE_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : 5 * 60_000;
}
