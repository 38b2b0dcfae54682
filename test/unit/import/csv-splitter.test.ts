import { describe, expect, it } from 'vitest';
import { CsvRecordSplitter, detectDelimiter } from '../../../main/import/readers/csv-splitter';

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
});
