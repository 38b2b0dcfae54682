// Tells by content (never by extension) whether a file is JSON, CSV or something unusable.
import { textHead } from './evidence';

export type Sniffed =
  { kind: 'json' | 'csv'; headLine: string; encoding: string; compressed: boolean; linePrefix?: string } | { kind: 'unusable'; reason: string; encoding: string; compressed: boolean };

export async function sniffFile(path: string): Promise<Sniffed> {
  const { text, encoding, compressed } = await textHead(path);
  const base = { encoding, compressed };
  const trimmed = text.trimStart();
  if (trimmed === '') return { kind: 'unusable', reason: 'the file is empty', ...base };
  if (/[\u0000-\u0008\u000e-\u001a]/.test(text.slice(0, 4096))) {
    return { kind: 'unusable', reason: 'binary content, not a text export (no JSON or CSV found)', ...base };
  }
  const first = trimmed[0]!;
  if (first === '[' || first === '{') return { kind: 'json', headLine: '', ...base };
  const linePrefix = jsonAfterPrefix(trimmed.split(/\r?\n/, 1)[0] ?? '');
  if (linePrefix !== null) return { kind: 'json', headLine: '', linePrefix, ...base };
  if (first === '<') return { kind: 'unusable', reason: 'an HTML/XML page, not a sign-in export (was a web page saved instead of the download?)', ...base };
  const headLine = trimmed.split(/\r?\n/, 1)[0] ?? '';
  if (/[,;\t]/.test(headLine)) return { kind: 'csv', headLine, ...base };
  return { kind: 'unusable', reason: `neither JSON nor CSV: starts with "${trimmed.slice(0, 40)}"`, ...base };
}

/**
 * The prefix of a line that carries a JSON object after some text (a syslog header "<134>Dec  7 ...",
 * a timestamp), or null. A web page is not one: only a syslog priority may open with "<".
 */
function jsonAfterPrefix(line: string): string | null {
  const m = /^([^{\r\n]{1,512}?)\{\s*"/.exec(line);
  if (!m) return null;
  const prefix = m[1]!;
  if (prefix.startsWith('<') && !/^<\d{1,3}>/.test(prefix)) return null;
  const rest = line.slice(prefix.length).trimEnd();
  return rest.endsWith('}') || line.length > 60_000 ? prefix : null;
}
