// Writes normalized sign-ins into `signin_data`: dictionary-encodes repeated text, drops duplicates
// across overlapping files, and commits in batches so queries can interleave with a running import.
import type { Statement } from 'sql.js';
import { COLUMNS } from '../../shared/model/columns';
import type { CaseDb } from '../db/case-db';
import { STORED_COLUMNS } from '../db/schema';
import { Deduplicator, fingerprint, fnv1a, type DedupeVerdict } from './dedupe';
import type { NormalizedSignin } from './normalize/signin-record';

const BATCH = 5000;

export interface RawLocation {
  sourceId: number;
  recordIndex: number;
  offset: number;
  length: number;
  /** Text of the record, only needed to fingerprint records that have no request id. */
  rawText?: () => string;
}

export class SigninWriter {
  private readonly insert: Statement;
  private readonly dedupe = new Deduplicator();
  private pending = 0;
  private readonly row: (string | number | null)[] = new Array(STORED_COLUMNS.length).fill(null);

  constructor(private readonly caseDb: CaseDb) {
    const placeholders = STORED_COLUMNS.map(() => '?').join(', ');
    this.insert = caseDb.db.prepare(`INSERT INTO signin_data (${STORED_COLUMNS.join(', ')}) VALUES (${placeholders})`);
    // A case that already holds sign-ins (a second import) must dedupe against them too.
    for (const [id, hash] of caseDb.all('SELECT id, content_hash FROM signin_data WHERE id IS NOT NULL')) {
      this.dedupe.remember(String(id), Number(hash));
    }
    caseDb.db.exec('BEGIN');
  }

  write(signin: NormalizedSignin, raw: RawLocation): DedupeVerdict {
    const v = signin.values;
    const print = fingerprint(v);
    const key = typeof v.id === 'string' ? v.id : `#${v.created_at ?? ''}:${fnv1a(raw.rawText?.() ?? '')}`;
    const verdict = this.dedupe.check(key, print);
    if (verdict === 'duplicate') return verdict;
    const strings = this.caseDb.strings;
    const row = this.row;
    let i = 0;
    for (const col of COLUMNS) {
      const value = col.key === 'source_id' ? raw.sourceId : (v[col.key] ?? null);
      row[i++] = col.storage === 'dict' ? strings.intern(value === null ? null : String(value)) : value;
    }
    row[i++] = print;
    row[i++] = raw.recordIndex;
    row[i++] = raw.offset;
    row[i++] = raw.length;
    row[i++] = signin.authSteps ? strings.intern(JSON.stringify(signin.authSteps)) : null;
    row[i++] = signin.caPolicies ? strings.intern(JSON.stringify(signin.caPolicies)) : null;
    row[i++] = strings.intern(signin.timeSource);
    this.insert.run(row);
    if (++this.pending >= BATCH) this.commit();
    return verdict;
  }

  /** Makes written rows durable in the database (and visible to an export) without ending the import. */
  commit(): void {
    this.caseDb.db.exec('COMMIT; BEGIN');
    this.pending = 0;
  }

  finish(): void {
    this.caseDb.db.exec('COMMIT');
    this.insert.free();
  }
}
