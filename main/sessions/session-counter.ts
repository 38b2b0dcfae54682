// Build-time fold of one correlation id's sign-ins (in any order: table order in the build) into the
// numbers `session_data` keeps: times, distinct counts, final outcome and the flags. Works on string
// ids, so the scan of millions of rows touches almost no text.
import { SESSION_FLAGS, type SessionFlag } from '../../shared/model/session';

/** One sign-in as the build scan reads it (ids are `strings` ids). */
export interface CountedRow {
  rid: number;
  ms: number;
  userK: number | null;
  appK: number | null;
  ipK: number | null;
  /** Upper-cased. */
  country: string | null;
  asn: number | null;
  deviceK: number | null;
  /** OS + browser family: the client when the log has no device id. */
  client: string | null;
  statusK: number | null;
  code: number | null;
  /** Flags this row raises on its own (protocol, MFA by claim), as bits of SESSION_FLAGS. */
  rowFlags: number;
}

const FLAG = Object.fromEntries(SESSION_FLAGS.map((f, i) => [f, 1 << i])) as Record<SessionFlag, number>;

/**
 * Every session's numbers, in typed arrays by session index (NULL as -1 for ids, NaN for codes):
 * a million sessions held as objects with their own sets and arrays cost the garbage collector more
 * than the fold itself.
 */
export class SessionResults {
  readonly firstRid: Int32Array;
  readonly firstMs: Float64Array;
  readonly lastMs: Float64Array;
  readonly rows: Int32Array;
  readonly userK: Int32Array;
  readonly finalStatusK: Int32Array;
  readonly finalCode: Float64Array;
  readonly users: Int32Array;
  readonly apps: Int32Array;
  readonly ips: Int32Array;
  readonly countryCount: Int32Array;
  readonly flagBits: Int32Array;
  /** A session's countries: its only one, or the list of several (null: none). */
  private readonly countries: (string | string[] | null)[];

  constructor(readonly size: number) {
    this.firstRid = new Int32Array(size);
    this.firstMs = new Float64Array(size);
    this.lastMs = new Float64Array(size);
    this.rows = new Int32Array(size);
    this.userK = new Int32Array(size);
    this.finalStatusK = new Int32Array(size);
    this.finalCode = new Float64Array(size);
    this.users = new Int32Array(size);
    this.apps = new Int32Array(size);
    this.ips = new Int32Array(size);
    this.countryCount = new Int32Array(size);
    this.flagBits = new Int32Array(size);
    this.countries = new Array<string | string[] | null>(size).fill(null);
  }

  countriesOf(i: number): readonly string[] {
    const c = this.countries[i];
    return c === null || c === undefined ? [] : typeof c === 'string' ? [c] : c;
  }

  /** @internal SessionCounter.finishInto */
  setCountries(i: number, first: string | null, more: string[] | null): void {
    this.countries[i] = first === null ? null : more === null ? first : [first, ...more];
  }
}

/** Folds one session's rows; reused for the next session after finishInto (no allocation per session). */
export class SessionCounter {
  // Most sessions hold one value of each: the first needs no array, the others go to a small array
  // (beats a Set at these sizes).
  private readonly users = new Distinct<number>();
  private readonly apps = new Distinct<number>();
  private readonly ips = new Distinct<number>();
  private readonly countries = new Distinct<string>();
  private readonly asns = new Distinct<number>();
  private readonly devices = new Distinct<number>();
  private readonly clients = new Distinct<string>();
  private flags = 0;
  private firstMs = Number.POSITIVE_INFINITY;
  private rows = 0;
  private last: CountedRow | null = null;

  /** `firstRid`: the session's first sign-in by (time, rid), which names its correlation id. */
  constructor(private firstRid: number) {}

  add(row: CountedRow): void {
    this.rows++;
    this.firstMs = Math.min(this.firstMs, row.ms);
    // the last sign-in by (time, rid), whatever order the rows come in
    if (!this.last || row.ms > this.last.ms || (row.ms === this.last.ms && row.rid > this.last.rid)) this.last = row;
    this.users.add(row.userK);
    this.apps.add(row.appK);
    this.ips.add(row.ipK);
    this.countries.add(row.country);
    this.asns.add(row.asn);
    this.devices.add(row.deviceK);
    this.clients.add(row.client);
    this.flags |= row.rowFlags;
  }

  /** Writes the session's numbers as session `i` of `out`. */
  finishInto(out: SessionResults, i: number): void {
    let flags = this.flags;
    if (this.ips.size > 1) flags |= FLAG.ipChange;
    if (this.countries.size > 1) flags |= FLAG.countryChange;
    if (this.asns.size > 1) flags |= FLAG.asnChange;
    // Rows without device details (often the non-interactive ones) do not count as another device.
    if (this.devices.size > 1 || this.clients.size > 1) flags |= FLAG.deviceChange;
    if (this.users.size > 1) flags |= FLAG.multiUser;
    const last = this.last;
    out.firstRid[i] = this.firstRid;
    out.firstMs[i] = this.firstMs;
    out.lastMs[i] = last?.ms ?? this.firstMs;
    out.rows[i] = this.rows;
    out.userK[i] = last?.userK ?? -1;
    out.finalStatusK[i] = last?.statusK ?? -1;
    out.finalCode[i] = last?.code ?? Number.NaN;
    out.users[i] = this.users.size;
    out.apps[i] = this.apps.size;
    out.ips[i] = this.ips.size;
    out.countryCount[i] = this.countries.size;
    out.flagBits[i] = flags;
    out.setCountries(i, this.countries.first, this.countries.more);
  }

  /** Starts over for another session. */
  reset(firstRid: number): void {
    this.users.clear();
    this.apps.clear();
    this.ips.clear();
    this.countries.clear();
    this.asns.clear();
    this.devices.clear();
    this.clients.clear();
    this.flags = 0;
    this.firstMs = Number.POSITIVE_INFINITY;
    this.rows = 0;
    this.last = null;
    this.firstRid = firstRid;
  }
}

/** Distinct values, NULL and '' left out. */
class Distinct<T extends number | string> {
  first: T | null = null;
  more: T[] | null = null;

  add(value: T | null): void {
    if (value === null || value === '' || value === this.first) return;
    if (this.first === null) this.first = value;
    else if (this.more === null) this.more = [value];
    else if (!this.more.includes(value)) this.more.push(value);
  }

  get size(): number {
    return this.first === null ? 0 : 1 + (this.more?.length ?? 0);
  }

  clear(): void {
    this.first = null;
    this.more = null;
  }
}
