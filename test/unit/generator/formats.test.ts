// Every writer's output parses with a real parser and carries the documented shape and headers.
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDemoSet, type DemoManifest } from '../../../main/generator/demo-set';
import type { FormatId } from '../../../main/generator/writers/formats';
import { tempDir } from '../../helpers/temp-files';
import { parseCsv, readText, recordsOf, requestIdOf, splitConcatenatedJson, stripBom } from './read-output';

// Header rows exactly as quoted in shared/docs/formats-and-fields.md section 2a / 2c.
const INTERACTIVE_HEADER =
  '"Date (UTC)","Request ID","User agent","Correlation ID","User ID","User","Username","User type","Cross tenant access type","Incoming token type","Authentication Protocol","Unique token identifier","Original transfer method","Client credential type","Token Protection - Sign In Session","Token Protection - Sign In Session StatusCode","Application","Application ID ","Resource","Resource ID ","Resource tenant ID","Home tenant ID","Home tenant name","IP address","Location","Status","Sign-in error code","Failure reason","Client app","Device ID","Browser","Operating System","Compliant","Managed","Join Type","Multifactor authentication result","Multifactor authentication auth method","Multifactor authentication auth detail","Authentication requirement","Sign-in identifier","Session ID","IP address (seen by resource)","Through Global Secure Access","Global Secure Access IP address","Autonomous system  number","Flagged for review","Token issuer type","Incoming token type","Token issuer name","Latency","Conditional Access","Managed Identity type","Associated Resource Id","Federated Token Id","Federated Token Issuer"';
const APPLICATION_HEADER =
  'Date (UTC),Request ID,Correlation ID,Service principal ID,Service principal name,Credential key ID,Credential thumbprint,Application,Application ID ,App owner tenant ID,Resource,Resource ID ,Resource tenant ID,Resource owner tenant ID,Home tenant ID,Home tenant name,IP address,Location,Status,Sign-in error code,Failure reason,Conditional Access';
const AUTH_DETAILS_HEADER = 'Request ID,Date (UTC),Authentication method,Authentication method detail,Requirement,Succeeded,Result detail';

const quoteAll = (plain: string): string =>
  plain
    .split(',')
    .map((h) => `"${h}"`)
    .join(',');

let manifest: DemoManifest;
const files = new Map<FormatId, string>();
const tmp = tempDir('generator-formats-');

beforeAll(async () => {
  manifest = await writeDemoSet(tmp.dir, { seed: 11, users: 25, days: 2 });
  for (const f of manifest.files) files.set(f.format, readText(f.path));
});

describe('demo set files', () => {
  it('writes one non-empty file per format and counts what it wrote', () => {
    expect(manifest.files).toHaveLength(15);
    for (const f of manifest.files) {
      expect(f.records, f.format).toBeGreaterThan(0);
      const records = recordsOf(f.format, files.get(f.format)!);
      if (f.format !== 'portal-authdetails-csv') expect(records.length, f.format).toBe(f.records);
    }
  });

  it('Graph beta: several pages back to back, nextLink on all but the last', () => {
    const pages = files
      .get('graph-beta')!
      .trim()
      .split('\n')
      .map((p) => JSON.parse(p) as Record<string, unknown>);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((p, i) => {
      expect(p['@odata.context']).toBe('https://graph.microsoft.com/beta/$metadata#auditLogs/signIns');
      expect(Array.isArray(p.value)).toBe(true);
      expect('@odata.nextLink' in p).toBe(i < pages.length - 1);
    });
    const first = (pages[0]!.value as Record<string, unknown>[])[0]!;
    expect(first.createdDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(first).toHaveProperty('signInEventTypes');
    expect(first).toHaveProperty('authenticationDetails');
    const times = recordsOf('graph-beta', files.get('graph-beta')!).map((r) => r.createdDateTime as string);
    expect([...times].sort().reverse()).toEqual(times); // newest first, like Graph
  });

  it('Graph v1.0 omits the beta-only properties', () => {
    const recs = recordsOf('graph-v1', files.get('graph-v1')!);
    expect(files.get('graph-v1')!).toContain('https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns');
    for (const r of recs) {
      expect(r).not.toHaveProperty('signInEventTypes');
      expect(r).not.toHaveProperty('userAgent');
      expect(typeof r.isInteractive).toBe('boolean');
    }
  });

  it('PowerShell 5.1 arrays: BOM, CRLF, concatenated arrays, two spaces after the colon', () => {
    const text = files.get('ps-arrays')!;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('\r\n');
    expect(text).toContain('"id":  "');
    expect(() => JSON.parse(stripBom(text))).toThrow(); // not one JSON document
    const arrays = splitConcatenatedJson(stripBom(text));
    expect(arrays.length).toBeGreaterThan(1);
    expect(arrays.every(Array.isArray)).toBe(true);
  });

  it('JSONL, bare array and admin-center JSON hold Graph objects', () => {
    for (const f of ['jsonl', 'json-array', 'portal-json'] as const) {
      for (const r of recordsOf(f, files.get(f)!)) expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('diagnostic records: top-level envelope, camelCase properties, diagnostic quirks', () => {
    const recs = [...recordsOf('diag-jsonl', files.get('diag-jsonl')!), ...recordsOf('diag-eventhub', files.get('diag-eventhub')!)];
    const cats = new Set(['SignInLogs', 'NonInteractiveUserSignInLogs', 'ServicePrincipalSignInLogs', 'ManagedIdentitySignInLogs']);
    for (const r of recs) {
      expect(r.operationName).toBe('Sign-in activity');
      expect(cats.has(r.category as string)).toBe(true);
      expect(typeof r.resultType).toBe('string');
      expect(r.resourceId).toBe(`/tenants/${manifest.groundTruth.tenantId}/providers/Microsoft.aadiam`);
      expect(r.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
      const p = r.properties as Record<string, unknown>;
      expect(p.createdDateTime).toMatch(/\.\d{7}\+00:00$/);
      expect(r.callerIpAddress).toBe(p.ipAddress);
      for (const pol of p.appliedConditionalAccessPolicies as Record<string, unknown>[]) expect(typeof pol.conditionsSatisfied).toBe('number');
    }
    expect(files.get('diag-eventhub')!.startsWith('{"records":[')).toBe(true);
  });

  it('Log Analytics JSON: PascalCase rows, dynamic columns as strings, ingestion after creation', () => {
    const rows = recordsOf('la-json', files.get('la-json')!);
    const tables = new Set(['SigninLogs', 'AADNonInteractiveUserSignInLogs', 'AADServicePrincipalSignInLogs', 'AADManagedIdentitySignInLogs']);
    for (const r of rows) {
      expect(tables.has(r.Type as string)).toBe(true);
      expect(typeof r.ResultType).toBe('string');
      for (const c of ['LocationDetails', 'DeviceDetail', 'Status', 'AuthenticationDetails', 'ConditionalAccessPolicies']) {
        expect(typeof r[c], c).toBe('string');
        JSON.parse(r[c] as string);
      }
      const lag = Date.parse(r.TimeGenerated as string) - Date.parse(r.CreatedDateTime as string);
      expect(lag).toBeGreaterThanOrEqual(20_000);
      expect(lag).toBeLessThanOrEqual(360_000);
    }
  });

  it('Log Analytics CSV: "[UTC]" date columns in US format, JSON text in nested columns', () => {
    const [header, ...rows] = parseCsv(files.get('la-csv')!);
    expect(header).toContain('TimeGenerated [UTC]');
    expect(header).toContain('CreatedDateTime [UTC]');
    const t = header!.indexOf('TimeGenerated [UTC]');
    const d = header!.indexOf('DeviceDetail');
    for (const r of rows) {
      expect(r[t]).toMatch(/^\d{1,2}\/\d{1,2}\/\d{4}, \d{1,2}:\d\d:\d\d\.\d{3} (AM|PM)$/);
      expect(JSON.parse(r[d]!)).toHaveProperty('deviceId');
    }
  });

  it('portal user CSVs: exact 55-column header (trailing space, double space, duplicate), BOM, all fields quoted', () => {
    for (const f of ['portal-interactive-csv', 'portal-noninteractive-csv'] as const) {
      const text = files.get(f)!;
      expect(text.charCodeAt(0)).toBe(0xfeff);
      expect(stripBom(text).split('\r\n')[0]).toBe(INTERACTIVE_HEADER);
      const [header, ...rows] = parseCsv(text);
      expect(header).toHaveLength(55);
      expect(header!.filter((h) => h === 'Incoming token type')).toHaveLength(2);
      expect(header).toContain('Application ID ');
      expect(header).toContain('Autonomous system  number');
      for (const r of rows) {
        expect(r).toHaveLength(55);
        expect(r[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
        expect(r[24]).toMatch(/^(.+, .*, [A-Z]{2})?$/);
        expect(['Success', 'Failure', 'Interrupted']).toContain(r[25]);
      }
      // every field quoted, including empty ones
      expect(stripBom(text).split('\r\n')[1]).toMatch(/^"[^"]/);
      expect(stripBom(text)).toContain(',"",');
    }
  });

  it('portal application, MSI and AuthDetails CSVs have their headers', () => {
    expect(stripBom(files.get('portal-application-csv')!).split('\r\n')[0]).toBe(quoteAll(APPLICATION_HEADER));
    expect(stripBom(files.get('portal-msi-csv')!).split('\r\n')[0]).toBe(quoteAll(`${APPLICATION_HEADER},Managed Identity type,Associated Resource Id`));
    expect(stripBom(files.get('portal-authdetails-csv')!).split('\r\n')[0]).toBe(quoteAll(AUTH_DETAILS_HEADER));
    const [, ...steps] = parseCsv(files.get('portal-authdetails-csv')!);
    const interactiveIds = new Set(recordsOf('portal-interactive-csv', files.get('portal-interactive-csv')!).map((r) => r['Request ID']));
    for (const s of steps) expect(interactiveIds.has(s[0])).toBe(true);
    const msi = parseCsv(files.get('portal-msi-csv')!).slice(1);
    expect(msi.every((r) => r.length === 24 && ['systemAssigned', 'userAssigned'].includes(r[22]!))).toBe(true);
  });

  it('covers every planted sign-in, with overlaps between files', () => {
    const seen = new Map<string, number>();
    for (const f of manifest.files) {
      if (f.format === 'portal-authdetails-csv') continue;
      for (const r of recordsOf(f.format, files.get(f.format)!)) {
        const id = requestIdOf(f.format, r);
        seen.set(id, (seen.get(id) ?? 0) + 1);
      }
    }
    for (const a of manifest.groundTruth.attacks) for (const id of a.requestIds) expect(seen.has(id), `${a.kind} ${id}`).toBe(true);
    const betaIds = new Set(recordsOf('graph-beta', files.get('graph-beta')!).map((r) => r.id));
    const diagIds = recordsOf('diag-jsonl', files.get('diag-jsonl')!).map((r) => requestIdOf('diag-jsonl', r));
    expect(diagIds.some((id) => betaIds.has(id))).toBe(true);
    expect([...seen.values()].some((n) => n > 1)).toBe(true);
  });
});
