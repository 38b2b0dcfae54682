// The real public exports in ../shared/samples (a hand-out beside the repository, not part of it):
// every one must import correctly. Skipped, saying so, where the hand-out is absent.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importIntoNewCase } from '../helpers/import-helpers';

const SAMPLES = path.resolve(__dirname, '../../../shared/samples');
const present = existsSync(SAMPLES);
if (!present) console.log(`SKIPPED: shared samples not found at ${SAMPLES}`);

const files = present
  ? readdirSync(SAMPLES, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(path.join(SAMPLES, d.name)).map((f) => path.join(SAMPLES, d.name, f)))
  : [];

// Records per file as listed in SOURCES.md.
const EXPECTED: Record<string, number> = {
  'test-signinlogs-raw.log': 5,
  'test-signinlogs-sample.log': 2,
  'test-signinlogs.log': 2,
  'test-non-interactive-user.log': 1,
  'test-non-interactive-user-signin.log': 1,
  'test-service-principal.log': 1,
  'test-service-principal-signinlogs-sample.log': 7,
  'test-alternative-time-and-duration-as-string.log': 1,
  'test-adfs-signin.log': 1,
  'test-created-datetime-timestamp.log': 2,
  'test-time-formats-corner-cases.log': 11,
  'test-invalid-time.log': 1,
  'sample_event.json': 1,
  'signin-list.beta.example1.response.json': 1,
  'signin-list.v1.0.example1.response.json': 1,
  'reference-azure-monitor-sign-ins-log-schema.example.json': 1,
};

describe.skipIf(!present)('shared samples', () => {
  it('imports every record of every sample file without an error', async () => {
    const { summary } = await importIntoNewCase(files.filter((f) => !f.endsWith('.md')));
    for (const f of summary.files) {
      expect({ file: f.fileName, records: f.records, imported: f.imported + f.duplicates, errors: f.errors }).toEqual({
        file: f.fileName,
        records: EXPECTED[f.fileName],
        imported: EXPECTED[f.fileName],
        errors: 0,
      });
    }
  });

  it('gets times, types and places right in the quirky ones', async () => {
    const { rows } = await importIntoNewCase(files.filter((f) => /time-formats|created-datetime|raw\.log|beta\.example|adfs/.test(f)));
    expect(new Set(rows("SELECT created_at FROM signins WHERE created_at LIKE '2007-%'").map((r) => String(r[0]).slice(0, 19)))).toEqual(new Set(['2007-01-09T09:41:00']));
    expect(rows("SELECT created_at_source FROM signins WHERE id = 'bbbb2222-0000-0000-0000-000000000002'")[0]).toEqual(['time']);
    expect(rows("SELECT DISTINCT log_category FROM signins WHERE id = '8a4de8b5-095c-47d0-a96f-a75130c61d53' ORDER BY 1").map((r) => r[0])).toEqual([
      'ManagedIdentitySignInLogs',
      'MicrosoftServicePrincipalSignInLogs',
      'NonInteractiveUserSignInLogs',
      'ServicePrincipalSignInLogs',
      'SignInLogs',
    ]);
    expect(rows("SELECT created_at FROM signins WHERE id = '8a4de8b5-095c-47d0-a96f-a75130c61d53' LIMIT 1")[0]).toEqual(['2019-10-18T09:45:48.072Z']);
    expect(rows("SELECT log_category, sign_in_type FROM signins WHERE log_category = 'ADFSSignInLogs'")[0]).toEqual(['ADFSSignInLogs', 'interactiveUser']);
  });
});
