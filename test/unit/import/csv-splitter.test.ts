import { describe, expect, it } from 'vitest';
import { CsvRecordSplitter, detectDelimiter, type CsvRecord } from '../../../main/import/readers/csv-splitter';

function parse(text: string, chunk = 1 << 20, delimiter = ',') {
  const buf = Buffer.from(text);
  const rows: { fields: string[]; offset: number; length: number }[] = [];
  const s = new CsvRecordSplitter(
    delimiter.charCodeAt(0),
    (r) => rows.push(r),
    () => {},
  );
  for (let i = 0; i < buf.length; i += chunk) s.push(Buffer.from(buf.subarray(i, i + chunk)));
  s.end();
  return { rows, endedInQuotes: s.endedInQuotes };
}

describe('CsvRecordSplitter', () => {
  const text = '"Date (UTC)","User agent","Location"\r\n"2025-03-04T02:10:00Z","Mozilla ""quoted"", with comma","Seattle, Washington, US"\r\n2025-03-05,plain,"multi\nline"\n';
  it('parses quoted fields, doubled quotes, embedded delimiters and line breaks at any chunk size', () => {
    for (const chunk of [1, 2, 5, 1 << 20]) {
      const { rows } = parse(text, chunk);
      expect(rows.map((r) => r.fields)).toEqual([
        ['Date (UTC)', 'User agent', 'Location'],
        ['2025-03-04T02:10:00Z', 'Mozilla "quoted", with comma', 'Seattle, Washington, US'],
        ['2025-03-05', 'plain', 'multi\nline'],
      ]);
    }
  });

  it('gives each record its byte range', () => {
    const { rows } = parse(text);
    const buf = Buffer.from(text);
    expect(buf.subarray(rows[2]!.offset, rows[2]!.offset + rows[2]!.length).toString()).toBe('2025-03-05,plain,"multi\nline"');
  });

  it('keeps multi-byte UTF-8 intact across chunk boundaries', () => {
    const { rows } = parse('a,b\nfür Gäste,日本\n', 1);
    expect(rows[1]!.fields).toEqual(['für Gäste', '日本']);
  });

  it('notices a file that ends inside quotes', () => {
    expect(parse('a,b\n1,"open').endedInQuotes).toBe(true);
  });

  it('detects the delimiter of a header line', () => {
    expect(String.fromCharCode(detectDelimiter('"a;b",c,d'))).toBe(',');
    expect(String.fromCharCode(detectDelimiter('a;b;c'))).toBe(';');
    expect(String.fromCharCode(detectDelimiter('a\tb\tc'))).toBe('\t');
  });
  // Rows are found on their bytes (quotes followed, nothing decoded) and split into fields when read.
  const tricky = '\ufeffa,b,c\r\n"x""y",say "hi,z\r\n\r\n""\n"q"tail,"multi\r\nline, with ""quotes""",\rlast,"",\n"open';
  const want = [
    [0, 3, 5, ['a', 'b', 'c']],
    [1, 10, 16, ['x"y', 'say "hi', 'z']], // a quote inside an unquoted field is text
    [2, 33, 39, ['qtail', 'multi\r\nline, with "quotes"', '']], // text after a closing quote belongs to the field; a blank line and "" are no rows
    [3, 73, 8, ['last', '', '']], // a row ended by a bare CR
    [4, 82, 5, ['open']], // the file ends inside quotes
  ];

  it('finds rows with quoted line breaks, doubled quotes, CR, CRLF and a BOM at any chunk size, fields read at once or later', () => {
    for (const chunk of [1, 2, 3, 5, 11, 1 << 20]) {
      const bom = chunk >= 3; // the BOM is recognised in a first chunk that holds it whole (the importer's hold 64 KB or more)
      const buf = Buffer.from(bom ? tricky : tricky.slice(1));
      const expected = want.map(([index, offset, ...rest]) => [index, (offset as number) - (bom ? 0 : 3), ...rest]);
      const now: unknown[] = [];
      const s = new CsvRecordSplitter(
        0x2c,
        (r) => now.push([r.index, r.offset, r.length, r.fields]),
        () => {},
      );
      const later: CsvRecord[] = [];
      const t = new CsvRecordSplitter(
        0x2c,
        (r) => later.push(r),
        () => {},
      );
      for (let i = 0; i < buf.length; i += chunk) {
        s.push(Buffer.from(buf.subarray(i, i + chunk)));
        t.push(Buffer.from(buf.subarray(i, i + chunk)));
      }
      expect(s.endedInQuotes).toBe(true);
      s.end();
      t.end();
      expect(now).toEqual(expected);
      expect(later.map((r) => [r.index, r.offset, r.length, r.fields])).toEqual(expected);
    }
  });

  it('gives rows whose fields are never read their byte ranges and indexes, and the rows read after them their fields', () => {
    const lines = ['User,IP address', ...Array.from({ length: 50 }, (_, i) => (i % 7 === 0 ? `"user${i}@x.example","line\nbreak ${i}"` : `user${i}@x.example,10.0.0.${i}`))];
    const text = lines.join('\r\n') + '\r\n';
    const rows: { index: number; offset: number; length: number; fields?: string[] }[] = [];
    const s = new CsvRecordSplitter(
      0x2c,
      (r) => rows.push(r.index % 10 === 3 ? { index: r.index, offset: r.offset, length: r.length, fields: r.fields } : { index: r.index, offset: r.offset, length: r.length }),
      () => {},
    );
    for (let i = 0; i < text.length; i += 64) s.push(Buffer.from(text.slice(i, i + 64)));
    s.end();
    expect(rows.map((r) => r.index)).toEqual(lines.map((_, i) => i));
    let at = 0;
    for (const [i, line] of lines.entries()) {
      expect(rows[i]).toMatchObject({ offset: at, length: line.length });
      at += line.length + 2;
    }
    expect(rows[13]!.fields).toEqual(['user12@x.example', '10.0.0.12']);
    expect(rows[43]!.fields).toEqual(['user42@x.example', 'line\nbreak 42']);
  });
});
