// Build-time fold of one correlation id's sign-ins (in time order) into the numbers the `sessions`
// table keeps: times, distinct counts, final outcome and the flags. Works on string ids, so the
// scan of millions of rows touches almost no text.
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
  correlationId: string;
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
  private readonly users = new Set<number>();
  private readonly apps = new Set<number>();
  private readonly ips = new Set<number>();
  private readonly countries = new Set<string>();
  private readonly asns = new Set<number>();
  private readonly devices = new Set<number>();
  private readonly clients = new Set<string>();
  private readonly flags = new Set<SessionFlag>();
  private firstMs = Number.POSITIVE_INFINITY;
  private rows = 0;
  private last: CountedRow | null = null;

  constructor(readonly correlationId: string) {}

  add(row: CountedRow): void {
    this.rows++;
    this.firstMs = Math.min(this.firstMs, row.ms);
    if (!this.last || row.ms >= this.last.ms) this.last = row;
    if (row.userK !== null) this.users.add(row.userK);
    if (row.appK !== null) this.apps.add(row.appK);
    if (row.ipK !== null) this.ips.add(row.ipK);
    if (row.country) this.countries.add(row.country.toUpperCase());
    if (row.asn !== null) this.asns.add(row.asn);
    if (row.deviceK !== null) this.devices.add(row.deviceK);
    if (row.client) this.clients.add(row.client);
    for (const f of row.rowFlags) this.flags.add(f);
  }

  finish(): SessionCounts {
    if (this.ips.size > 1) this.flags.add('ipChange');
    if (this.countries.size > 1) this.flags.add('countryChange');
    if (this.asns.size > 1) this.flags.add('asnChange');
    // Rows without device details (often the non-interactive ones) do not count as another device.
    if (this.devices.size > 1 || this.clients.size > 1) this.flags.add('deviceChange');
    if (this.users.size > 1) this.flags.add('multiUser');
    return {
      correlationId: this.correlationId,
      firstMs: this.firstMs,
      lastMs: this.last?.ms ?? this.firstMs,
      rows: this.rows,
      userK: this.last?.userK ?? null,
      finalStatusK: this.last?.statusK ?? null,
      finalCode: this.last?.code ?? null,
      users: this.users.size,
      apps: this.apps.size,
      ips: this.ips.size,
      countries: [...this.countries],
      flags: this.flags,
    };
  }
}
