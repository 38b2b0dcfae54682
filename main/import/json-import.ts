// JSON evidence: split records (here: the reader), parse and normalize each (here, or in record-parse
// workers for large imports: record-parse-pool.ts), then apply every outcome in file order. Reports
// what container and shape the file held.
import { JsonRecordSplitter } from './readers/json-splitter';
import { chunksOf, screenedOut, skipRecord, writePrepared, type FileImportContext } from './file-context';
import type { JsonRecordOutcome } from './json-record-parse';
import type { JsonShape } from './normalize/json-record';
import { InlineRecordParsing, type RecordMeta } from './record-parse-pool';

/** `linePrefix`: the first line's text before its JSON object (syslog-style lines), when sniffing found one. */
export async function importJson(ctx: FileImportContext, linePrefix?: string): Promise<string> {
  const shapes = new Map<JsonShape, number>();
  const apply = (o: JsonRecordOutcome, rec: RecordMeta): void => {
    if (o.kind === 'malformed') return ctx.out.issue('error', rec.index, rec.offset, `malformed JSON: ${o.error}`);
    if (o.repaired) ctx.out.issue('warning', rec.index, rec.offset, 'trailing comma in JSON repaired');
    if (o.kind === 'unreadable') return ctx.out.issue('error', rec.index, rec.offset, o.message);
    shapes.set(o.shape, (shapes.get(o.shape) ?? 0) + 1);
    if (o.kind === 'skipped') skipRecord(ctx, o.category);
    else writePrepared(ctx, o.signin, o.matches, { sourceId: ctx.sourceId, recordIndex: rec.index, offset: rec.offset, length: rec.length });
  };
  const parsing = ctx.recordPool ? ctx.recordPool.forFile(apply, ctx.triage?.filter) : new InlineRecordParsing(apply, ctx.triage?.matcher);
  const splitter = new JsonRecordSplitter(
    (rec) => {
      ctx.counters.records++;
      if (screenedOut(ctx, rec.offset, rec.bytes.length, rec.bytes)) return;
      parsing.parse(rec.bytes, splitter.pageContext, { index: rec.index, offset: rec.offset, length: rec.bytes.length });
    },
    (p) => {
      ctx.counters.records++;
      parsing.inOrder(() => ctx.out.issue('error', p.index, p.offset, p.message));
    },
  );
  if (linePrefix !== undefined) splitter.allowLinePrefixes();
  for await (const chunk of chunksOf(ctx, 'json')) {
    splitter.push(chunk);
    await parsing.settle();
    await ctx.afterChunk();
  }
  splitter.end();
  await parsing.finish();
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

function formatLabel(shapes: Map<JsonShape, number>, c: JsonRecordSplitter['containers']): string {
  const shape = [...shapes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'unknown';
  const container = c.valuePages ? 'value-pages' : c.recordsPages ? 'records-batches' : c.arrays > 1 ? 'concatenated-arrays' : c.arrays ? 'array' : c.objects > 1 ? 'lines' : 'object';
  return `${shape}-json/${container}`;
}
