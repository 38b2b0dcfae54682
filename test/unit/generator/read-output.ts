// Readers for generator output in tests: real parsers only (JSON.parse, papaparse).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import type { FormatId } from '../../../main/generator/writers/formats';

export function readText(path: string): string {
  const raw = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Split concatenated JSON documents ("[...][...]" or "{...}\n{...}") at depth 0, honouring strings. */
export function splitConcatenatedJson(text: string): unknown[] {
  const out: unknown[] = [];
  let depth = 0;
  let inString = false;
  let begin = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (depth++ === 0) begin = i;
    } else if (c === '}' || c === ']') {
      if (--depth === 0) out.push(JSON.parse(text.slice(begin, i + 1)));
    }
  }
  return out;
}

export function parseCsv(text: string): string[][] {
  const result = Papa.parse<string[]>(stripBom(text), { header: false, skipEmptyLines: true });
  if (result.errors.length) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
  return result.data;
}

type Obj = Record<string, unknown>;

/** Every sign-in object in a file, in the shape that format carries (Graph, diagnostic record, LA row, CSV row). */
export function recordsOf(format: FormatId, text: string): Obj[] {
  switch (format) {
    case 'graph-beta':
    case 'graph-v1':
      return text
        .trim()
        .split('\n')
        .flatMap((page) => (JSON.parse(page) as { value: Obj[] }).value);
    case 'json-array':
    case 'portal-json':
    case 'la-json':
      return JSON.parse(text) as Obj[];
    case 'jsonl':
    case 'diag-jsonl':
      return text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Obj);
    case 'diag-eventhub':
      return text
        .split('\n')
        .filter(Boolean)
        .flatMap((l) => (JSON.parse(l) as { records: Obj[] }).records);
    case 'ps-arrays':
      return (splitConcatenatedJson(stripBom(text)) as Obj[][]).flat();
    default: {
      const [header, ...rows] = parseCsv(text);
      return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])));
    }
  }
}

/** The request id of a record in any format's shape. */
export function requestIdOf(format: FormatId, r: Obj): string {
  if (format === 'diag-jsonl' || format === 'diag-eventhub') return (r.properties as Obj).id as string;
  if (format === 'la-json' || format === 'la-csv') return r.Id as string;
  if (format.startsWith('portal-') && format.endsWith('-csv')) return r['Request ID'] as string;
  return r.id as string;
}
