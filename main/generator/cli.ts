/**
 * Command line for the generator.
 *   npx tsx main/generator/cli.ts --out DIR --seed 42 [--users N --days N --start 2025-03-03 --gzip]
 *   npx tsx main/generator/cli.ts --out DIR --seed 42 --bulk 1000000 [--format graph|array|jsonl]
 *   npx tsx main/generator/cli.ts --out DIR --seed 42 --only graph-beta   (one format, whole window)
 * Add --truth FILE to save the ground truth (kept out of DIR so it is not imported as evidence).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeDemoSet } from './demo-set';
import { writeGraphBulk } from './bulk';
import { writeFormat } from './write-format';
import { FORMAT_IDS, FORMATS, type FormatId } from './writers/formats';
import type { GroundTruth } from './ground-truth';

const USAGE = `usage: cli.ts --out DIR [--seed N] [--users N] [--days N] [--start YYYY-MM-DD] [--gzip]
                [--bulk N [--format graph|array|jsonl]] [--only FORMAT] [--truth FILE]
formats: ${FORMAT_IDS.join(', ')}`;

function int(value: string | undefined, name: string, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`);
  return n;
}

function summary(truth: GroundTruth): string {
  return truth.attacks.map((a) => `  ${a.kind.padEnd(22)} ${String(a.requestIds.length).padStart(4)} sign-ins  ${a.start}  ${a.attackerIps.slice(0, 3).join(' ')}`).join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      seed: { type: 'string' },
      users: { type: 'string' },
      days: { type: 'string' },
      start: { type: 'string' },
      gzip: { type: 'boolean' },
      bulk: { type: 'string' },
      format: { type: 'string' },
      only: { type: 'string' },
      truth: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.out) {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const seed = int(values.seed, 'seed', 42)!;
  const gzip = values.gzip ?? false;
  const gz = gzip ? '.gz' : '';
  const base = { seed, gzip, ...(values.start ? { start: values.start } : {}) };
  const users = int(values.users, 'users');
  const days = int(values.days, 'days');
  const sized = { ...base, ...(users !== undefined ? { users } : {}), ...(days !== undefined ? { days } : {}) };

  if (values.bulk !== undefined) {
    const shape = (values.format ?? 'graph') as 'graph' | 'array' | 'jsonl';
    if (!['graph', 'array', 'jsonl'].includes(shape)) throw new Error('--format must be graph, array or jsonl');
    const records = int(values.bulk, 'bulk')!;
    const path = join(values.out, `bulk-${shape}-${records}${shape === 'jsonl' ? '.jsonl' : '.json'}${gz}`);
    const r = await writeGraphBulk(path, { ...sized, records, shape });
    console.log(`${r.records} records, ${(r.bytes / 1e6).toFixed(1)} MB in ${(r.elapsedMs / 1000).toFixed(1)} s -> ${r.path}`);
    return;
  }
  if (values.only !== undefined) {
    if (!(values.only in FORMATS)) throw new Error(`unknown format ${values.only}\n${USAGE}`);
    const format = values.only as FormatId;
    const path = join(values.out, `${format}${FORMATS[format].extension}${gz}`);
    const r = await writeFormat(format, path, sized);
    console.log(`${r.records} records -> ${r.path}\n${summary(r.groundTruth)}`);
    if (values.truth) writeFileSync(values.truth, JSON.stringify(r.groundTruth, null, 2));
    return;
  }
  const m = await writeDemoSet(values.out, sized);
  for (const f of m.files) console.log(`${f.format.padEnd(26)} ${String(f.records).padStart(7)}  ${f.path}`);
  console.log(`planted attacks (${m.users} users, ${m.days} days from ${m.start}):\n${summary(m.groundTruth)}`);
  if (values.truth) writeFileSync(values.truth, JSON.stringify({ files: m.files, groundTruth: m.groundTruth }, null, 2));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
