// The CLI shares the engine: import → case file → info / sql, with the documented exit codes.
import { existsSync } from 'node:fs';
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

  it('exits 2 on unusable input', async () => {
    const { code } = await cli('import', tmp.write('x.json', '<html></html>'), '--case', path.join(tmp.dir, 'c.signinscope'));
    expect(code).toBe(2);
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
