// `signin-scope detect` on a saved case, and the small pure helpers rules are built from.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveCase } from '../../../main/cases/case-store';
import { runCli } from '../../../main/cli/index';
import { networkPrefix } from '../../../main/detections/ip-prefix';
import { components } from '../../../main/detections/union-find';
import { mergeWindows, slidingBursts } from '../../../main/detections/windows';
import { after, fixtureCase, type FixtureSignin } from './helpers/graph-fixture';
import { all } from '../../helpers/sql';

const T0 = '2025-03-04T10:00:00.000Z';

async function cli(...argv: string[]) {
  const lines: string[] = [];
  const code = await runCli(argv, (s) => lines.push(s));
  return { code, out: lines.join('\n') };
}

describe('signin-scope detect', () => {
  it('prints findings with request ids, as text and JSON, and saves them into the case with --save', async () => {
    const spray: FixtureSignin[] = Array.from({ length: 6 }, (_, i) => ({
      at: after(T0, i),
      user: `u${i}@contoso.example`,
      ip: '198.51.100.7',
      asn: 9009,
      code: 50126,
      agent: 'python-requests/2.32.3',
    }));
    const db = await fixtureCase(spray);
    const requestIds = all(db, 'SELECT id FROM signin_data ORDER BY created_ms').map((r) => String(r[0]));
    const dir = mkdtempSync(join(tmpdir(), 'detect-cli-'));
    const file = join(dir, 'case.signinscope');
    await saveCase(db, file);
    db.close();

    const json = await cli('detect', file, '--json');
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.out) as { findings: { ruleId: string; severity: string; requestIds: string[]; users: string[] }[] };
    const spr = parsed.findings.find((f) => f.ruleId === 'password-spray')!;
    expect(spr.severity).toBe('medium');
    expect(spr.users).toHaveLength(6);
    expect(spr.requestIds).toEqual(requestIds);

    const text = await cli('detect', file, '--save');
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^2 findings \(high 0, medium 2, low 0, informational 0\) from 19 rules in \d+ ms; saved in the case/);
    expect(text.out).toContain('[MEDIUM] password-spray  2025-03-04T10:00:00Z → 2025-03-04T10:05:00Z');
    expect(text.out).toContain('  IPs (1): 198.51.100.7');
    for (const id of requestIds) expect(text.out).toContain(id);
    const saved = await cli('sql', file, 'SELECT rule_id, count(*) AS n FROM findings f JOIN finding_signins s ON s.finding_id = f.id GROUP BY rule_id ORDER BY rule_id', '--json');
    expect(JSON.parse(saved.out)).toEqual([
      { rule_id: 'attack-tooling', n: 6 },
      { rule_id: 'password-spray', n: 6 },
    ]);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('rule helpers', () => {
  it('takes the /16 of IPv4 and the first two hextets of IPv6', () => {
    expect(networkPrefix('198.18.7.9')).toBe('198.18');
    expect(networkPrefix('2001:db8:1::1')).toBe(networkPrefix('2001:0db8:ffff::2'));
    expect(networkPrefix('2001:db8::1')).toBe('8193:3512');
    expect(networkPrefix('::1')).toBe('0:0');
    expect(networkPrefix('10.0.XXX.XXX')).toBe('10.0.xxx.xxx');
  });

  it('finds sliding bursts of at least n events within a window', () => {
    const m = 60_000;
    expect(
      slidingBursts(
        [0, 1, 2, 30, 31].map((x) => x * m),
        5 * m,
        3,
      ),
    ).toEqual([[0, 2]]);
    expect(
      slidingBursts(
        [0, 1, 2, 3, 4, 5].map((x) => x * m),
        2 * m,
        3,
      ),
    ).toEqual([[0, 5]]);
    expect(
      slidingBursts(
        [0, 10, 20].map((x) => x * m),
        5 * m,
        2,
      ),
    ).toEqual([]);
  });

  it('merges touching windows of the same key only', () => {
    expect(
      mergeWindows([
        { key: 1, from: 0, to: 10 },
        { key: 2, from: 10, to: 20 },
        { key: 1, from: 10, to: 20 },
        { key: 1, from: 25, to: 30 },
      ]),
    ).toEqual([
      { key: 1, from: 0, to: 20 },
      { key: 1, from: 25, to: 30 },
      { key: 2, from: 10, to: 20 },
    ]);
  });

  it('groups items that share a link', () => {
    expect(
      components([
        { id: 3, links: ['a'] },
        { id: 1, links: ['b'] },
        { id: 2, links: ['a', 'b'] },
        { id: 9, links: ['z'] },
      ]),
    ).toEqual([[1, 2, 3], [9]]);
  });
});
