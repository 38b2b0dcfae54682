// CSV cells: formula triggers neutralized, RFC 4180 quoting, numbers and booleans as written.
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, neutralize } from '../../../main/export/csv-cell';

describe('CSV cells', () => {
  it('neutralizes text that a spreadsheet would run as a formula', () => {
    for (const hostile of ['=1+1', '+1', '-2+3', '@SUM(A1:A9)', '\t=cmd', '\r=cmd', "=cmd|'/c calc'!A0"]) expect(neutralize(hostile)).toBe(`'${hostile}`);
    for (const plain of ['alice@northwind.example', 'a=b', '', ' =x', '1-2']) expect(neutralize(plain)).toBe(plain);
  });

  it('quotes cells with commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('Seattle, WA')).toBe('"Seattle, WA"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
  });

  it('writes numbers, booleans and empty cells as they are', () => {
    expect(csvCell(-122.3)).toBe('-122.3');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvLine(['a', 1, null, '-x'])).toBe("a,1,,'-x\r\n");
  });
});
