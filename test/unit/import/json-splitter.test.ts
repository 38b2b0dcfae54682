import { describe, expect, it } from 'vitest';
import { JsonRecordSplitter, type SplitProblem } from '../../../main/import/readers/json-splitter';

function split(input: string | Buffer, chunkSize = 1 << 20) {
  const buf = typeof input === 'string' ? Buffer.from(input) : input;
  const records: { text: string; offset: number; index: number }[] = [];
  const problems: SplitProblem[] = [];
  const s = new JsonRecordSplitter(
    (r) => records.push({ text: r.bytes.toString('utf8'), offset: r.offset, index: r.index }),
    (p) => problems.push(p),
    1024,
  );
  for (let i = 0; i < buf.length; i += chunkSize) s.push(Buffer.from(buf.subarray(i, i + chunkSize)));
  s.end();
  return { records, problems, containers: s.containers };
}

const rec = (n: number) => JSON.stringify({ id: `r${n}`, s: 'a "quoted" {brace} [bracket] \\ back', nested: { a: [1, { b: 2 }] } });

describe('JsonRecordSplitter', () => {
  const shapes: Record<string, string> = {
    'bare array': `[${rec(1)},${rec(2)},${rec(3)}]`,
    'concatenated pretty arrays with BOM': `\uFEFF[\n  ${rec(1)},\n  ${rec(2)}\n]\n[\n  ${rec(3)}\n]\n`,
    'Graph value pages back to back': `{"@odata.context":"https://x/$metadata#auditLogs/signIns","value":[${rec(1)},${rec(2)}],"@odata.nextLink":"https://x?$skiptoken=a"}\n{"value":[${rec(3)}]}`,
    'Event Hub records batch': `{"records":[${rec(1)},${rec(2)},${rec(3)}]}`,
    'JSONL with CRLF': `${rec(1)}\r\n${rec(2)}\r\n${rec(3)}`,
  };
  for (const [name, input] of Object.entries(shapes)) {
    it(`finds every record in a ${name}, at any chunk size`, () => {
      for (const chunk of [1, 3, 7, 64, 1 << 20]) {
        const { records, problems } = split(input, chunk);
        expect(problems).toEqual([]);
        expect(records.map((r) => JSON.parse(r.text).id)).toEqual(records.length === 2 ? ['r1', 'r2'] : ['r1', 'r2', 'r3']);
        for (const r of records)
          expect(
            Buffer.from(input)
              .subarray(r.offset, r.offset + Buffer.byteLength(r.text))
              .toString(),
          ).toBe(r.text);
      }
    });
  }

  it('records which container the file used', () => {
    expect(split(shapes['Graph value pages back to back']!).containers.valuePages).toBe(2);
    expect(split(shapes['concatenated pretty arrays with BOM']!).containers.arrays).toBe(2);
    expect(split(shapes['JSONL with CRLF']!).containers.objects).toBe(3);
  });

  it('treats one pretty-printed object as one record', () => {
    const { records } = split(JSON.stringify({ time: 't', category: 'SignInLogs', properties: { id: 'x', value: 1 } }, null, 2), 5);
    expect(records).toHaveLength(1);
  });

  it('reports a truncated last record and keeps the complete ones', () => {
    const { records, problems } = split(`[${rec(1)},${rec(2)},{"id":"r3","s":"cut`);
    expect(records).toHaveLength(2);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/truncated/);
    expect(problems[0]!.index).toBe(2);
  });

  it('resynchronises JSONL after a broken line', () => {
    const { records, problems } = split(`${rec(1)}\n{"id":"bad","s":"no end\n${rec(3)}\n{"id":"r4", "x": [1,2\n${rec(5)}\n`, 4);
    expect(records.map((r) => JSON.parse(r.text).id)).toEqual(['r1', 'r3', 'r5']);
    expect(problems.map((p) => p.index)).toEqual([1, 3]);
  });

  it('names text outside any record once and goes on', () => {
    const { records, problems } = split(`garbage line here\n${rec(1)}\n`);
    expect(records).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/unexpected text.*garbage/);
  });

  it('skips a record over the size limit without holding it in memory', () => {
    const big = JSON.stringify({ id: 'big', blob: 'x'.repeat(5000) });
    const { records, problems } = split(`[${rec(1)},${big},${rec(3)}]`, 100);
    expect(records.map((r) => JSON.parse(r.text).id)).toEqual(['r1', 'r3']);
    expect(problems[0]!.message).toMatch(/over the .* limit/);
  });
});
