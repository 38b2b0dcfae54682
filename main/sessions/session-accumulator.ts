// Folds the sign-ins of one correlation id (in time order) into its summary and flags.
import type { SessionFlag } from '../../shared/model/session';
import type { RowStep } from './row-auth-steps';

export interface SessionRow {
  rid: number;
  ms: number;
  user: string | null;
  app: string | null;
  resource: string | null;
  ip: string | null;
  country: string | null;
  asn: number | null;
  deviceId: string | null;
  deviceName: string | null;
  /** "Windows 10 / Edge": the client when the log has no device id. */
  client: string | null;
  status: string | null;
  code: number | null;
  failureReason: string | null;
  protocol: string | null;
  steps: RowStep[];
}

export interface SessionRecord {
  correlationId: string;
  firstMs: number;
  lastMs: number;
  user: string;
  users: number;
  apps: string[];
  resources: string[];
  ips: string[];
  countries: string[];
  devices: string[];
  appCount: number;
  ipCount: number;
  countryCount: number;
  rows: number;
  rids: number[];
  authSteps: { method: string; succeeded: boolean | null; detail: string | null }[];
  finalStatus: string;
  finalCode: number | null;
  flags: Set<SessionFlag>;
}

const MAX_LISTED = 20;
const MAX_STEPS = 12;
const MFA_BY_CLAIM = /MFA requirement satisfied by claim/i;
const PROTOCOL_FLAGS: Record<string, SessionFlag> = { devicecode: 'deviceCode', ropc: 'ropc', authenticationtransfer: 'authTransfer' };

export class SessionAccumulator {
  private readonly users = new Map<string, number>();
  private readonly apps = new Set<string>();
  private readonly resources = new Set<string>();
  private readonly ips = new Set<string>();
  private readonly countries = new Set<string>();
  private readonly asns = new Set<number>();
  private readonly deviceIds = new Set<string>();
  private readonly clients = new Set<string>();
  private readonly deviceLabels = new Set<string>();
  private readonly steps: SessionRecord['authSteps'] = [];
  private readonly stepKeys = new Set<string>();
  private readonly flags = new Set<SessionFlag>();
  private readonly rids: number[] = [];
  private firstMs = Number.POSITIVE_INFINITY;
  private lastMs = Number.NEGATIVE_INFINITY;
  private last: SessionRow | null = null;

  constructor(readonly correlationId: string) {}

  add(row: SessionRow): void {
    this.rids.push(row.rid);
    this.firstMs = Math.min(this.firstMs, row.ms);
    if (row.ms >= this.lastMs) {
      this.lastMs = row.ms;
      this.last = row;
    }
    if (row.user) this.users.set(row.user, (this.users.get(row.user) ?? 0) + 1);
    if (row.app) this.apps.add(row.app);
    if (row.resource) this.resources.add(row.resource);
    if (row.ip) this.ips.add(row.ip);
    if (row.country) this.countries.add(row.country.toUpperCase());
    if (row.asn !== null) this.asns.add(row.asn);
    if (row.deviceId) this.deviceIds.add(row.deviceId);
    if (row.client) this.clients.add(row.client);
    const label = row.deviceName ?? row.client;
    if (label) this.deviceLabels.add(label);
    const protocol = PROTOCOL_FLAGS[(row.protocol ?? '').toLowerCase().replace(/[^a-z]/g, '')];
    if (protocol) this.flags.add(protocol);
    if ([row.failureReason, ...row.steps.map((s) => s.result)].some((t) => t && MFA_BY_CLAIM.test(t))) this.flags.add('mfaByClaim');
    for (const s of row.steps) this.addStep(s);
  }

  private addStep(s: RowStep): void {
    // Each row of a flow repeats the steps already done: keep each distinct step once, in order.
    const key = `${s.method}|${s.succeeded}|${s.result}`;
    if (this.stepKeys.has(key) || this.steps.length >= MAX_STEPS) return;
    this.stepKeys.add(key);
    this.steps.push({ method: s.method, succeeded: s.succeeded, detail: s.result });
  }

  finish(): SessionRecord {
    if (this.ips.size > 1) this.flags.add('ipChange');
    if (this.countries.size > 1) this.flags.add('countryChange');
    if (this.asns.size > 1) this.flags.add('asnChange');
    if (this.deviceIds.size > 1 || this.clients.size > 1) this.flags.add('deviceChange');
    if (this.users.size > 1) this.flags.add('multiUser');
    const user = [...this.users].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
    return {
      correlationId: this.correlationId,
      firstMs: this.firstMs,
      lastMs: this.lastMs,
      user,
      users: this.users.size,
      apps: listed(this.apps),
      resources: listed(this.resources),
      ips: listed(this.ips),
      countries: listed(this.countries),
      devices: listed(this.deviceLabels),
      appCount: this.apps.size,
      ipCount: this.ips.size,
      countryCount: this.countries.size,
      rows: this.rids.length,
      rids: this.rids,
      authSteps: this.steps,
      finalStatus: this.last?.status ?? '',
      finalCode: this.last?.code ?? null,
      flags: this.flags,
    };
  }
}

function listed(values: Set<string>): string[] {
  return [...values].slice(0, MAX_LISTED);
}
