// The report names what each note is about (user, IP, request id, finding title), never an internal
// row id, and its annotation counts, stars included, are the app's (annotations.list totals).
import { beforeAll, describe, expect, it } from 'vitest';
import { listAnnotations } from '../../../main/annotations/list';
import { applyOp } from '../../../main/annotations/ops';
import type { CaseDb } from '../../../main/db/case-db';
import { replaceFindings } from '../../../main/detections/finding-store';
import { renderReport } from '../../../main/report/write-report';
import { importIntoNewCase } from '../../helpers/import-helpers';
import { tempDir } from '../../helpers/temp-files';
import { fixtureRecords } from '../annotations/fixture-case';
import { tokenize } from './html-tokens';
import { all } from '../../helpers/sql';

const tmp = tempDir();
let caseDb: CaseDb;
let text: string;
let requestId: string;
let signin: { upn: string; ip: string };

beforeAll(async () => {
  ({ caseDb } = await importIntoNewCase([tmp.write('signins.json', JSON.stringify({ value: fixtureRecords({ rows: 30 }) }))]));
  const [id, upn, ip] = all(caseDb, 'SELECT id, user_principal_name, ip_address FROM signins WHERE rid = 7')[0]!.map(String) as [string, string, string];
  requestId = id;
  signin = { upn, ip };
  const stamp = { author: 'ana', at: Date.UTC(2025, 2, 5) };
  const [finding] = replaceFindings(
    caseDb,
    ['brute-force'],
    [
      {
        ruleId: 'brute-force',
        severity: 'high',
        title: 'Brute force on someone',
        timeFrom: Date.UTC(2025, 2, 4),
        timeTo: Date.UTC(2025, 2, 5),
        users: [upn],
        ips: [ip],
        signinCount: 2,
        rids: [7, 8],
        details: {},
      },
    ],
  );
  applyOp(caseDb, { type: 'note', target: { type: 'signin', rid: 7 }, uid: 'n1', text: 'first sign-in from the VPS', ...stamp });
  applyOp(caseDb, { type: 'note', target: { type: 'ip', key: '203.0.113.99' }, uid: 'n2', text: 'attacker IP', ...stamp });
  applyOp(caseDb, { type: 'note', target: { type: 'finding', key: String(finding!.id) }, uid: 'n3', text: 'confirmed', ...stamp });
  applyOp(caseDb, { type: 'star', target: { type: 'signin', rid: 7 }, starred: true, ...stamp });
  applyOp(caseDb, { type: 'star', target: { type: 'signin', rid: 9 }, starred: true, ...stamp });
  applyOp(caseDb, { type: 'star', target: { type: 'user', key: upn }, starred: true, ...stamp });
  applyOp(caseDb, { type: 'tag', scope: { rids: [7, 8, 9] }, tags: ['compromised'], ...stamp });
  const html = renderReport(caseDb, { topSignins: 5 }).html;
  text = tokenize(html)
    .flatMap((t) => (t.type === 'text' ? [t.text] : []))
    .join('\n');
});

describe('report notes and counts', () => {
  it("names a sign-in note's target by user, IP and request id, not by row id", () => {
    expect(text).toContain(`sign-in of ${signin.upn} from ${signin.ip}`);
    expect(text).toContain(`request id ${requestId}`);
    expect(text).not.toMatch(/sign-in 7\b/);
    expect(text).toContain('IP address 203.0.113.99');
    expect(text).toContain('finding #1: Brute force on someone');
    expect(text).toContain(`user ${signin.upn.toLowerCase()}`);
  });

  it('counts tags, notes and stars as the app does', () => {
    const count = (kind?: 'tag' | 'note' | 'star') => listAnnotations(caseDb, { ...(kind ? { kind } : {}), offset: 0, limit: 1 }).total;
    const stars = count('star');
    const starredSignins = listAnnotations(caseDb, { kind: 'star', targetType: 'signin', offset: 0, limit: 1 }).total;
    expect([stars, starredSignins]).toEqual([3, 2]);
    expect(text).toContain(
      `Annotations in the case: ${count()} (tags: ${count('tag')}, notes: ${count('note')}, stars: ${stars}; starred sign-ins: ${starredSignins}, other starred items: ${stars - starredSignins}).`,
    );
  });
});
