// JSON export shapes, overlapping files and re-published records.
import { describe, expect, it } from 'vitest';
import { diagnosticLine, graphSignin } from '../../helpers/graph-records';
import { importIntoNewCase } from '../../helpers/import-helpers';
import { tempDir } from '../../helpers/temp-files';

const tmp = tempDir();

describe('JSON exports', () => {
  it('takes the sign-in type from beta signInEventTypes, v1.0 isInteractive or the diagnostic category', async () => {
    const beta = graphSignin({ signInEventTypes: ['managedIdentity'], isInteractive: undefined });
    const v1 = graphSignin({ isInteractive: false });
    const diag = graphSignin();
    const files = [tmp.write('beta.json', JSON.stringify({ value: [beta] })), tmp.write('v1.json', JSON.stringify([v1])), tmp.write('diag.log', diagnosticLine(diag, 'ServicePrincipalSignInLogs'))];
    const { rows, summary } = await importIntoNewCase(files);
    expect(summary.files.map((f) => f.format)).toEqual(['graph-json/value-pages', 'graph-json/array', 'diagnostic-json/object']);
    expect(rows('SELECT sign_in_type, log_category FROM signins ORDER BY rid')).toEqual([
      ['managedIdentity', 'ManagedIdentitySignInLogs'],
      ['nonInteractiveUser', 'NonInteractiveUserSignInLogs'],
      ['servicePrincipal', 'ServicePrincipalSignInLogs'],
    ]);
  });

  it('keeps CA policies and authentication steps queryable per policy and per step', async () => {
    const s = graphSignin({
      appliedConditionalAccessPolicies: [
        { id: 'p1', displayName: 'Require MFA', enforcedGrantControls: ['Mfa'], enforcedSessionControls: [], result: 'success' },
        { id: 'p2', displayName: 'Block legacy', enforcedGrantControls: ['Block'], enforcedSessionControls: [], result: 'reportOnlyFailure' },
      ],
      authenticationDetails: [
        { authenticationMethod: 'Password', succeeded: true, authenticationStepResultDetail: 'Correct password', authenticationStepRequirement: 'Primary authentication' },
        { authenticationMethod: 'Mobile app notification', succeeded: true, authenticationStepResultDetail: 'MFA successfully completed', authenticationStepRequirement: 'Multifactor authentication' },
      ],
    });
    const { rows } = await importIntoNewCase([tmp.write('ca.json', JSON.stringify([s]))]);
    expect(rows('SELECT policy_name, result, enforced_grant_controls FROM conditional_access_results ORDER BY policy_id')).toEqual([
      ['Require MFA', 'success', 'Mfa'],
      ['Block legacy', 'reportOnlyFailure', 'Block'],
    ]);
    expect(rows('SELECT mfa_method, mfa_result FROM signins')[0]).toEqual(['Mobile app notification', 'MFA successfully completed']);
  });

  it('imports an overlapping sign-in once and counts the duplicate; keeps a re-published version', async () => {
    const a = graphSignin();
    const b = graphSignin();
    const republished = { ...b, status: { errorCode: 50074, failureReason: 'Strong Authentication is required.' } };
    const first = tmp.write('graph.json', JSON.stringify({ value: [a, b] }));
    const second = tmp.write('diag.log', [diagnosticLine(a), diagnosticLine(republished)].join('\n'));
    const { summary, rows } = await importIntoNewCase([first, second]);
    expect(summary.files[1]).toMatchObject({ records: 2, imported: 1, duplicates: 1, republished: 1 });
    expect(rows('SELECT count(*) FROM signins WHERE id = ?', [String(b.id)])[0]![0]).toBe(2);
    expect(summary.signins).toBe(3);
  });

  it('uses createdDateTime, not the record time, and falls back to the record time when it is missing', async () => {
    const s = graphSignin({ createdDateTime: '2025-03-04T01:00:00.1234567-05:00' });
    const noTime = graphSignin({ createdDateTime: undefined });
    const { rows } = await importIntoNewCase([tmp.write('times.log', [diagnosticLine(s), diagnosticLine(noTime)].join('\n'))]);
    expect(rows('SELECT created_at, created_at_source FROM signins ORDER BY rid')).toEqual([
      ['2025-03-04T06:00:00.123Z', 'createdDateTime'],
      ['2025-03-04T02:12:00.000Z', 'time'],
    ]);
  });

  it('derives status from the error code with the documented interrupt list', async () => {
    const codes = [0, 50126, 50074, 500121, 50140];
    const { rows } = await importIntoNewCase([tmp.write('codes.json', JSON.stringify(codes.map((c) => graphSignin({ status: { errorCode: c } }))))]);
    expect(rows('SELECT status FROM signins ORDER BY rid').map((r) => r[0])).toEqual(['Success', 'Failure', 'Interrupted', 'Failure', 'Interrupted']);
  });
});
