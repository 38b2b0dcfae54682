// A case saved by an earlier version holds the spellings it was imported with; opening it maps them
// to the canonical ones once, keeps unknown values verbatim, and leaves a current case alone.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCase, saveCase } from '../../main/cases/case-store';
import { graphSignin } from './../helpers/graph-records';
import { importIntoNewCase } from '../helpers/import-helpers';
import { tempDir } from '../helpers/temp-files';
import type { CaseDb } from '../../main/db/case-db';
import { NUM } from '../../main/db/row-spec';
import { all, scalar } from '../helpers/sql';

const tmp = tempDir('case-vocabulary-');

/** Rewrites a freshly imported case so it looks like one saved before the vocabulary existed. */
function ageCase(db: CaseDb): void {
  const next = () => db.value('SELECT MAX(id) + 1 FROM strings', [], NUM)!;
  const put = (value: string) => {
    const id = next();
    db.run('INSERT INTO strings (id, value) VALUES (?, ?)', [id, value]);
    return id;
  };
  const policies = JSON.stringify([
    { id: 'p1', name: 'Require MFA', result: 'Not Applied', grant: null, session: null },
    { id: 'p2', name: 'Old preview', result: '3', grant: null, session: null },
    { id: 'p3', name: 'Future', result: 'someNewResult', grant: null, session: null },
  ]);
  const steps = JSON.stringify([{ method: 'Password', detail: null, succeeded: true, result: 'Correct password', requirement: 'primary authentication' }]);
  db.run(
    `UPDATE signin_data SET conditional_access_status_k = ?, user_type_k = ?, incoming_token_type_k = ?, risk_state_k = ?, trust_type_k = ?, ca_policies_k = ?, auth_steps_k = ?
     WHERE rid = (SELECT MIN(rid) FROM signin_data)`,
    [put('Not Applied'), put('Member'), put('Primary Refresh Token, SAML 1.1'), put('Brand new state'), put('Microsoft Entra hybrid joined'), put(policies), put(steps)],
  );
  db.run("INSERT INTO csv_auth_steps (request_id, seq, method, requirement, succeeded) VALUES ('r1', 0, 'Text message', 'Multifactor authentication', 1)");
  db.run("DELETE FROM case_meta WHERE key = 'vocabulary_version'");
}

describe('opening a case saved before the one vocabulary', () => {
  it('maps stored spellings to the canonical ones and keeps unknown values verbatim', async () => {
    const evidence = tmp.write('two.jsonl', [graphSignin({ userType: 'member' }), graphSignin({ userType: 'member' })].map((r) => JSON.stringify(r)).join('\n'));
    const { caseDb } = await importIntoNewCase([evidence]);
    ageCase(caseDb);
    const file = path.join(tmp.dir, 'old.signinscope');
    await saveCase(caseDb, file);

    const opened = await loadCase(file);
    expect(all(opened, 'SELECT DISTINCT conditional_access_status FROM signins ORDER BY 1')).toEqual([['notApplied'], ['success']]);
    expect(all(opened, 'SELECT DISTINCT user_type FROM signins')).toEqual([['member']]);
    const [first] = all(opened, 'SELECT incoming_token_type, risk_state, trust_type FROM signins ORDER BY rid LIMIT 1');
    expect(first).toEqual(['primaryRefreshToken,saml11', 'Brand new state', 'Hybrid Azure AD joined']);
    expect(all(opened, 'SELECT policy_id, result FROM conditional_access_results ORDER BY policy_id')).toEqual([
      ['p1', 'notApplied'],
      ['p2', 'notEnabled'],
      ['p3', 'someNewResult'],
    ]);
    expect(all(opened, 'SELECT requirement FROM authentication_details ORDER BY origin')).toEqual([['Multi-factor authentication'], ['Primary authentication']]);
    expect(opened.meta('vocabulary_version')).toBe('1');
    // the dictionary built after the migration knows the new spellings, so later imports reuse them
    expect(opened.strings.lookupId('notApplied')).toBeGreaterThan(0);
  });

  it('leaves a case saved by this version as it is', async () => {
    const { caseDb } = await importIntoNewCase([tmp.write('one.jsonl', JSON.stringify(graphSignin({ conditionalAccessStatus: 'Not Applied' })))]);
    expect(caseDb.meta('vocabulary_version')).toBe('1');
    expect(scalar(caseDb, 'SELECT conditional_access_status FROM signins')).toBe('notApplied');
    // a value outside the vocabulary written after the marker is not touched on reopen
    caseDb.run("INSERT INTO strings (id, value) VALUES (9999, 'Not Applied')");
    caseDb.run('UPDATE signin_data SET conditional_access_status_k = 9999');
    const file = path.join(tmp.dir, 'current.signinscope');
    await saveCase(caseDb, file);
    expect(scalar(await loadCase(file), 'SELECT conditional_access_status FROM signins')).toBe('Not Applied');
  });
});
