// The engine owns the case database and answers every data channel of the contract. It runs inside
// the engine worker (worker.ts) so that sql.js never blocks Electron's main thread; tests and the CLI
// can also run it in-process.
import type { Channel, EventName, ParsedReq, Res } from '../../shared/api/contract';
import type { CaseDb } from '../db/case-db';
import { ApiFailure } from '../api/api-failure';
import { caseInfo } from '../cases/case-info';
import { loadCase, saveCase } from '../cases/case-store';
import { checkEvidence, type EvidenceCheck } from '../cases/evidence-check';
import { openDemoCase } from '../cases/demo-case';
import { CaseDb as Db } from '../db/case-db';
import { importFiles } from '../import/pipeline';
import { facets } from '../query/facets';
import { overview } from '../query/overview';
import { getRecord } from '../query/record';
import { SnapshotStore } from '../query/snapshot';
import { histogram, swimlanes } from '../query/timeline';
import { JobRegistry } from './jobs';

export type EngineChannel = Exclude<Channel, 'app.info' | 'fs.list'>;
export type EmitFn = (event: EventName, payload: unknown) => void;

type Handlers = { [C in EngineChannel]: (req: ParsedReq<C>) => Promise<Res<C>> | Res<C> };

export class Engine {
  private caseDb!: CaseDb;
  private casePath: string | null = null;
  private dirty = false;
  private snapshots = new SnapshotStore();
  private evidence: EvidenceCheck[] = [];
  private readonly jobs: JobRegistry;

  private constructor(private readonly emit: EmitFn) {
    this.jobs = new JobRegistry(emit);
  }

  static async create(emit: EmitFn = () => {}): Promise<Engine> {
    const engine = new Engine(emit);
    engine.caseDb = await Db.create();
    return engine;
  }

  get db(): CaseDb {
    return this.caseDb;
  }

  async handle<C extends EngineChannel>(channel: C, req: ParsedReq<C>): Promise<Res<C>> {
    const handler = this.handlers[channel] as (r: ParsedReq<C>) => Promise<Res<C>> | Res<C>;
    if (!handler) throw new ApiFailure('NOT_FOUND', `unknown channel ${channel}`);
    return handler(req);
  }

  private info() {
    return caseInfo(this.caseDb, { path: this.casePath, dirty: this.dirty, evidence: this.evidence });
  }

  private replaceCase(next: CaseDb, path: string | null): void {
    this.jobs.cancelAll();
    this.caseDb.close();
    this.caseDb = next;
    this.casePath = path;
    this.dirty = false;
    this.evidence = [];
    this.snapshots = new SnapshotStore();
  }

  private verifyEvidence(): void {
    const db = this.caseDb;
    this.jobs.start('verify-evidence', async (signal) => {
      const checks = await checkEvidence(db, signal);
      if (db !== this.caseDb) return null;
      this.evidence = checks;
      this.emit('case.changed', this.info());
      return checks;
    });
  }

  private readonly handlers: Handlers = {
    'case.info': () => this.info(),
    'case.new': async () => {
      this.replaceCase(await Db.create(), null);
      return this.info();
    },
    'case.openDemo': async () => {
      const demo = await openDemoCase();
      this.replaceCase(demo.caseDb, null);
      this.verifyEvidence();
      return this.info();
    },
    'case.open': async ({ path }) => {
      this.replaceCase(await loadCase(path), path);
      this.verifyEvidence();
      return this.info();
    },
    'case.save': async ({ path }) => {
      const target = path ?? this.casePath;
      if (!target) throw new ApiFailure('INVALID_INPUT', 'this case has not been saved yet: choose a file name');
      if (this.jobs.running('import')) throw new ApiFailure('BUSY', 'an import is running: save when it has finished or cancel it');
      const bytes = await saveCase(this.caseDb, target);
      this.snapshots = new SnapshotStore(); // export() reopens the database
      this.casePath = target;
      this.dirty = false;
      return { path: target, bytes };
    },
    'import.start': ({ paths }) => {
      if (this.jobs.running('import')) throw new ApiFailure('BUSY', 'an import is already running');
      const db = this.caseDb;
      const jobId = this.jobs.start('import', async (signal, progress) => {
        const summary = await importFiles(db, paths, { signal, onProgress: progress });
        this.dirty = true;
        this.snapshots = new SnapshotStore();
        this.emit('case.changed', this.info());
        return summary;
      });
      return { jobId };
    },
    'import.errors': ({ sourceId, limit }) =>
      this.caseDb
        .all(`SELECT source_id, file, record_index, byte_offset, severity, message FROM import_errors ${sourceId === undefined ? '' : 'WHERE source_id = ?'} ORDER BY id LIMIT ?`, sourceId === undefined ? [limit] : [sourceId, limit])
        .map(([s, file, rec, off, severity, message]) => ({
          sourceId: s === null ? null : Number(s),
          file: file === null ? null : String(file),
          recordIndex: rec === null ? null : Number(rec),
          byteOffset: off === null ? null : Number(off),
          severity: String(severity),
          message: String(message),
        })),
    'jobs.cancel': ({ jobId }) => ({ cancelled: this.jobs.cancel(jobId) }),
    'query.snapshot': ({ filter, sort }) => this.snapshots.create(this.caseDb, filter, sort),
    'query.page': ({ snapshotId, from, count, columns }) => this.snapshots.page(this.caseDb, snapshotId, from, count, columns),
    'query.facets': (req) => facets(this.caseDb, req),
    'record.get': ({ rid }) => getRecord(this.caseDb, rid),
    'timeline.histogram': (req) => histogram(this.caseDb, req),
    'timeline.swimlanes': (req) => swimlanes(this.caseDb, req),
    'stats.overview': (req) => overview(this.caseDb, req),
  };
}
