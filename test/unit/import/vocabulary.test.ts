// One spelling per meaning: the vocabulary's mapping, the 2018 preview's numeric forms imported from a
// real documented record, mixed Graph / admin-center spellings in one case giving one facet value
// each, and the Log Analytics `Location` fallback.
import { describe, expect, it } from 'vitest';
import { canonicalValue, displayValue, vocabularyLabel, type VocabularyName } from '../../../shared/model/vocabulary';
import { facets } from '../../../main/query/facets';
import { diagnosticLine, graphSignin } from '../../helpers/graph-records';
import { importIntoNewCase } from '../../helpers/import-helpers';
import { tempDir } from '../../helpers/temp-files';

const tmp = tempDir('vocabulary-');

const CANONICAL: [VocabularyName, unknown, string | null][] = [
  // admin-center labels and other casings become the Graph enum member
  ['conditionalAccessStatus', 'Not Applied', 'notApplied'],
  ['conditionalAccessStatus', 'FAILURE', 'failure'],
  ['userType', 'Member', 'member'],
  ['crossTenantAccessType', 'None', 'none'],
  ['authenticationRequirement', 'Single-factor authentication', 'singleFactorAuthentication'],
  ['authenticationRequirement', 'Multifactor authentication', 'multiFactorAuthentication'],
  ['authenticationProtocol', 'OAuth 2.0', 'oAuth2'],
  ['riskState', 'At risk', 'atRisk'],
  ['trustType', 'Microsoft Entra joined', 'Azure AD joined'],
  ['operatingSystem', 'Windows10', 'Windows 10'],
  ['status', 'failure', 'Failure'],
  // each member of a flags value; the 2018 preview's numbers
  ['incomingTokenType', 'Primary Refresh Token, SAML 1.1', 'primaryRefreshToken,saml11'],
  ['conditionalAccessStatus', 2, 'notApplied'],
  ['policyResult', '9', 'reportOnlyInterrupted'],
  // unknown values stay verbatim (trimmed); empty is NULL
  ['policyResult', 42, '42'],
  ['riskLevel', 1, '1'],
  ['riskDetail', '  someFutureDetail ', 'someFutureDetail'],
  ['operatingSystem', 'Ios 18.3', 'Ios 18.3'],
  ['userType', '', null],
  ['userType', null, null],
];

const LABELS: [string, string, string][] = [
  ['conditional_access_status', 'notApplied', 'Not Applied'],
  ['incoming_token_type', 'primaryRefreshToken,saml11', 'Primary Refresh Token, SAML 1.1'],
  ['sign_in_type', 'nonInteractiveUser', 'Non-interactive user'],
  ['risk_detail', 'userPerformedSecuredPasswordReset', 'User performed secured password reset'],
  ['risk_state', 'someNewState', 'someNewState'],
  ['user_principal_name', 'notApplied', 'notApplied'],
];

describe('vocabulary', () => {
  it.each(CANONICAL)('%s: %j is stored as %j', (vocabulary, raw, stored) => {
    expect(canonicalValue(vocabulary, raw)).toBe(stored);
  });

  it.each(LABELS)('%s: %s is shown as %s', (column, value, label) => {
    expect(displayValue(column, value)).toBe(label);
  });

  it('labels the per-policy results the admin center way', () => {
    expect(vocabularyLabel('policyResult', 'reportOnlyFailure')).toBe('Report-only: Failure');
  });
});

describe('importing mixed spellings', () => {
  it('the 2018 preview record (numeric status and results, conditionalAccessPolicies, category SignIn) imports canonically', async () => {
    // The record of the 2018 docs page "Interpret the Azure AD sign-in logs schema in Azure Monitor (preview)", shortened.
    const record = {
      time: '2018-05-16T16:09:58.4634578Z',
      operationName: 'Sign-in activity',
      operationVersion: '1.0',
      category: 'SignIn',
      tenantId: 'bf85dc9d-cb43-44a4-80c4-469e8c58249e',
      resultType: '50140',
      resultSignature: 'None',
      resultDescription: 'Other',
      durationMs: 0,
      callerIpAddress: '167.220.0.158',
      correlationId: '13e19598-e040-487f-bd32-d38a2cd75d9a',
      identity: 'arvind harinder',
      Level: 4,
      location: 'US',
      properties: {
        id: '0782c515-08b6-4029-a65c-29d9a3d20800',
        createdDateTime: '2018-05-16T16:09:58.4634578+00:00',
        userDisplayName: 'Arvind Harinder',
        userPrincipalName: 'ah@wingtiptoysonline.onmicrosoft.com',
        userId: '5b9f356d-9592-42fd-9ec4-d70963909534',
        appId: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c',
        appDisplayName: 'Azure Portal',
        ipAddress: '167.220.0.158',
        status: { errorCode: 50140, failureReason: 'Other' },
        clientAppUsed: 'Browser',
        deviceDetail: { operatingSystem: 'Windows 10', browser: 'Chrome 66.0.3359' },
        location: { city: 'Sammamish', state: 'Washington', countryOrRegion: 'US', geoCoordinates: { latitude: 47.66630935668945, longitude: -122.09821319580078 } },
        correlationId: '13e19598-e040-487f-bd32-d38a2cd75d9a',
        conditionalAccessStatus: 2,
        conditionalAccessPolicies: [
          { id: 'de7e60eb-ed89-4d73-8205-2227def6b7c9', displayName: '[billg] SharePoint limited access policy', enforcedGrantControls: [], enforcedSessionControls: [], result: 3 },
          { id: 'ceb6e17e-a5d0-4b3a-a150-6c2be2d5b0e9', displayName: 'mm policy with Duo', enforcedGrantControls: ['Require Duo Mfa'], enforcedSessionControls: [], result: 2 },
        ],
        isRisky: false,
      },
    };
    const { rows, file } = await importIntoNewCase([tmp.write('preview-2018.json', JSON.stringify({ records: [record] }))]);
    expect(file()).toMatchObject({ imported: 1, errors: 0 });
    expect(rows('SELECT conditional_access_status, sign_in_type, log_category, status FROM signins')).toEqual([['notApplied', 'interactiveUser', 'SignInLogs', 'Interrupted']]);
    expect(rows('SELECT policy_name, result FROM conditional_access_results ORDER BY policy_name')).toEqual([
      ['[billg] SharePoint limited access policy', 'notEnabled'],
      ['mm policy with Duo', 'notApplied'],
    ]);
  });

  it('Graph JSON, diagnostic JSON and admin-center spellings of one tenant give one facet value per meaning', async () => {
    const graph = graphSignin({ conditionalAccessStatus: 'notApplied', userType: 'member', crossTenantAccessType: 'none' });
    const diag = graphSignin({ conditionalAccessStatus: 'failure', userType: 'Member', crossTenantAccessType: 'None' });
    const label = graphSignin({ conditionalAccessStatus: 'Not Applied', userType: 'MEMBER', crossTenantAccessType: 'none' });
    const { caseDb } = await importIntoNewCase([tmp.write('graph.json', JSON.stringify({ value: [graph, label] })), tmp.write('diag.json', diagnosticLine(diag))]);
    const facet = (column: string) => facets(caseDb, { filter: { conditions: [] }, column, limit: 50 } as Parameters<typeof facets>[1]).values.map((v) => [v.value, v.count]);
    expect(facet('conditional_access_status')).toEqual([
      ['notApplied', 2],
      ['failure', 1],
    ]);
    expect(facet('user_type')).toEqual([['member', 3]]);
    expect(facet('cross_tenant_access_type')).toEqual([['none', 3]]);
    // the picker shows labels, so its search finds values by label as well as by stored spelling
    const search = (column: string, text: string) => facets(caseDb, { filter: { conditions: [] }, column, limit: 50, search: text } as Parameters<typeof facets>[1]).values.map((v) => v.value);
    expect(search('conditional_access_status', 'not applied')).toEqual(['notApplied']);
    expect(search('conditional_access_status', 'fail')).toEqual(['failure']);
    expect(search('user_principal_name', 'not applied')).toEqual([]);
  });
});

describe('Log Analytics CSV with an empty LocationDetails', () => {
  it('takes the country (and city/state when given) from Location', async () => {
    const header = 'TimeGenerated [UTC],Id,UserPrincipalName,ResultType,Location,LocationDetails,Type';
    const csv = [
      header,
      '"3/4/2025, 2:10:00.000 AM",r1,a@x.example,0,DE,,SigninLogs',
      '"3/4/2025, 2:11:00.000 AM",r2,a@x.example,0,"Lyon, Auvergne-Rhone-Alpes, FR",{},SigninLogs',
      '"3/4/2025, 2:12:00.000 AM",r3,a@x.example,0,US,"{""city"":""Seattle"",""state"":""Washington"",""countryOrRegion"":""US""}",SigninLogs',
    ].join('\r\n');
    const { rows, file } = await importIntoNewCase([tmp.write('query_data.csv', csv)]);
    expect(file()).toMatchObject({ imported: 3, errors: 0 });
    expect(rows('SELECT id, city, state, country FROM signins ORDER BY id')).toEqual([
      ['r1', null, null, 'DE'],
      ['r2', 'Lyon', 'Auvergne-Rhone-Alpes', 'FR'],
      ['r3', 'Seattle', 'Washington', 'US'],
    ]);
  });
});
