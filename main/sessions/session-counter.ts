// Build-time fold of one correlation id's sign-ins (in any order: table order in the build) into the
// numbers `session_data` keeps: times, distinct counts, final outcome and the flags. Works on string
// ids, so the scan of millions of rows touches almost no text.
import type { SessionFlag } from '../../shared/model/session';

/** One sign-in as the build scan reads it (ids are `strings` ids). */
export interface CountedRow {
  rid: number;
  ms: number;
  userK: number | null;
  appK: number | null;
  ipK: number | null;
  country: string | null;
  asn: number | null;
  deviceK: number | null;
  /** OS + browser family: the client when the log has no device id. */
  client: string | null;
  statusK: number | null;
  code: number | null;
  /** Flags this row raises on its own (protocol, MFA by claim). */
  rowFlags: readonly SessionFlag[];
}

export interface SessionCounts {
  /** The first sign-in in (time, rid) order: it names the session's correlation id. */
  firstRid: number;
  firstMs: number;
  lastMs: number;
  rows: number;
  /** The last sign-in's user and outcome. */
  userK: number | null;
  finalStatusK: number | null;
  finalCode: number | null;
  users: number;
  apps: number;
  ips: number;
  countries: string[];
  flags: Set<SessionFlag>;
}

export class SessionCounter {
  // Sessions hold a handful of distinct values: small arrays beat Sets (millions of sessions).
  private readonly users: number[] = [];
  private readonly apps: number[] = [];
  private readonly ips: number[] = [];
  private readonly countries: string[] = [];
  private readonly asns: number[] = [];
  private readonly devices: number[] = [];
  private readonly clients: string[] = [];
  private readonly flags = new Set<SessionFlag>();
  private firstMs = Number.POSITIVE_INFINITY;
  private rows = 0;
  private last: CountedRow | null = null;

  /** `firstRid`: the session's first sign-in by (time, rid), which names its correlation id. */
  constructor(private readonly firstRid: number) {}

  add(row: CountedRow): void {
    this.rows++;
    this.firstMs = Math.min(this.firstMs, row.ms);
    // the last sign-in by (time, rid), whatever order the rows come in
    if (!this.last || row.ms > this.last.ms || (row.ms === this.last.ms && row.rid > this.last.rid)) this.last = row;
    addDistinct(this.users, row.userK);
    addDistinct(this.apps, row.appK);
    addDistinct(this.ips, row.ipK);
    addDistinct(this.countries, row.country?.toUpperCase() ?? null);
    addDistinct(this.asns, row.asn);
    addDistinct(this.devices, row.deviceK);
    addDistinct(this.clients, row.client);
    for (const f of row.rowFlags) this.flags.add(f);
  }

  finish(): SessionCounts {
    if (this.ips.length > 1) this.flags.add('ipChange');
    if (this.countries.length > 1) this.flags.add('countryChange');
    if (this.asns.length > 1) this.flags.add('asnChange');
    // Rows without device details (often the non-interactive ones) do not count as another device.
    if (this.devices.length > 1 || this.clients.length > 1) this.flags.add('deviceChange');
    if (this.users.length > 1) this.flags.add('multiUser');
    return {
      firstRid: this.firstRid,
      firstMs: this.firstMs,
      lastMs: this.last?.ms ?? this.firstMs,
      rows: this.rows,
      userK: this.last?.userK ?? null,
      finalStatusK: this.last?.statusK ?? null,
      finalCode: this.last?.code ?? null,
      users: this.users.length,
      apps: this.apps.length,
      ips: this.ips.length,
      countries: this.countries,
      flags: this.flags,
    };
  }
}

function addDistinct<T>(list: T[], value: T | null): void {
  if (value !== null && value !== '' && !list.includes(value)) list.push(value);
}
