// The database side of an import: stores new dictionary strings, rows and CSV authentication steps,
// committing in batches so queries can interleave with a running import.
import type { CaseDb, PreparedWrite } from '../db/case-db';
import { CELL, NUM, STR, STR_NULL } from '../db/row-spec';
import { STORED_COLUMNS } from '../db/schema';
import { forgetTally, tallyToContinue, warmGazetteerSoon, type IpEvidenceTally } from '../geo/enrich';
import { upgradeContentHashes } from './content-hash-upgrade';
import { authStepKey, type EncoderSeed, type StoredRow } from './signin-encoder';

const COMMIT_EVERY = 20_000;
/** Positions in a stored row of what the IP enrichment tallies. */
const [IP, LAT, LON, CITY, STATE, COUNTRY, ASN] = ['ip_address_k', 'latitude', 'longitude', 'city_k', 'state_k', 'country_k', 'asn'].map((c) => STORED_COLUMNS.indexOf(c)) as [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];
/** A cell as the table gives it back, when that is certain: null, or a finite number. */
const num = (v: string | number | null | undefined): number | null | undefined =>
  v === null || v === undefined ? null : typeof v === 'number' && Number.isFinite(v) && !Object.is(v, -0) ? v : undefined;

/** [request id, seq, step at, method, detail, requirement, succeeded, result, source id] */
export type AuthStepRow = [string, number, string | null, string | null, string | null, string | null, number | null, string | null, number];

export class RowInserter {
  private readonly insertRow: PreparedWrite;
  private insertStep: PreparedWrite | undefined;
  private pending = 0;
  private tally: IpEvidenceTally | null;

  constructor(private readonly caseDb: CaseDb) {
    this.tally = tallyToContinue(caseDb);
    const placeholders = STORED_COLUMNS.map(() => '?').join(', ');
    this.insertRow = caseDb.prepareWrite(`INSERT INTO signin_data (${STORED_COLUMNS.join(', ')}) VALUES (${placeholders})`);
    // one transaction spans many `insert` calls (committed every COMMIT_EVERY rows), so not `caseDb.transaction`
    caseDb.exec('BEGIN');
  }

  /** What a new encoder needs to continue this case's dictionary and deduplication. */
  seed(): EncoderSeed {
    upgradeContentHashes(this.caseDb);
    return {
      strings: this.caseDb.strings.entries(),
      nextStringId: this.caseDb.strings.nextFreeId,
      // content and overlap hashes are set on every row (by the import, or the upgrade just above)
      known: this.caseDb
        .tuples('SELECT d.id, d.content_hash, d.overlap_hash, s.value FROM signin_data d LEFT JOIN strings s ON s.id = d.source_format_k WHERE d.id IS NOT NULL', [], [STR, NUM, NUM, STR_NULL])
        .map(([id, content, overlap, shape]) => [id, content, overlap, shape ?? '']),
      // CELL keeps each value as stored: the step key is the JSON of them, as the import computes it
      knownSteps: this.caseDb
        .tuples(
          'SELECT request_id, NULL, step_at, method, method_detail, requirement, succeeded, result_detail, count(*) FROM csv_auth_steps GROUP BY 1, 3, 4, 5, 6, 7, 8',
          [],
          [CELL, CELL, CELL, CELL, CELL, CELL, CELL, CELL, NUM],
        )
        .map((step) => [authStepKey(step), step[8]]),
    };
  }

  insert(newStrings: readonly [number, string][], rows: readonly StoredRow[]): void {
    for (const [id, value] of newStrings) this.caseDb.strings.adopt(id, value);
    for (const row of rows) this.insertRow.run(row);
    if (this.tally) this.tallyRows(rows);
    this.pending += rows.length;
    if (this.pending >= COMMIT_EVERY) this.commit();
  }

  /** Enrichment evidence as the rows arrive (this thread mostly waits on the parser meanwhile). */
  private tallyRows(rows: readonly StoredRow[]): void {
    for (const r of rows) {
      const [ipK, lat, lon, cityK, stateK, countryK, asn] = [num(r[IP]), num(r[LAT]), num(r[LON]), num(r[CITY]), num(r[STATE]), num(r[COUNTRY]), num(r[ASN])];
      if (ipK === undefined || lat === undefined || lon === undefined || cityK === undefined || stateK === undefined || countryK === undefined || asn === undefined) {
        // a value the table would keep as something else (text, NaN as NULL): the enrichment scans instead
        forgetTally(this.caseDb);
        this.tally = null;
        return;
      }
      this.tally!.add(ipK, lat, lon, cityK, stateK, countryK, asn);
    }
    if (this.tally?.needsGazetteer) warmGazetteerSoon();
  }

  insertAuthSteps(steps: readonly AuthStepRow[]): void {
    if (!steps.length) return;
    this.insertStep ??= this.caseDb.prepareWrite(
      'INSERT INTO csv_auth_steps (request_id, seq, step_at, method, method_detail, requirement, succeeded, result_detail, source_id) VALUES (?,?,?,?,?,?,?,?,?)',
    );
    for (const s of steps) this.insertStep.run(s);
  }

  commit(): void {
    this.caseDb.exec('COMMIT; BEGIN');
    this.pending = 0;
  }

  finish(): void {
    this.caseDb.exec('COMMIT');
    this.insertRow.free();
    this.insertStep?.free();
  }
}
