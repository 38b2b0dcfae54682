// Bad evidence never crashes an import: each problem names file, record and cause; good records stay.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { graphSignin } from '../../helpers/graph-records';
import { importIntoNewCase } from '../../helpers/import-helpers';
import { tempDir } from '../../helpers/temp-files';

const tmp = tempDir();
const jsonl = (n: number) => Array.from({ length: n }, () => JSON.stringify(graphSignin())).join('\n');

describe('import of bad input', () => {
  it('malformed JSON record: error names the record, neighbours import', async () => {
    const lines = [JSON.stringify(graphSignin()), '{"id": "x", "createdDateTime": 2025-01-01}', JSON.stringify(graphSignin())];
    const { file } = await importIntoNewCase([tmp.write('malformed.json', lines.join('\n'))]);
    expect(file().imported).toBe(2);
    expect(file().errors).toBe(1);
    expect(file().firstIssues[0]).toMatchObject({ file: 'malformed.json', recordIndex: 1, severity: 'error' });
    expect(file().firstIssues[0]!.message).toMatch(/malformed JSON/);
  });

  it('truncated last record of an array', async () => {
    const text = JSON.stringify({ value: [graphSignin(), graphSignin(), graphSignin()] });
    const { file } = await importIntoNewCase([tmp.write('truncated.json', text.slice(0, text.length - 120))]);
    expect(file().imported).toBe(2);
    expect(file().firstIssues[0]!.message).toMatch(/truncated/);
    expect(file().status).toBe('ok');
  });

  it.each([
    ['empty.json', '', /empty/],
    ['page.json', '<!DOCTYPE html><html><body>Sign in to your account</body></html>', /HTML/],
    ['binary.json', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2, 3, 0, 0, 9]), /binary/],
    ['notes.csv', 'just some words\nand more', /neither JSON nor CSV/],
    ['columns.csv', 'Name,Score\nbob,3\n', /not a sign-in export/],
  ])('unusable file %s is reported as such', async (name, content, why) => {
    const { file } = await importIntoNewCase([tmp.write(name, content)]);
    expect(file().status).toBe('unusable');
    expect(file().imported).toBe(0);
    expect(file().firstIssues[0]!.message).toMatch(why);
  });

  it('a missing file is reported and the other files still import', async () => {
    const good = tmp.write('good.jsonl', jsonl(3));
    const { summary } = await importIntoNewCase([tmp.dir + '/nope.json', good]);
    expect(summary.files[0]!.status).toBe('unusable');
    expect(summary.files[0]!.firstIssues[0]!.message).toMatch(/not found/);
    expect(summary.files[1]!.imported).toBe(3);
  });

  it.each([
    ['utf-16le with BOM', (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])],
    ['utf-16be with BOM', (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()])],
    ['utf-16le without BOM', (s: string) => Buffer.from(s, 'utf16le')],
    ['utf-8 with BOM', (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s)])],
    ['gzip', (s: string) => gzipSync(Buffer.from(s))],
  ])('reads %s', async (name, encode) => {
    const records = [graphSignin({ userDisplayName: 'Jörg Müller 日本' }), graphSignin()];
    const { file, rows } = await importIntoNewCase([tmp.write(`${name.replace(/\W/g, '-')}.json`, encode(JSON.stringify(records, null, 2)))]);
    expect(file().imported).toBe(2);
    expect(rows('SELECT user_display_name FROM signins ORDER BY rid')[0]![0]).toBe('Jörg Müller 日本');
  });

  it('a 10 MB field is imported whole', async () => {
    const big = 'A'.repeat(10 * 1024 * 1024);
    const { file, rows } = await importIntoNewCase([tmp.write('big-field.jsonl', [JSON.stringify(graphSignin({ userAgent: big })), JSON.stringify(graphSignin())].join('\n'))]);
    expect(file().imported).toBe(2);
    expect(rows('SELECT length(user_agent) FROM signins WHERE user_agent IS NOT NULL')[0]![0]).toBe(big.length);
  });

  it('a 100 MB single line over the per-record limit is skipped with an error, memory bounded', async () => {
    const line = `{"id":"huge","blob":"${'x'.repeat(100 * 1024 * 1024)}"}`;
    const { file } = await importIntoNewCase([tmp.write('huge-line.jsonl', `${JSON.stringify(graphSignin())}\n${line}\n${JSON.stringify(graphSignin())}\n`)]);
    expect(file().imported).toBe(2);
    expect(file().firstIssues[0]!.message).toMatch(/over the 64 MB limit/);
  });

  it('keeps CSV formulas and HTML as inert text and never modifies the evidence', async () => {
    const path = tmp.write('hostile.jsonl', JSON.stringify(graphSignin({ userDisplayName: '=HYPERLINK("http://x","y")', userAgent: '<script>alert(1)</script>' })));
    const before = { hash: createHash('sha256').update(readFileSync(path)).digest('hex'), mtime: statSync(path).mtimeMs };
    const { rows, file } = await importIntoNewCase([path]);
    expect(rows('SELECT user_display_name, user_agent FROM signins')[0]).toEqual(['=HYPERLINK("http://x","y")', '<script>alert(1)</script>']);
    expect(file().sha256).toBe(before.hash);
    expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(before.hash);
    expect(statSync(path).mtimeMs).toBe(before.mtime);
  });

  it('a corrupt gzip reports the damage', async () => {
    const gz = gzipSync(Buffer.from(jsonl(50)));
    const { file } = await importIntoNewCase([tmp.write('cut.json.gz', gz.subarray(0, Math.floor(gz.length / 2)))]);
    expect(file().errors).toBeGreaterThan(0);
    expect(
      file()
        .firstIssues.map((i) => i.message)
        .join(' '),
    ).toMatch(/gzip|truncated|end of file/i);
  });
});
