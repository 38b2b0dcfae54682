// Conformance: the same seeded sign-ins, written by the generator in every export shape, import to
// rows that are equal column by column (the Graph beta file is the reference) for every column the
// shape carries. What a shape lacks is listed once (LACKS), must be NULL there, and is the table in
// docs/schema.md, so neither the importer nor the documentation can drift silently.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CaseDb } from '../../../main/db/case-db';
import { createScenario } from '../../../main/generator/scenario';
import { writeScenario } from '../../../main/generator/write-format';
import { FORMATS, type FormatId } from '../../../main/generator/writers/formats';
import { importFiles } from '../../../main/import/pipeline';
import { COLUMNS } from '../../../shared/model/columns';
import { COLUMN_VOCABULARY, VOCABULARIES, type Vocabulary } from '../../../shared/model/vocabulary';
import { tempDir } from '../../helpers/temp-files';
import { all } from '../../helpers/sql';

/** Every sign-in shape the generator writes; the AuthDetails companion is imported with the interactive CSV. */
const SHAPES = [
  'graph-beta',
  'graph-v1',
  'json-array',
  'ps-arrays',
  'jsonl',
  'portal-json',
  'diag-jsonl',
  'diag-records',
  'diag-eventhub',
  'la-json',
  'la-csv',
  'elastic-ndjson',
  'portal-interactive-csv',
  'portal-noninteractive-csv',
  'portal-application-csv',
  'portal-msi-csv',
] as const;
type Shape = (typeof SHAPES)[number];

/** A storage-account PT1H.json holding one `{"records": [...]}` document is the Event Hub writer with one batch. */
const WRITTEN_AS: Readonly<Record<Shape, { format: FormatId; pageSize?: number }>> = Object.fromEntries(
  SHAPES.map((shape) => [shape, shape === 'diag-records' ? { format: 'diag-eventhub', pageSize: 1_000_000 } : { format: shape }]),
) as Record<Shape, { format: FormatId; pageSize?: number }>;

const AUTH_STEPS = 'authentication steps';
const CA_POLICIES = 'Conditional Access policies';

const PORTAL_ANY = ['latitude', 'longitude', 'risk_level_during_sign_in', 'risk_level_aggregated', 'risk_state', 'risk_detail', 'original_request_id', CA_POLICIES];
const PORTAL_USER = [...PORTAL_ANY, 'additional_details', 'risk_event_types', 'device_name', AUTH_STEPS];
const PORTAL_APP = [
  ...PORTAL_ANY,
  'user_type',
  'asn',
  'unique_token_identifier',
  'authentication_requirement',
  'authentication_protocol',
  'cross_tenant_access_type',
  'is_compliant',
  'is_managed',
  'incoming_token_type',
];

/** Columns (and per-record lists) a shape does not carry. Everything else must equal the reference. */
const LACKS: Readonly<Record<Shape, readonly string[]>> = {
  'graph-beta': [],
  'graph-v1': [
    'user_type',
    'asn',
    'session_id',
    'unique_token_identifier',
    'authentication_requirement',
    'authentication_protocol',
    'cross_tenant_access_type',
    'home_tenant_id',
    'resource_tenant_id',
    'user_agent',
    'incoming_token_type',
    'mfa_method',
    'mfa_result',
    'original_request_id',
    AUTH_STEPS,
  ],
  'json-array': [],
  'ps-arrays': [],
  jsonl: [],
  'portal-json': [],
  'diag-jsonl': [],
  'diag-records': [],
  'diag-eventhub': [],
  'la-json': [],
  'la-csv': [],
  'elastic-ndjson': [],
  'portal-interactive-csv': PORTAL_USER,
  'portal-noninteractive-csv': PORTAL_USER,
  'portal-application-csv': PORTAL_APP,
  'portal-msi-csv': PORTAL_APP,
};

/** Shapes whose time has whole seconds only (Graph's createdDateTime, the admin center's Date (UTC)). */
const SECONDS_ONLY: ReadonlySet<Shape> = new Set([
  'graph-beta',
  'graph-v1',
  'json-array',
  'ps-arrays',
  'jsonl',
  'portal-json',
  'portal-interactive-csv',
  'portal-noninteractive-csv',
  'portal-application-csv',
  'portal-msi-csv',
]);

const FILE_NAME: Partial<Record<FormatId, string>> = {
  'portal-interactive-csv': 'InteractiveSignIns_2025-03-03_2025-03-03.csv',
  'portal-authdetails-csv': 'InteractiveSignIns_AuthDetails_2025-03-03_2025-03-03.csv',
  'portal-noninteractive-csv': 'NonInteractiveSignIns_2025-03-03_2025-03-03.csv',
  'portal-application-csv': 'ApplicationSignIns_2025-03-03_2025-03-03.csv',
  'portal-msi-csv': 'MSISignIns_2025-03-03_2025-03-03.csv',
};

const COMPARED: string[] = COLUMNS.map((c) => c.key).filter((k) => k !== 'source_id' && k !== 'source_format');
const ROW_SQL = `SELECT ${COMPARED.join(', ')}, authentication_details_json, conditional_access_policies_json FROM signins`;
const NAMES = [...COMPARED, AUTH_STEPS, CA_POLICIES];
const STEP_SQL = 'SELECT request_id, method, method_detail, succeeded, result_detail, requirement FROM authentication_details ORDER BY request_id, seq';

interface Imported {
  written: number;
  imported: number;
  errors: number;
  rows: Map<string, unknown[]>;
  steps: unknown[][];
}

const tmp = tempDir('conformance-');
const imported = new Map<Shape, Imported>();

beforeAll(async () => {
  const scenario = createScenario({ seed: 9, users: 20, days: 1 });
  const write = async (name: string, format: FormatId, pageSize?: number) => {
    const path = join(tmp.dir, FILE_NAME[format] ?? `${name}${FORMATS[format].extension}`);
    return { path, written: await writeScenario(scenario, format, path, pageSize ? { pageSize } : {}) };
  };
  const authDetails = await write('portal-authdetails-csv', 'portal-authdetails-csv');
  for (const shape of SHAPES) {
    const { path, written } = await write(shape, WRITTEN_AS[shape].format, WRITTEN_AS[shape].pageSize);
    const caseDb = await CaseDb.create();
    const paths = shape === 'portal-interactive-csv' ? [path, authDetails.path] : [path];
    const summary = await importFiles(caseDb, paths);
    const file = summary.files[0]!;
    imported.set(shape, {
      written,
      imported: file.imported,
      errors: summary.files.reduce((n, f) => n + f.errors, 0),
      rows: new Map(all(caseDb, ROW_SQL).map((r) => [String(r[1]), r])),
      steps: all(caseDb, STEP_SQL),
    });
    caseDb.close();
  }
}, 300_000);

const reference = () => imported.get('graph-beta')!;

describe('every shape imports to the same rows', () => {
  it.each(SHAPES)('%s: every record imported, no errors', (shape) => {
    const r = imported.get(shape)!;
    expect(r.written).toBeGreaterThan(0);
    expect(r.imported).toBe(r.written);
    expect(r.errors).toBe(0);
    for (const id of r.rows.keys()) expect(reference().rows.has(id), id).toBe(true);
  });

  it.each(SHAPES)('%s: equal to Graph beta in every column it carries, NULL in the ones it lacks', (shape) => {
    const lacks = new Set(LACKS[shape]);
    const mismatches: string[] = [];
    for (const [id, row] of imported.get(shape)!.rows) {
      const ref = reference().rows.get(id)!;
      NAMES.forEach((name, i) => {
        let [got, want] = [row[i], ref[i]];
        if (lacks.has(name)) {
          if (got !== null) mismatches.push(`${name} should be absent, is ${String(got)} (${id})`);
          return;
        }
        if (name === 'created_at') [got, want] = [String(got).slice(0, 19), String(want).slice(0, 19)];
        if (got !== want) mismatches.push(`${name}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)} (${id})`);
      });
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it('the storage-style records file is one {"records": [...]} document, the Event Hub file several', () => {
    const starts = (name: string) => readFileSync(join(tmp.dir, `${name}.json`), 'utf8').split('{"records":[').length - 1;
    expect(starts('diag-records')).toBe(1);
    expect(starts('diag-eventhub')).toBeGreaterThan(1);
  });

  it('shapes with sub-second times agree to the millisecond', () => {
    const precise = SHAPES.filter((s) => !SECONDS_ONLY.has(s));
    const times = (s: Shape) => [...imported.get(s)!.rows.values()].map((r) => r[0]).sort();
    const base = times(precise[0]!);
    expect(base.some((t) => !String(t).endsWith('.000Z'))).toBe(true);
    for (const s of precise.slice(1)) expect(times(s), s).toEqual(base);
  });

  it('the admin center CSV with its AuthDetails companion gives the same authentication steps as Graph beta', () => {
    const interactive = new Set(imported.get('portal-interactive-csv')!.rows.keys());
    const fromGraph = reference().steps.filter((s) => interactive.has(String(s[0])));
    const fromCsv = imported.get('portal-interactive-csv')!.steps;
    expect(fromGraph.length).toBeGreaterThan(100);
    expect(fromCsv).toEqual(fromGraph);
  });
});

describe('one spelling per meaning', () => {
  it('every enumerated column holds only canonical values, whatever the shape', () => {
    for (const [shape, r] of imported) {
      for (const [column, vocabulary] of Object.entries(COLUMN_VOCABULARY)) {
        const known = new Set((VOCABULARIES[vocabulary] as Vocabulary).terms.map((t) => t.value));
        const i = COMPARED.indexOf(column);
        for (const row of r.rows.values()) {
          const v = row[i];
          if (v === null || column === 'operating_system') continue; // versions follow the family name ("Ios 18.3")
          for (const part of String(v).split(',')) expect(known.has(part), `${shape} ${column} ${String(v)}`).toBe(true);
        }
      }
    }
  });

  it('the portal CSV really carried admin-center labels (so the mapping was exercised)', () => {
    const csv = readFileSync(join(tmp.dir, FILE_NAME['portal-interactive-csv']!), 'utf8');
    expect(csv).toContain('"Not Applied"');
    expect(csv).toMatch(/"(Single-factor|Multifactor) authentication"/);
    expect(csv).toContain('"Microsoft Entra joined"');
    expect(csv).toContain('"Member"');
  });
});

describe('docs/schema.md', () => {
  it('lists what each shape lacks, exactly as tested here', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/schema.md'), 'utf8');
    for (const shape of SHAPES) {
      const lacks = LACKS[shape].length ? LACKS[shape].map((c) => (c.includes(' ') ? c : `\`${c}\``)).join(', ') : 'nothing';
      expect(doc, shape).toContain(`| ${shape} | ${lacks} |`);
    }
  });
});
