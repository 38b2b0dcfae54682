// Hand-written Graph beta sign-ins for rule tests: a few fields per record, imported through the
// real pipeline so rules see exactly what an analyst's case holds.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaseDb } from '../../../../main/db/case-db';
import { importFiles } from '../../../../main/import/pipeline';
import { RULE_BY_ID } from '../../../../main/detections/registry';
import { resolveParams } from '../../../../main/detections/settings';
import type { Finding } from '../../../../shared/model/detection';
import { scalar } from '../../../helpers/sql';

export interface Place {
  city: string;
  country: string;
  lat: number;
  lon: number;
}

export const PLACES = {
  seattle: { city: 'Seattle', country: 'US', lat: 47.61, lon: -122.33 },
  portland: { city: 'Portland', country: 'US', lat: 45.52, lon: -122.68 },
  lagos: { city: 'Lagos', country: 'NG', lat: 6.52, lon: 3.38 },
  frankfurt: { city: 'Frankfurt am Main', country: 'DE', lat: 50.11, lon: 8.68 },
  paris: { city: 'Paris', country: 'FR', lat: 48.86, lon: 2.35 },
} satisfies Record<string, Place>;

export interface FixtureSignin {
  at: string; // ISO time
  user: string | null;
  ip: string;
  code?: number;
  asn?: number;
  place?: Place;
  /** Only "City, CC" as portal CSV exports have it: no coordinates. */
  placeTextOnly?: boolean;
  app?: string;
  appId?: string;
  client?: string;
  agent?: string;
  protocol?: string;
  failureReason?: string;
  additionalDetails?: string;
  mfaResult?: string;
  crossTenant?: string;
  homeTenant?: string;
  risk?: { level: string; state: string; events?: string[] };
  sessionId?: string;
  token?: string;
  /** Shared by the records of one sign-in attempt (an MFA interrupt and its answer). */
  correlationId?: string;
}

export const TENANT = '11111111-2222-3333-4444-555555555555';
let counter = 0;

/** The Graph beta JSON of one fixture sign-in. */
export function graphSignin(s: FixtureSignin): Record<string, unknown> {
  const n = ++counter;
  const place = s.place ?? PLACES.seattle;
  const code = s.code ?? 0;
  return {
    id: `req-${String(n).padStart(6, '0')}-${s.at}`,
    createdDateTime: s.at,
    userPrincipalName: s.user,
    userId: s.user ? `uid-${s.user}` : null,
    appId: s.appId ?? '00000002-0000-0ff1-ce00-000000000000',
    appDisplayName: s.app ?? 'Office 365 SharePoint Online',
    ipAddress: s.ip,
    clientAppUsed: s.client ?? 'Browser',
    userAgent: s.agent ?? 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/133.0.0.0',
    correlationId: s.correlationId ?? `corr-${n}`,
    isInteractive: true,
    signInEventTypes: ['interactiveUser'],
    autonomousSystemNumber: s.asn ?? 7922,
    authenticationProtocol: s.protocol ?? 'none',
    crossTenantAccessType: s.crossTenant ?? 'none',
    homeTenantId: s.homeTenant ?? TENANT,
    resourceTenantId: TENANT,
    riskLevelDuringSignIn: s.risk?.level ?? 'none',
    riskState: s.risk?.state ?? 'none',
    riskEventTypes_v2: s.risk?.events ?? [],
    sessionId: s.sessionId ?? `sess-${n}`,
    uniqueTokenIdentifier: s.token ?? `uti-${n}`,
    status: { errorCode: code, failureReason: s.failureReason ?? (code === 0 ? null : 'Fixture failure.'), additionalDetails: s.additionalDetails ?? null },
    location: { city: place.city, state: '', countryOrRegion: place.country, geoCoordinates: s.placeTextOnly ? {} : { latitude: place.lat, longitude: place.lon } },
    authenticationDetails: s.mfaResult
      ? [{ authenticationMethod: 'Mobile app notification', succeeded: code === 0, authenticationStepResultDetail: s.mfaResult, authenticationStepRequirement: 'Multi-factor authentication' }]
      : [],
  };
}

/** A case holding exactly these sign-ins (imported from a Graph JSON file in a temp dir). */
export async function fixtureCase(signins: readonly FixtureSignin[]): Promise<CaseDb> {
  const dir = mkdtempSync(join(tmpdir(), 'detections-fixture-'));
  const file = join(dir, 'signins.json');
  writeFileSync(file, JSON.stringify({ '@odata.context': 'https://graph.microsoft.com/beta/$metadata#auditLogs/signIns', value: signins.map(graphSignin) }));
  const db = await CaseDb.create();
  const summary = await importFiles(db, [file]);
  rmSync(dir, { recursive: true, force: true });
  if (summary.signins !== signins.length) throw new Error(`fixture import kept ${summary.signins} of ${signins.length} sign-ins`);
  return db;
}

/** ISO time `minutes` after a base time. */
export function after(base: string, minutes: number): string {
  return new Date(Date.parse(base) + minutes * 60_000).toISOString();
}

/** Request ids of a finding's supporting rids. */
export function requestIds(db: CaseDb, rids: readonly number[]): string[] {
  const out: string[] = [];
  for (const rid of rids) out.push(String(scalar(db, 'SELECT id FROM signin_data WHERE rid = ?', [rid])));
  return out;
}

/** Findings of one rule with its default thresholds, optionally overridden. */
export function findingsOf(db: CaseDb, ruleId: string, overrides: Record<string, number> = {}): Finding[] {
  const rule = RULE_BY_ID.get(ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  return rule.run(db, { ...resolveParams(rule, {}), ...overrides }, new AbortController().signal);
}
