import { describe, expect, it } from 'vitest';
import { JsonRecordSplitter, type SplitProblem } from '../../../main/import/readers/json-splitter';

interface SplitOptions {
  prefixes?: boolean;
  maxDepth?: number;
  /** The byte walk alone: the fast scan of whole records in a chunk turned off. */
  walkOnly?: boolean;
}

function split(input: string | Buffer, chunkSize = 1 << 20, options: SplitOptions = {}) {
  const buf = typeof input === 'string' ? Buffer.from(input) : input;
  const records: { text: string; offset: number; index: number; context: string | null }[] = [];
  const problems: SplitProblem[] = [];
  const s = new JsonRecordSplitter(
    (r) => records.push({ text: r.bytes.toString('utf8'), offset: r.offset, index: r.index, context: s.pageContext }),
    (p) => problems.push(p),
    1024,
    options.maxDepth,
  );
  if (options.prefixes) s.allowLinePrefixes();
  if (options.walkOnly) Object.assign(s, { recordEndInChunk: () => -1 });
  for (let i = 0; i < buf.length; i += chunkSize) s.push(Buffer.from(buf.subarray(i, i + chunkSize)));
  s.end();
  return { records, problems, containers: s.containers, prefixes: s.prefixes };
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

  // A record that ends in the chunk where it began is found by a fast scan, given up (left to the byte
  // walk) on anything the walk treats specially: with the scan turned off, every split must be the same.
  describe('the fast scan of records gives what the byte walk gives', () => {
    const first = rec(0);
    const lines: Record<string, string[]> = {
      'JSONL with LF, CRLF, blank lines, spaces and commas': [rec(1), `${rec(2)}\r`, '', `  ${rec(3)} ,`, `\r`, `${rec(4)}\r`],
      'two objects on one line, and text after an object': [`${rec(1)}${rec(2)}`, `${rec(3)} , ${rec(4)}`, `${rec(5)} trailing words`, rec(6)],
      'broken, truncated and over-closed lines': ['{"id":"bad","s":"no end', rec(2), '{"id":"r3", "x": [1,2', `${rec(4)}}`, `${rec(5)}]]`, '{"id":"r6","s":"escaped line end\\', rec(7)],
      'escapes: backslash runs, escaped quotes and braces in strings': [
        '{"id":"e1","s":"\\\\"}',
        '{"id":"e2","s":"a\\\\\\"b{","t":"}"}',
        '{"id":"e3","s":"\\"","n":{"k":"\\\\\\\\"}}',
        '{"id":"e4","u":"\\u0040\\/\\n"}',
        '{"id":"e5","s":"x"}\\',
        rec(6),
      ],
      'a pretty-printed object in a JSONL file': [rec(1), '{', '  "id": "pretty",', '  "v": [1]', '}', rec(3)],
      'pretty-printed objects back to back (the first record decides whether lines are records)': ['{', '  "id": "p1"', '}', rec(2), '{"id": "p3",', '"v": [1]}', rec(4)],
      'Graph pages, Event Hub batches and page contexts on lines': [
        '{"@odata.context":"https://x/$metadata#auditLogs/signIns","value":[{"id":"p1"},{"id":"p2"}]}',
        rec(3),
        '{"records":[{"id":"b1"}]}',
        '{"id":"c1","@odata.context":"inside a record","n":1}',
        '{"id":"v1","value":"a string, not an array","x":[1]}',
        '{"id":"v2","value":{"records":[1]},"records":2}',
        rec(4),
      ],
      'array elements that are not objects, arrays on lines': ['[1 {"id":"a1","b":2} 3]', '["s" {"id":"a2"}]', `[${rec(3)},${rec(4)}]`, '{"value":[1 {"id":"w1","n":[2]} 3]}', rec(5)],
      'nesting at and over the depth limit': ['{"id":"d4","a":{"b":{"c":[]}}}', '{"id":"d5","a":{"b":{"c":{"d":{}}}}}', '[{"id":"d6","a":{"b":{"c":{"d":[]}}}}]', rec(6)],
      'lines with prefixes and lines without JSON': ['<134>Mar  4 02:12:00 host app: ' + rec(1), '2025-03-04T02:12:02Z {"id":"t2","s":"{x}"}', '-- MARK --', rec(4), 'x {} {"id":"t5"}'],
      'a BOM, then UTF-8 text': [`\uFEFF${rec(1)}`, '{"id":"u2","s":"caf\u00e9 \u2603 \u{1F600}"}', rec(3)],
    };
    for (const [name, body] of Object.entries(lines)) {
      it(name, () => {
        for (const text of [[first, ...body].join('\n'), [first, ...body].join('\r\n') + '\n', body.join('\n'), `[${[first, ...body].join('\n')}]`]) {
          for (const options of [{}, { prefixes: true }, { maxDepth: 4 }] as SplitOptions[]) {
            for (const size of [1 << 20, 97, 13, 1]) expect(split(text, size, options)).toEqual(split(text, size, { ...options, walkOnly: true }));
          }
        }
      });
    }

    it('with these outcomes on JSONL', () => {
      const jsonl = (body: string[], options = {}) => split([first, ...body].join('\n'), 1 << 20, options);
      const broken = jsonl(lines['broken, truncated and over-closed lines']!);
      expect(broken.records.map((r) => JSON.parse(r.text).id)).toEqual(['r0', 'r2', 'r4', 'r5', 'r7']);
      // stray text is named (once) with the index the next record will have
      expect(broken.problems.map((p) => [p.index, p.message.slice(0, 43)])).toEqual([
        [1, 'line ends inside this record (truncated or '],
        [3, 'line ends inside this record (truncated or '],
        [5, 'unexpected text outside any JSON record: "}'],
        [6, 'line ends inside this record (truncated or '],
      ]);
      const two = jsonl(lines['two objects on one line, and text after an object']!);
      expect(two.records.map((r) => [r.index, JSON.parse(r.text).id])).toEqual([
        [0, 'r0'],
        [1, 'r1'],
        [2, 'r2'],
        [3, 'r3'],
        [4, 'r4'],
        [5, 'r5'],
        [6, 'r6'],
      ]);
      const pages = jsonl(lines['Graph pages, Event Hub batches and page contexts on lines']!);
      expect(pages.records.map((r) => [JSON.parse(r.text).id, r.context])).toEqual([
        ['r0', null],
        ['p1', 'https://x/$metadata#auditLogs/signIns'],
        ['p2', 'https://x/$metadata#auditLogs/signIns'],
        ['r3', null],
        ['b1', null],
        ['c1', 'inside a record'],
        ['v1', null],
        ['v2', null],
        ['r4', null],
      ]);
      expect(pages.containers).toEqual({ arrays: 0, valuePages: 1, recordsPages: 1, objects: 6 });
      const deep = jsonl(lines['nesting at and over the depth limit']!, { maxDepth: 4 });
      expect(deep.records.map((r) => JSON.parse(r.text).id)).toEqual(['r0', 'd4', 'r6']);
      expect(deep.problems.map((p) => [p.index, p.message.slice(0, 38)])).toEqual([
        [2, 'record nests deeper than 4 levels (0 K'],
        [3, 'record nests deeper than 4 levels (0 K'],
      ]);
      const prefixed = jsonl(lines['lines with prefixes and lines without JSON']!, { prefixes: true });
      expect(prefixed.records.map((r) => JSON.parse(r.text).id ?? '{}')).toEqual(['r0', 'r1', 't2', 'r4', '{}', 't5']);
      expect(prefixed.prefixes).toMatchObject({ lines: 3, first: '<134>Mar  4 02:12:00 host app:' });
    });
  });
});
