// Nothing is altered silently: replaced invalid UTF-8 is counted and located, a record skipped for
// depth is named, and a file that changes while it is read is reported with both sizes while the
// manifest keeps the hash and size of exactly the bytes that were read.
import { createHash } from 'node:crypto';
import { appendFileSync, closeSync, openSync, readFileSync, truncateSync, utimesSync, writeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CaseDb } from '../../../main/db/case-db';
import { Rng } from '../../../main/generator/prng';
import { importFiles } from '../../../main/import/pipeline';
import { Utf8Check } from '../../../main/import/utf8-check';
import { graphSignin } from '../../helpers/graph-records';
import { importIntoNewCase } from '../../helpers/import-helpers';
import { tempDir } from '../../helpers/temp-files';
import { all } from '../../helpers/sql';

const tmp = tempDir();
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('invalid UTF-8', () => {
  it('counts what the decoder replaced with U+FFFD, exactly, across any chunk boundaries (seeded random bytes)', () => {
    const rng = new Rng(9);
    const pool = [0x41, 0x7b, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0, 0x80, 0xff, 0xc0, 0xf4, 0x90, 0x80, 0xbf, 0xef, 0xbf, 0xbd];
    for (let round = 0; round < 200; round++) {
      const bytes = Buffer.from(Array.from({ length: rng.int(1, 300) }, () => pool[rng.int(0, pool.length - 1)]!));
      const decoded = new TextDecoder('utf-8').decode(bytes);
      const literal = bytes.toString('latin1').split('\u00ef\u00bf\u00bd').length - 1; // EF BF BD is a real U+FFFD
      const expected = decoded.split('\uFFFD').length - 1 - literal;
      const check = new Utf8Check();
      for (let at = 0; at < bytes.length;) {
        const n = rng.int(1, 7);
        check.push(bytes.subarray(at, at + n));
        at += n;
      }
      check.end();
      expect(check.count).toBe(expected);
      expect(check.firstOffset >= 0).toBe(expected > 0);
    }
  });

  it('a file with invalid bytes imports with a warning naming the count and the first byte offset', async () => {
    const good = JSON.stringify(graphSignin());
    const bad = Buffer.from(JSON.stringify(graphSignin({ userDisplayName: 'Jo@@rg M@@ller' })));
    const at = bad.indexOf('@@');
    bad[at] = 0xc3; // a lead byte followed by "@": invalid
    bad[at + 1] = 0x40;
    const second = bad.indexOf('@@', at + 2);
    bad[second] = 0xff; // never valid
    bad[second + 1] = 0xfe;
    const text = Buffer.concat([Buffer.from(good + '\n'), bad, Buffer.from('\n')]);
    // A valid "ü" cut by the 1 MiB read chunk boundary is not a problem.
    const filler = JSON.stringify(graphSignin({ userAgent: 'ü'.repeat(600_000) }));
    const { file, rows } = await importIntoNewCase([tmp.write('latin.jsonl', Buffer.concat([text, Buffer.from(filler)]))]);
    expect(file()).toMatchObject({ imported: 3, errors: 0, warnings: 1 });
    expect(file().firstIssues[0]).toMatchObject({ severity: 'warning', byteOffset: good.length + 1 + at });
    expect(file().firstIssues[0]!.message).toBe(`3 invalid UTF-8 byte sequences replaced by U+FFFD (the first at byte offset ${good.length + 1 + at})`);
    expect(rows("SELECT user_display_name FROM signins WHERE user_display_name LIKE 'Jo%'")[0]![0]).toBe('Jo\uFFFD@rg M\uFFFD\uFFFDller');
  });
});

describe('invalid UTF-16', () => {
  const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

  it('an unpaired surrogate is counted and located in the decoded text; a real U+FFFD is not', async () => {
    const good = JSON.stringify([graphSignin({ userDisplayName: 'Real \uFFFD mark' })]);
    const { file: clean } = await importIntoNewCase([tmp.write('literal-utf16.json', utf16(good))]);
    expect(clean()).toMatchObject({ imported: 1, warnings: 0 });

    const text = JSON.stringify([graphSignin({ userDisplayName: 'Ada X' })]).replace('Ada X', 'Ada \uD800X');
    const { file, rows } = await importIntoNewCase([tmp.write('lone-surrogate.json', utf16(text))]);
    const offset = Buffer.byteLength(text.slice(0, text.indexOf('\uD800')));
    expect(file()).toMatchObject({ imported: 1, warnings: 1 });
    expect(file().firstIssues[0]).toMatchObject({ byteOffset: offset, message: `1 unpaired UTF-16 surrogate replaced by U+FFFD (the first at byte offset ${offset} of the decoded text)` });
    expect(rows('SELECT user_display_name FROM signins')[0]![0]).toBe('Ada \uFFFDX');
  });
});

describe('records skipped for depth', () => {
  it('a 100,000-deep record is an error naming it; its neighbours import', async () => {
    const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    const { file } = await importIntoNewCase([tmp.write('deep.jsonl', [JSON.stringify(graphSignin()), deep, JSON.stringify(graphSignin())].join('\n'))]);
    expect(file()).toMatchObject({ records: 3, imported: 2, errors: 1, status: 'ok' });
    expect(file().firstIssues[0]).toMatchObject({ severity: 'error', recordIndex: 1 });
    expect(file().firstIssues[0]!.message).toMatch(/nests deeper than 100 levels.*skipped/);
  });

  it('an array of deep arrays is not "0 records, ok" but an unusable file with an error', async () => {
    const { file } = await importIntoNewCase([tmp.write('deep-array.json', '['.repeat(100_000) + ']'.repeat(100_000))]);
    expect(file()).toMatchObject({ records: 1, imported: 0, errors: 1, status: 'unusable' });
    expect(file().firstIssues[0]!.message).toMatch(/nests deeper/);
  });

  it('array elements that are not objects are reported, not passed over', async () => {
    const { file } = await importIntoNewCase([tmp.write('nested.json', JSON.stringify([graphSignin(), [graphSignin()], 42, 'a, "quoted" ]', null, true]))]);
    expect(file()).toMatchObject({ records: 6, imported: 1, errors: 5 });
    expect(file().firstIssues.map((i) => i.message)).toEqual([
      'expected a JSON object, found an array',
      'array element is not a JSON object: 42; skipped',
      'array element is not a JSON object: "a; skipped',
      'array element is not a JSON object: null; skipped',
      'array element is not a JSON object: true; skipped',
    ]);
    const page = await importIntoNewCase([tmp.write('page-scalars.json', JSON.stringify({ value: [1, graphSignin()] }))]);
    expect(page.file()).toMatchObject({ records: 2, imported: 1, errors: 1 });
  });
});

describe('evidence that changes while it is imported', () => {
  /** A JSONL file of about 3 MB (three read chunks), dated in the past so that any write shows in its mtime. */
  function evidence(name: string): { path: string; bytes: Buffer; count: number } {
    const lines = Array.from({ length: 3000 }, () => JSON.stringify(graphSignin({ userAgent: 'x'.repeat(600) })));
    const path = tmp.write(name, lines.join('\n') + '\n');
    utimesSync(path, new Date('2024-01-01T00:00:00Z'), new Date('2024-01-01T00:00:00Z'));
    return { path, bytes: readFileSync(path), count: lines.length };
  }

  /** Imports `path`, running `meddle` once, after the first chunk has been read. */
  async function importWhile(path: string, meddle: () => void) {
    const caseDb = await CaseDb.create();
    let done = false;
    const summary = await importFiles(caseDb, [path], {
      parser: 'inline',
      progressEveryMs: 0,
      onProgress: (p) => {
        if (done || p.phase !== 'reading') return;
        done = true;
        meddle();
      },
    });
    expect(done).toBe(true);
    const source = all(caseDb, 'SELECT size, sha256 FROM sources')[0]!;
    return { file: summary.files[0]!, size: source[0], sha: source[1] };
  }

  it('a file that grows: an error naming both sizes; the manifest holds the hash and size of the bytes read', async () => {
    const { path, bytes, count } = evidence('growing.jsonl');
    const { file, size, sha } = await importWhile(path, () => appendFileSync(path, JSON.stringify(graphSignin()) + '\n'));
    expect(file.imported).toBe(count);
    const message = file.firstIssues.find((i) => i.severity === 'error')!.message;
    expect(message).toContain(
      `evidence changed during import: ${bytes.length.toLocaleString('en')} bytes when the import began, ${bytes.length.toLocaleString('en')} read, ${readFileSync(path).length.toLocaleString('en')} bytes now`,
    );
    expect([size, sha]).toEqual([bytes.length, sha256(bytes)]);
  });

  it('a file that shrinks: the error names both sizes; the hash is of the shorter bytes read', async () => {
    const { path, bytes } = evidence('shrinking.jsonl');
    const keep = 2_500_000;
    const { file, size, sha } = await importWhile(path, () => truncateSync(path, keep));
    expect(file.firstIssues.map((i) => i.message).join('\n')).toContain(
      `evidence changed during import: ${bytes.length.toLocaleString('en')} bytes when the import began, ${keep.toLocaleString('en')} read, ${keep.toLocaleString('en')} bytes now`,
    );
    expect([size, sha]).toEqual([keep, sha256(bytes.subarray(0, keep))]);
  });

  it('a file changed in place at the same size is reported as modified', async () => {
    const { path } = evidence('rewritten.jsonl');
    const { file } = await importWhile(path, () => {
      const fd = openSync(path, 'r+');
      writeSync(fd, 'Z', 3_000_000);
      closeSync(fd);
    });
    expect(file.firstIssues.map((i) => i.message).join('\n')).toMatch(/evidence changed during import: .* modified while it was read \(same size\)/);
  });

  it('an unchanged file gives no such error and records its full size', async () => {
    const { path, bytes } = evidence('steady.jsonl');
    const { file, size, sha } = await importWhile(path, () => undefined);
    expect(file.errors).toBe(0);
    expect([size, sha]).toEqual([bytes.length, sha256(bytes)]);
  });
});
