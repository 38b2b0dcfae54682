// Triage import keeps exactly what a full import of the same files, filtered afterwards, holds: the
// same rows with the same values and the same sessions. The filter afterwards is written here on its
// own (SQL rows, plain comparisons), not with the importer's matcher.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { refreshDerivedData } from '../../../main/cases/derived-data';
import { CaseDb } from '../../../main/db/case-db';
import { writeDemoSet } from '../../../main/generator/demo-set';
import { countVersions } from '../../../main/import/content-hash-upgrade';
import { importFiles } from '../../../main/import/pipeline';
import { partialImportOf } from '../../../main/import/triage/triage-manifest';
import { inRange, parseIp, parseRange } from '../../../main/query/ip-address';
import { ImportFilter } from '../../../shared/model/import-filter';
import { graphSignin } from '../../helpers/graph-records';
import { tempDir } from '../../helpers/temp-files';
import { all, scalar } from '../../helpers/sql';

const tmp = tempDir('triage-import-');

type Row = Record<string, string | number | null>;

/** Every column of every sign-in except the row id, with its time in ms, in a stable order. */
function dumpRows(db: CaseDb): Row[] {
  return db
    .cellObjects('SELECT s.*, d.created_ms AS created_ms FROM signins s JOIN signin_data d ON d.rid = s.rid', [])
    .map((o) => Object.fromEntries(Object.entries(o).filter(([c]) => c !== 'rid')) as Row)
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** The filter's meaning, written independently: A-Z folded, exact names and ids, ranges, inclusive bounds. */
function matches(row: Row, f: ImportFilter): boolean {
  const low = (v: unknown) => (typeof v === 'string' ? v.replace(/[A-Z]/g, (c) => c.toLowerCase()) : null);
  const any = (items: string[] | undefined, ...values: unknown[]) => !items?.length || items.some((i) => values.some((v) => low(v) === low(i)));
  const ip = typeof row.ip_address === 'string' ? parseIp(row.ip_address) : null;
  const t = row.created_ms as number | null;
  return (
    any(f.users, row.user_principal_name, row.user_id) &&
    any(f.apps, row.app_display_name, row.app_id) &&
    (!f.ips?.length || (ip !== null && f.ips.some((r) => inRange(ip, parseRange(r)!)))) &&
    (f.from === undefined || (t !== null && t >= Date.parse(f.from))) &&
    (f.to === undefined || (t !== null && t <= Date.parse(f.to)))
  );
}

function sessionCount(db: CaseDb): number {
  return Number(scalar(db, 'SELECT count(*) FROM sessions'));
}

/** The full import, then every sign-in outside the filter deleted and the derived data rebuilt. */
async function fullThenFiltered(files: string[], filter: ImportFilter): Promise<{ rows: Row[]; sessions: number; full: number; sha256: (string | null)[] }> {
  const db = await CaseDb.create();
  const summary = await importFiles(db, files);
  const all = dumpRows(db);
  const drop = db
    .cellObjects('SELECT s.*, d.created_ms AS created_ms FROM signins s JOIN signin_data d ON d.rid = s.rid', [])
    .filter((o) => !matches(o, filter))
    .map((o) => Number(o.rid));
  for (const rid of drop) db.run('DELETE FROM signin_data WHERE rid = ?', [rid]);
  db.run('UPDATE signin_data SET versions = NULL'); // how many versions of a request id the case holds: counted again
  countVersions(db);
  await refreshDerivedData(db);
  const out = { rows: dumpRows(db), sessions: sessionCount(db), full: all.length, sha256: summary.files.map((f) => f.sha256) };
  db.close();
  return out;
}

async function triage(files: string[], filter: ImportFilter, parser: 'inline' | 'worker' = 'inline') {
  const db = await CaseDb.create();
  const summary = await importFiles(db, files, { filter, parser });
  await refreshDerivedData(db);
  const out = { rows: dumpRows(db), sessions: sessionCount(db), summary, manifest: partialImportOf(db) };
  db.close();
  return out;
}

async function expectSameAsFiltered(files: string[], filter: ImportFilter, parser: 'inline' | 'worker' = 'inline') {
  const want = await fullThenFiltered(files, ImportFilter.parse(filter));
  const got = await triage(files, ImportFilter.parse(filter), parser);
  expect(got.rows.length).toBe(want.rows.length);
  expect(got.rows).toEqual(want.rows);
  expect(got.sessions).toBe(want.sessions);
  // the manifest's hashes still cover every byte of every file
  expect(got.summary.files.map((f) => f.sha256)).toEqual(want.sha256);
  return { want, got };
}

describe('triage import', async () => {
  const demo = await writeDemoSet(path.join(tmp.dir, 'demo'), { seed: 11, users: 20, days: 1 });
  const demoFiles = demo.files.map((f) => f.path);
  const probe = await CaseDb.create();
  await importFiles(probe, demoFiles);
  const top = (col: string) => String(scalar(probe, `SELECT ${col} FROM signins WHERE ${col} IS NOT NULL AND ${col} != '' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1 OFFSET 1`));
  const user = top('user_principal_name');
  const ip = top('ip_address');
  const app = top('app_display_name');
  const times = all(probe, 'SELECT created_at FROM signins WHERE created_at IS NOT NULL ORDER BY created_at').map((v) => String(v[0]));
  probe.close();

  it('equals a full import filtered afterwards, for every shape of the generator (Graph pages, JSONL, arrays, diagnostic, Log Analytics JSON and CSV, admin-center CSV)', async () => {
    expect(demo.files.map((f) => f.format)).toEqual(expect.arrayContaining(['jsonl', 'json-array', 'la-json', 'la-csv', 'portal-interactive-csv', 'graph-beta', 'diag-jsonl']));
    // the user as typed in another case, and the same user's sign-ins to one app from one /24
    const { want, got } = await expectSameAsFiltered(demoFiles, { users: [user.toUpperCase()] });
    expect(want.rows.length).toBeGreaterThan(10);
    expect(want.rows.length).toBeLessThan(want.full / 2);
    const read = got.summary.files.reduce((n, f) => n + f.records, 0);
    const kept = got.manifest.reduce((n, s) => n + s.kept, 0);
    expect(got.manifest.map((s) => s.filter)).toEqual(got.summary.files.map(() => `user ${user.toUpperCase()}`));
    expect(got.manifest.reduce((n, s) => n + s.read, 0)).toBe(read);
    // kept counts every confirmed record (and every AuthDetails step, which names no user), duplicates included
    expect(kept).toBe(got.summary.files.reduce((n, f) => n + f.imported + f.duplicates, 0));
    expect(kept + got.manifest.reduce((n, s) => n + s.skipped, 0)).toBe(read - got.summary.files.reduce((n, f) => n + f.errors, 0));
    const v4 = ip.includes('.') ? `${ip.split('.').slice(0, 3).join('.')}.0/24` : ip;
    await expectSameAsFiltered(demoFiles, { ips: [v4], apps: [app.toLowerCase(), 'no such app'] });
  });

  it('keeps records exactly at the from / to bounds, also combined with users, and through the parse worker', async () => {
    const from = times[Math.floor(times.length / 3)]!;
    const to = times[Math.floor((times.length * 2) / 3)]!;
    const { want } = await expectSameAsFiltered(demoFiles, { from, to });
    expect(want.rows.some((r) => r.created_at === from)).toBe(true);
    expect(want.rows.some((r) => r.created_at === to)).toBe(true);
    await expectSameAsFiltered(demoFiles, { users: [user], from }, 'worker');
  });

  it('finds users in another case, behind a JSON-escaped @, in IPv6 ranges, and only by the normalized field', async () => {
    const records = [
      graphSignin({ userPrincipalName: 'Alice.Smith@Contoso.example', ipAddress: '198.51.100.1' }),
      graphSignin({ userPrincipalName: 'bob@contoso.example', ipAddress: '2001:db8:0:1::5' }),
      graphSignin({ userPrincipalName: 'carol@contoso.example', ipAddress: '2001:db9::5', userDisplayName: 'alice.smith@contoso.example is mentioned here' }),
      graphSignin({ userPrincipalName: 'dave@contoso.example', ipAddress: '2001:DB8::7' }),
    ];
    const lines = records.map((r) => JSON.stringify(r));
    lines.push(JSON.stringify(graphSignin({ userPrincipalName: 'ALICE.SMITH@contoso.example', ipAddress: '10.1.2.3' })).replace('ALICE.SMITH@', 'ALICE.SMITH\\u0040'));
    lines.push(JSON.stringify(graphSignin({ userPrincipalName: 'erin@contoso.example', ipAddress: '10.1.2.4' })).replace('erin@', 'erin\\u0040'));
    const jsonl = tmp.write('tricky.jsonl', lines.join('\n'));
    // Log Analytics spells the field UserPrincipalName: only the normalized sign-in says which name is the user's
    const la = tmp.write(
      'la.json',
      JSON.stringify([
        {
          TimeGenerated: '2025-03-04T02:10:00Z',
          Type: 'SigninLogs',
          Id: 'f0000000-0000-4000-8000-000000000001',
          UserPrincipalName: 'alice.smith@contoso.example',
          AppDisplayName: 'Teams',
          IPAddress: '10.9.9.9',
        },
        {
          TimeGenerated: '2025-03-04T02:11:00Z',
          Type: 'SigninLogs',
          Id: 'f0000000-0000-4000-8000-000000000002',
          UserPrincipalName: 'zed@contoso.example',
          AppDisplayName: 'alice.smith@contoso.example',
          IPAddress: '10.9.9.9',
        },
      ]),
    );
    const users = await expectSameAsFiltered([jsonl, la], { users: ['alice.smith@CONTOSO.example'] });
    expect(users.got.rows.map((r) => r.user_principal_name).sort()).toEqual(['ALICE.SMITH@contoso.example', 'Alice.Smith@Contoso.example', 'alice.smith@contoso.example']);
    const v6 = await expectSameAsFiltered([jsonl], { ips: ['2001:db8::/32'] });
    expect(v6.got.rows.map((r) => r.user_principal_name).sort()).toEqual(['bob@contoso.example', 'dave@contoso.example']);
    const v4 = await expectSameAsFiltered([jsonl, la], { ips: ['10.1.0.0/16'] });
    expect(v4.got.rows.map((r) => r.user_principal_name).sort()).toEqual(['ALICE.SMITH@contoso.example', 'erin@contoso.example']);
  });

  it('equals the filtered full import on the shared samples, when they are present', async (ctx) => {
    const root = [process.env.SIGNINSCOPE_SAMPLES, path.resolve(__dirname, '../../../../shared/samples'), path.resolve(__dirname, '../../../../../shared/samples')].find(
      (d) => d !== undefined && existsSync(d),
    );
    if (!root) return ctx.skip();
    const files = readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(json|log|csv|jsonl)$/.test(e.name))
      .map((e) => path.join(e.parentPath, e.name));
    const probeDb = await CaseDb.create();
    await importFiles(probeDb, files);
    const sampleUser = String(scalar(probeDb, "SELECT user_principal_name FROM signins WHERE user_principal_name LIKE '%@%' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"));
    probeDb.close();
    const { want } = await expectSameAsFiltered(files, { users: [sampleUser.toUpperCase()] });
    expect(want.rows.length).toBeGreaterThan(0);
  });
  it('equals the filtered full import on JSONL with line prefixes, CRLF, pretty-printed objects and broken lines, and on CSV rows that quoted line breaks spread over several lines', async () => {
    const text = (format: string) => readFileSync(demo.files.find((f) => f.format === format)!.path, 'utf8');
    const lines = text('jsonl').split('\n').filter(Boolean);
    const upn = (line: string) => /"userPrincipalName":"([^"]+)"/.exec(line)![1]!;
    const pretty = (line: string) => JSON.stringify(JSON.parse(line), null, 2);
    // syslog prefixes on every third line, the first included (so the sniffer allows them), CRLF line ends
    const prefixed = tmp.write('prefixed.log', lines.map((l, i) => (i % 3 === 0 ? `<134>Mar  4 02:12:0${i % 10} collector azure-signins: ${l}` : l)).join('\r\n') + '\r\n');
    // a line-delimited file with a pretty-printed object, two objects on one line, a truncated and an over-closed line
    const broken = tmp.write('broken.jsonl', lines.map((l, i) => (i === 4 ? pretty(l) : i === 6 ? l + lines[8] : i === 7 ? l.slice(0, l.length >> 1) : i === 9 ? `${l}}` : l)).join('\n'));
    // pretty-printed first (the file is then not read line by line), one object per line after it
    const prettyFirst = tmp.write('pretty-first.json', [pretty(lines[0]!), ...lines.slice(1)].join('\n'));
    // admin-center rows whose user agent holds a line break (so the user's name is on the row's second line) or doubled quotes
    const csvLines = text('portal-interactive-csv').split('\r\n');
    const csvUser = csvLines[3]!.split('","')[6]!;
    const spread = csvLines.map((row, i) => (i === 0 || !row ? row : row.replace(/^("[^"]*","[^"]*",")/, i % 2 ? '$1first line\r\nsecond line ' : '$1say ""hi"" ')));
    const csv = tmp.write('InteractiveSignIns_2025-03-03_2025-03-03.csv', spread.join('\r\n'));

    const { want } = await expectSameAsFiltered([prefixed, broken, prettyFirst, csv], { users: [upn(lines[6]!).toUpperCase(), upn(lines[8]!), csvUser] });
    expect(new Set(want.rows.map((r) => r.user_principal_name))).toEqual(new Set([upn(lines[6]!), upn(lines[8]!), csvUser]));
    expect(want.rows.some((r) => String(r.user_agent).startsWith('first line\r\nsecond line '))).toBe(true);
    expect(want.rows.some((r) => String(r.user_agent).startsWith('say "hi" '))).toBe(true);
    await expectSameAsFiltered([prefixed, broken, prettyFirst, csv], { users: [csvUser] }, 'worker');
  });
});
