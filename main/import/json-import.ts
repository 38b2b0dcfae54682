// JSON evidence: split records, JSON.parse each (repairing trailing commas as printed in Microsoft's
// docs), normalize by shape, write. Reports what container and shape the file held.
import { JsonRecordSplitter } from './readers/json-splitter';
import { chunksOf, screenedOut, skipRecord, writeSignin, type FileImportContext } from './file-context';
import { normalizeJsonRecord, type JsonShape } from './normalize/json-record';
import { RecordError } from './normalize/signin-record';

/** `linePrefix`: the first line's text before its JSON object (syslog-style lines), when sniffing found one. */
export async function importJson(ctx: FileImportContext, linePrefix?: string): Promise<string> {
  const shapes = new Map<JsonShape, number>();
  const splitter = new JsonRecordSplitter(
    (rec) => {
      ctx.counters.records++;
      if (screenedOut(ctx, rec.offset, rec.bytes.length, rec.bytes)) return;
      const text = rec.bytes.toString('utf8');
      const parsed = parseRecord(text);
      if ('error' in parsed) {
        ctx.out.issue('error', rec.index, rec.offset, `malformed JSON: ${parsed.error}`);
        return;
      }
      if (parsed.repaired) ctx.out.issue('warning', rec.index, rec.offset, 'trailing comma in JSON repaired');
      try {
        const result = normalizeJsonRecord(parsed.value, splitter.pageContext);
        shapes.set(result.shape, (shapes.get(result.shape) ?? 0) + 1);
        if ('skipped' in result) skipRecord(ctx, result.skipped);
        else writeSignin(ctx, result.signin, { sourceId: ctx.sourceId, recordIndex: rec.index, offset: rec.offset, length: rec.bytes.length, rawText: () => text });
      } catch (e) {
        ctx.out.issue('error', rec.index, rec.offset, e instanceof RecordError ? e.message : `cannot normalize: ${(e as Error).message}`);
      }
    },
    (p) => {
      ctx.counters.records++;
      ctx.out.issue('error', p.index, p.offset, p.message);
    },
  );
  if (linePrefix !== undefined) splitter.allowLinePrefixes();
  for await (const chunk of chunksOf(ctx, 'json')) {
    splitter.push(chunk);
    await ctx.afterChunk();
  }
  splitter.end();
  const p = splitter.prefixes;
  if (p.lines) {
    ctx.out.issue(
      'warning',
      null,
      p.firstOffset,
      `${p.lines.toLocaleString('en')} line${p.lines === 1 ? '' : 's'} began with text before the JSON object (the first: "${p.first}"); the text was skipped and the object imported`,
    );
  }
  return formatLabel(shapes, splitter.containers);
}

type Parsed = { value: unknown; repaired: boolean } | { error: string };

function parseRecord(text: string): Parsed {
  try {
    return { value: JSON.parse(text), repaired: false };
  } catch (e) {
    const repaired = withoutTrailingCommas(text);
    if (repaired !== text) {
      try {
        return { value: JSON.parse(repaired), repaired: true };
      } catch {
        // fall through to the original error
      }
    }
    return { error: (e as Error).message };
  }
}

/** Drops commas that directly precede `}` or `]` outside strings. */
export function withoutTrailingCommas(text: string): string {
  let out = '';
  let last = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      if (text[j] === '}' || text[j] === ']') {
        out += text.slice(last, i);
        last = i + 1;
      }
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

function formatLabel(shapes: Map<JsonShape, number>, c: JsonRecordSplitter['containers']): string {
  const shape = [...shapes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'unknown';
  const container = c.valuePages ? 'value-pages' : c.recordsPages ? 'records-batches' : c.arrays > 1 ? 'concatenated-arrays' : c.arrays ? 'array' : c.objects > 1 ? 'lines' : 'object';
  return `${shape}-json/${container}`;
}
