/**
 * The demo evidence folder: one file per export format, each holding a slice
 * of the same week (split by sign-in kind and time), with deliberate overlaps
 * so the importer's de-duplication is exercised: the Graph beta file and the
 * diagnostic JSONL share up to a day of interactive sign-ins, Graph v1.0
 * repeats the start of the portal CSV, and the AuthDetails CSV accompanies the
 * interactive CSV. Every sign-in of the scenario lands in at least one file.
 */
import { join } from 'node:path';
import { createScenario, type ScenarioOptions } from './scenario';
import { createWriter, FORMATS, type FormatId } from './writers/formats';
import { HOUR_MS, isoDate } from './time-format';
import type { RecordWriter } from './writers/record-writer';
import type { Category } from './types';
import type { GroundTruth } from './ground-truth';

export interface DemoSetOptions extends Partial<ScenarioOptions> {
  seed: number;
  gzip?: boolean;
}

export interface DemoFile {
  path: string;
  format: FormatId;
  /** Sign-ins written (for the AuthDetails CSV: sign-ins whose steps it lists). */
  records: number;
  categories: Category[];
}

export interface DemoManifest {
  dir: string;
  seed: number;
  users: number;
  days: number;
  start: string;
  files: DemoFile[];
  groundTruth: GroundTruth;
}

/** Per kind, the formats that share its days in turn (contiguous slices that together cover the window). */
const ROTATION: Readonly<Record<Category, FormatId[]>> = {
  interactiveUser: ['portal-interactive-csv', 'graph-beta', 'diag-jsonl', 'portal-json'],
  nonInteractiveUser: ['portal-noninteractive-csv', 'graph-beta', 'jsonl', 'la-json'],
  // PowerShell 5.1 JSON is ~3x larger than minified, so it gets the low-volume kind.
  servicePrincipal: ['portal-application-csv', 'ps-arrays', 'diag-eventhub', 'la-json'],
  managedIdentity: ['portal-msi-csv', 'json-array', 'la-csv'],
};

/** Small pages so even a short demo has several Graph pages / PowerShell arrays / Event Hub batches. */
const PAGE_SIZE: Partial<Record<FormatId, number>> = { 'ps-arrays': 20, 'diag-eventhub': 50 };

/** Half-open range of hours since the start of the window. */
type Range = [number, number];

/**
 * Slices are cut in hours (not days) so even a one- or two-day demo fills
 * every file; overlaps are a day long when the window allows it.
 */
function plan(days: number): Map<FormatId, Map<Category, Range>> {
  const hours = days * 24;
  const out = new Map<FormatId, Map<Category, Range>>();
  const add = (f: FormatId, c: Category, r: Range): void => {
    if (!out.has(f)) out.set(f, new Map());
    out.get(f)!.set(c, r);
  };
  for (const [cat, formats] of Object.entries(ROTATION) as [Category, FormatId[]][]) {
    formats.forEach((f, i) => add(f, cat, [Math.floor((i * hours) / formats.length), Math.floor(((i + 1) * hours) / formats.length)]));
  }
  const ia = out.get('portal-interactive-csv')!.get('interactiveUser')!;
  const overlap = Math.min(24, Math.floor((ia[1] - ia[0]) / 2));
  add('portal-authdetails-csv', 'interactiveUser', ia);
  add('graph-v1', 'interactiveUser', [ia[0], ia[0] + overlap]);
  const gb = out.get('graph-beta')!.get('interactiveUser')!;
  add('graph-beta', 'interactiveUser', [gb[0], gb[1] + overlap]); // overlaps the start of diag-jsonl's slice
  return out;
}

function fileName(format: FormatId, range: Range, start: number): string {
  const from = isoDate(start + range[0] * HOUR_MS);
  const to = isoDate(start + Math.max(range[0], range[1] - 1) * HOUR_MS);
  const names: Record<FormatId, string> = {
    'portal-interactive-csv': `InteractiveSignIns_${from}_${to}.csv`,
    'portal-authdetails-csv': `InteractiveSignIns_AuthDetails_${from}_${to}.csv`,
    'portal-noninteractive-csv': `NonInteractiveSignIns_${from}_${to}.csv`,
    'portal-application-csv': `ApplicationSignIns_${from}_${to}.csv`,
    'portal-msi-csv': `MSISignIns_${from}_${to}.csv`,
    'portal-json': `InteractiveSignIns_${from}_${to}.json`,
    'graph-beta': 'graph-beta-auditLogs-signIns.json',
    'graph-v1': 'graph-v1.0-auditLogs-signIns.json',
    'ps-arrays': `${from.replace(/-/g, '')}000000-servicePrincipal-SignInLogs.json`,
    jsonl: 'SignInLogs-sof-elk.jsonl',
    'json-array': 'managed-identity-signins.json',
    'diag-jsonl': 'insights-logs-signinlogs-PT1H.json',
    'diag-eventhub': 'eventhub-signin-records.json',
    'la-json': 'log-analytics-query-results.json',
    'la-csv': 'query_data.csv',
    'elastic-ndjson': 'elastic-azure-signinlogs.ndjson',
  };
  return names[format];
}

export async function writeDemoSet(dir: string, options: DemoSetOptions): Promise<DemoManifest> {
  // Defaults keep the embedded demo quick to import (~17k sign-ins); tests pass smaller values.
  const scenario = createScenario({ ...options, users: options.users ?? 100, days: options.days ?? 7 });
  const layout = plan(scenario.days);
  const files: { format: FormatId; ranges: Map<Category, Range>; writer: RecordWriter; path: string }[] = [];
  for (const [format, ranges] of layout) {
    const first = [...ranges.values()].reduce((a, b) => [Math.min(a[0], b[0]), Math.max(a[1], b[1])] as Range);
    const path = join(dir, fileName(format, first, scenario.start) + (options.gzip ? '.gz' : ''));
    files.push({ format, ranges, path, writer: createWriter(format, path, { gzip: options.gzip ?? false, pageSize: PAGE_SIZE[format] ?? 250 }) });
  }
  // One pass per record order; each record goes to every file whose slice holds it.
  for (const order of ['asc', 'desc'] as const) {
    const targets = files.filter((f) => FORMATS[f.format].order === order);
    if (targets.length === 0) continue;
    for (const record of scenario.signIns({ order })) {
      const hour = Math.floor((record.ms - scenario.start) / HOUR_MS);
      for (const f of targets) {
        const r = f.ranges.get(record.category);
        if (r && hour >= r[0] && hour < r[1]) {
          const pending = f.writer.write(record);
          if (pending) await pending;
        }
      }
    }
  }
  const written: DemoFile[] = [];
  for (const f of files) {
    written.push({ path: f.path, format: f.format, records: await f.writer.close(), categories: [...f.ranges.keys()] });
  }
  return {
    dir,
    seed: scenario.seed,
    users: scenario.users,
    days: scenario.days,
    start: isoDate(scenario.start),
    files: written,
    groundTruth: scenario.groundTruth,
  };
}
