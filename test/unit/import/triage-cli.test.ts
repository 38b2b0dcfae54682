// `signin-scope import --user/--user-file/--ip/--from/--to/--app`: a partial case, said so by import and info.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../main/cli/index';
import { graphSignin } from '../../helpers/graph-records';
import { tempDir } from '../../helpers/temp-files';

const tmp = tempDir('triage-cli-');

async function cli(...argv: string[]) {
  const lines: string[] = [];
  const code = await runCli(argv, (s) => lines.push(s));
  return { code, out: lines.join('\n') };
}

describe('signin-scope import with a triage filter', () => {
  const records = [
    graphSignin({ userPrincipalName: 'megan@northwind.example', ipAddress: '10.0.0.5', createdDateTime: '2025-03-04T02:10:00Z' }),
    graphSignin({ userPrincipalName: 'megan@northwind.example', ipAddress: '192.0.2.7', createdDateTime: '2025-03-04T02:11:00Z' }),
    graphSignin({ userPrincipalName: 'lee@northwind.example', ipAddress: '10.0.0.6', createdDateTime: '2025-03-04T02:12:00Z' }),
    graphSignin({ userPrincipalName: 'zoe@northwind.example', ipAddress: '10.0.0.7', createdDateTime: '2025-03-04T02:13:00Z' }),
  ];
  const evidence = tmp.write('signins.jsonl', records.map((r) => JSON.stringify(r)).join('\n'));
  const users = tmp.write('users.txt', '# suspects\nLEE@northwind.example\n\n');

  it('keeps only matching sign-ins, records the filter and counts in the manifest, and says so in import and info', async () => {
    const target = path.join(tmp.dir, 'partial.signinscope');
    const imported = await cli('import', evidence, '--case', target, '--user', 'Megan@Northwind.example', '--user-file', users, '--ip', '10.0.0.0/8', '--to', '2025-03-04T02:12:00Z');
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('partial import: filter users Megan@Northwind.example, LEE@northwind.example; IP 10.0.0.0/8; to 2025-03-04T02:12:00Z; 2 records skipped by it');
    const rows = JSON.parse((await cli('sql', target, 'SELECT user_principal_name, ip_address FROM signins ORDER BY 1', '--json')).out);
    expect(rows).toEqual([
      { user_principal_name: 'lee@northwind.example', ip_address: '10.0.0.6' },
      { user_principal_name: 'megan@northwind.example', ip_address: '10.0.0.5' },
    ]);
    const info = await cli('info', target);
    expect(info.out).toContain('Partial import: filter users Megan@Northwind.example, LEE@northwind.example; IP 10.0.0.0/8; to 2025-03-04T02:12:00Z');
    expect(info.out).toContain('2 of 4 records kept, 2 skipped by the filter');
    const json = JSON.parse((await cli('info', target, '--json')).out);
    expect(json.partialImport).toEqual([{ sourceId: 1, fileName: 'signins.jsonl', filter: expect.stringContaining('IP 10.0.0.0/8'), read: 4, kept: 2, skipped: 2 }]);
  });

  it('a full import shows no banner', async () => {
    const target = path.join(tmp.dir, 'full.signinscope');
    expect((await cli('import', evidence, '--case', target)).code).toBe(0);
    expect((await cli('info', target)).out).not.toContain('Partial import');
    expect(JSON.parse((await cli('info', target, '--json')).out).partialImport).toBeUndefined();
  });

  it('refuses a malformed filter before reading anything', async () => {
    const target = path.join(tmp.dir, 'bad.signinscope');
    expect((await cli('import', evidence, '--case', target, '--ip', '10.0.0.0/33')).code).toBe(2);
    expect((await cli('import', evidence, '--case', target, '--from', '2025-03-04T02:10:00')).code).toBe(2); // no zone: ambiguous
    expect((await cli('import', evidence, '--case', target, '--user-file', path.join(tmp.dir, 'missing.txt'))).code).toBe(2);
    expect(existsSync(target)).toBe(false);
  });

  it('refuses a user list that is not a regular file (a FIFO would block) without waiting on it', async () => {
    const fifo = path.join(tmp.dir, 'users.fifo');
    execFileSync('mkfifo', [fifo]);
    const target = path.join(tmp.dir, 'fifo.signinscope');
    const written: string[] = [];
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => written.push(String(chunk)) > 0);
    const r = await cli('import', evidence, '--case', target, '--user-file', fifo).finally(() => stderr.mockRestore());
    expect(r.code).toBe(2);
    expect(written.join('')).toMatch(/--user-file .*users\.fifo: .*not a regular file/i);
    expect(existsSync(target)).toBe(false);
  });
});
