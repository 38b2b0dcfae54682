// The CLI shares the engine: import → case file → info / sql, with the documented exit codes.
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';
import { graphSignin } from '../helpers/graph-records';
import { tempDir } from '../helpers/temp-files';

const tmp = tempDir();

async function cli(...argv: string[]) {
  const lines: string[] = [];
  const code = await runCli(argv, (s) => lines.push(s));
  return { code, out: lines.join('\n') };
}

describe('signin-scope CLI', () => {
  const good = tmp.write('good.json', JSON.stringify({ value: [graphSignin(), graphSignin({ userPrincipalName: 'megan@northwind.example' })] }));
  const partly = tmp.write('partly.jsonl', `${JSON.stringify(graphSignin())}\n{"broken": \n`);
  const caseFile = path.join(tmp.dir, 'case.signinscope');

  it('imports, saves a case and exits 0', async () => {
    const { code, out } = await cli('import', good, '--case', caseFile);
    expect(code).toBe(0);
    expect(out).toMatch(/good\.json\s+graph-json\/value-pages\s+ok\s+2\s+2/);
    expect(existsSync(caseFile)).toBe(true);
  });

  it('prints JSON summaries and exits 1 when records were rejected', async () => {
    const { code, out } = await cli('import', partly, '--case', path.join(tmp.dir, 'b.signinscope'), '--json');
    expect(code).toBe(1);
    const summary = JSON.parse(out);
    expect(summary.files[0]).toMatchObject({ imported: 1, errors: 1 });
  });

  it('exits 2 on unusable input and writes no case when nothing was usable', async () => {
    const target = path.join(tmp.dir, 'c.signinscope');
    const { code, out } = await cli('import', tmp.write('x.json', '<html></html>'), '--case', target);
    expect(code).toBe(2);
    expect(out).toContain('no case written');
    expect(existsSync(target)).toBe(false);
  });

  it('reports the case and answers read-only SQL', async () => {
    const info = JSON.parse((await cli('info', caseFile, '--json')).out);
    expect(info.signins).toBe(2);
    expect(info.sources[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    const rows = JSON.parse((await cli('sql', caseFile, 'SELECT user_principal_name FROM signins ORDER BY 1', '--json')).out);
    expect(rows).toEqual([{ user_principal_name: 'alexw@northwind.example' }, { user_principal_name: 'megan@northwind.example' }]);
  });

  it('refuses writes in sql', async () => {
    const { code } = await cli('sql', caseFile, 'DELETE FROM signin_data');
    expect(code).toBe(2);
    const rows = JSON.parse((await cli('sql', caseFile, 'SELECT count(*) AS n FROM signins', '--json')).out);
    expect(rows[0].n).toBe(2);
  });

  it('adds a second import to an existing case, deduplicating overlap', async () => {
    const { code } = await cli('import', good, '--case', caseFile);
    expect(code).toBe(0);
    const info = JSON.parse((await cli('info', caseFile, '--json')).out);
    expect(info.signins).toBe(2);
    expect(info.sources[1].duplicates).toBe(2);
  });
});

/** The real executable, as a shell pipeline would run it: stdout and stderr as bytes. */
function runBin(args: string[], opts: { pipeThroughCat?: string } = {}): { status: number | null; stdout: Buffer; stderr: string } {
  const env = { ...process.env, SIGNINSCOPE_BIN: BIN, SIGNINSCOPE_OUT: opts.pipeThroughCat ?? '' };
  const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  // `exit ${PIPESTATUS}` is bash-only: keep the producer's status with a plain sh trick instead.
  const script = opts.pipeThroughCat ? `{ node "$SIGNINSCOPE_BIN" ${quoted}; echo $? > "$SIGNINSCOPE_OUT.status"; } | cat > "$SIGNINSCOPE_OUT"` : `node "$SIGNINSCOPE_BIN" ${quoted}`;
  const res = spawnSync('sh', ['-c', script], { env, maxBuffer: 256 << 20 });
  const status = opts.pipeThroughCat ? Number(readFileSync(`${opts.pipeThroughCat}.status`, 'utf8')) : res.status;
  return { status, stdout: res.stdout, stderr: res.stderr.toString('utf8') };
}

const BIN = path.resolve(__dirname, '../../bin/signin-scope.js');
/** Raw bytes a terminal would act on: ESC, CSI (U+009B as UTF-8), BEL, CR, and a right-to-left override. */
const TERMINAL_CONTROL = /\u001b|\u009b|\u0007|\r|\u202e/;

describe('signin-scope CLI output', () => {
  const hostileName = 'evil\u001b]0;pwned\u0007\u202efdp.json';
  const hostile = tmp.write(hostileName, JSON.stringify({ value: [graphSignin({ userPrincipalName: 'mallory\u001b[2J\u001b[31m@northwind.example', appDisplayName: 'App\u009b6n\r' })] }));
  const caseFile = path.join(tmp.dir, 'hostile.signinscope');

  it('pipes more than 10 MB through `cat` whole (the process waits for stdout to drain)', () => {
    expect(runBin(['import', hostile, '--case', caseFile]).status).toBe(0);
    const n = 120_000;
    const sql = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${n}) SELECT i, printf('%080d', i) AS pad FROM n`;
    const outFile = path.join(tmp.dir, 'piped.json');
    const res = runBin(['sql', caseFile, sql, '--json'], { pipeThroughCat: outFile });
    expect(res.status).toBe(0);
    const expected = `${JSON.stringify(
      Array.from({ length: n }, (_, k) => ({ i: k + 1, pad: String(k + 1).padStart(80, '0') })),
      null,
      2,
    )}\n`;
    const piped = readFileSync(outFile);
    expect(piped.length).toBeGreaterThan(10 << 20);
    expect(piped.length).toBe(Buffer.byteLength(expected));
    expect(piped.equals(Buffer.from(expected))).toBe(true);
  });

  it('neutralizes terminal escapes in log values, file names, case titles and messages', () => {
    const text = runBin(['sql', caseFile, 'SELECT user_principal_name, app_display_name FROM signins']);
    expect(text.status).toBe(0);
    expect(text.stdout.toString('utf8')).toContain('mallory');
    expect(TERMINAL_CONTROL.test(text.stdout.toString('utf8'))).toBe(false);

    const json = runBin(['sql', caseFile, 'SELECT user_principal_name, app_display_name FROM signins', '--json']);
    expect(TERMINAL_CONTROL.test(json.stdout.toString('utf8'))).toBe(false);
    // --json stays lossless: the escapes are JSON escapes of the same characters
    expect(JSON.parse(json.stdout.toString('utf8'))).toEqual([{ user_principal_name: 'mallory\u001b[2J\u001b[31m@northwind.example', app_display_name: 'App\u009b6n\r' }]);

    for (const args of [
      ['info', caseFile],
      ['info', caseFile, '--json'],
      ['import', hostile, '--case', path.join(tmp.dir, 'again.signinscope')],
    ]) {
      const res = runBin(args);
      const all = res.stdout.toString('utf8') + res.stderr;
      expect(all).toMatch(/evil/); // the file name (and the case title taken from it) is shown…
      expect(TERMINAL_CONTROL.test(all)).toBe(false); // …without its escapes
    }
    const missing = runBin(['info', path.join(tmp.dir, 'no\u001b[2Jcase.signinscope')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no\\u001b\[2Jcase/);
    expect(TERMINAL_CONTROL.test(missing.stderr)).toBe(false);
  });

  it('refuses several statements without running any', async () => {
    const res = runBin(['sql', caseFile, "SELECT 1; SELECT 'second'"]);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/holds 2 statements.*exactly one/);
    expect(res.stdout.length).toBe(0);
    expect((await cli('sql', caseFile, 'SELECT count(*) AS n FROM signins;  -- one statement, a comment', '--json')).code).toBe(0);
  });

  it('cuts a result at --limit with a message and exit 2', () => {
    const res = runBin(['sql', caseFile, 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50) SELECT i FROM n', '--json', '--limit', '10']);
    expect(res.status).toBe(2);
    expect(JSON.parse(res.stdout.toString('utf8'))).toEqual(Array.from({ length: 10 }, (_, k) => ({ i: k + 1 })));
    expect(res.stderr).toMatch(/more than 10 rows; only the first 10 were printed/);
  });

  it('stops a query that never ends at --timeout with a message and exit 2', () => {
    const res = runBin(['sql', caseFile, 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n', '--timeout', '1']);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/stopped after 1 s \(--timeout\)/);
    expect(res.stdout.length).toBe(0);
  });
});

describe('signin-scope import --case never writes evidence', () => {
  const evidence = tmp.write('evidence.json', JSON.stringify({ value: [graphSignin()] }));
  const before = () => ({ bytes: readFileSync(evidence), mtime: statSync(evidence).mtimeMs });

  it('refuses the evidence itself, another path to it and a hard link to it, even with --replace', async () => {
    const orig = before();
    linkSync(evidence, path.join(tmp.dir, 'hardlink.json'));
    symlinkSync(evidence, path.join(tmp.dir, 'symlink.json'));
    for (const target of [evidence, path.join(tmp.dir, 'sub', '..', 'evidence.json'), path.join(tmp.dir, 'hardlink.json'), path.join(tmp.dir, 'symlink.json')]) {
      mkdirSync(path.join(tmp.dir, 'sub'), { recursive: true });
      for (const replace of [[], ['--replace']]) {
        const { code } = await cli('import', evidence, '--case', target, ...replace);
        expect(code).toBe(2);
      }
    }
    expect(readFileSync(evidence).equals(orig.bytes)).toBe(true);
    expect(statSync(evidence).mtimeMs).toBe(orig.mtime);
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('replaces only a SigninScope case, and only with --replace', async () => {
    const notes = tmp.write('notes.txt', 'my notes');
    expect((await cli('import', evidence, '--case', notes, '--replace')).code).toBe(2);
    expect(readFileSync(notes, 'utf8')).toBe('my notes');
    const sqlite = path.join(tmp.dir, 'other.db');
    writeFileSync(sqlite, Buffer.concat([Buffer.from('SQLite format 3\u0000'), Buffer.alloc(4080)]));
    expect((await cli('import', evidence, '--case', sqlite, '--replace')).code).toBe(2);

    const target = path.join(tmp.dir, 'replace-me.signinscope');
    expect((await cli('import', good, '--case', target)).code).toBe(0);
    expect((await cli('import', evidence, '--case', target, '--replace')).code).toBe(0);
    const info = JSON.parse((await cli('info', target, '--json')).out);
    expect(info.sources.map((s: { fileName: string }) => s.fileName)).toEqual(['evidence.json']);
  });
  const good = tmp.write('good2.json', JSON.stringify({ value: [graphSignin({ userPrincipalName: 'megan@northwind.example' })] }));
});
