// The importer tallies each IP's location evidence as it inserts rows, so the enrichment after an
// import needs no scan. The tally must give exactly what a scan of the table gives, and must not be
// used once rows reach the table some other way.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCase, saveCase } from '../../../main/cases/case-store';
import type { CaseDb } from '../../../main/db/case-db';
import { writeDemoSet } from '../../../main/generator/demo-set';
import { enrichCase } from '../../../main/geo/enrich';
import { importIntoNewCase } from '../../helpers/import-helpers';
import { tempDir } from '../../helpers/temp-files';
import { all } from '../../helpers/sql';

const tmp = tempDir('enrich-tally-');
const ipGeo = (db: CaseDb) => all(db, 'SELECT * FROM ip_geo ORDER BY ip_k');

describe('enrichment evidence tallied during the import', () => {
  it('equals a scan of the saved and reopened case (which has no tally)', async () => {
    const manifest = await writeDemoSet(path.join(tmp.dir, 'demo'), { seed: 5, users: 20, days: 1 });
    const { caseDb } = await importIntoNewCase(manifest.files.map((f) => f.path));
    const tallied = await enrichCase(caseDb);
    const file = path.join(tmp.dir, 'case.signinscope');
    await saveCase(caseDb, file, { replace: true });
    const reopened = await loadCase(file);
    const scanned = await enrichCase(reopened);
    expect(tallied.ips).toBeGreaterThan(50);
    expect({ ...scanned, ms: 0 }).toEqual({ ...tallied, ms: 0 });
    expect(ipGeo(reopened)).toEqual(ipGeo(caseDb));
    caseDb.close();
    reopened.close();
  });

  it('is not used when rows were added behind its back', async () => {
    const manifest = await writeDemoSet(path.join(tmp.dir, 'demo2'), { seed: 6, users: 20, days: 1 });
    const { caseDb } = await importIntoNewCase([manifest.files[0]!.path]);
    const before = await enrichCase(caseDb);
    const ipK = caseDb.strings.intern('198.18.7.7')!;
    caseDb.run('INSERT INTO signin_data (correlation_id, ip_address_k, country_k) SELECT correlation_id, ?, country_k FROM signin_data WHERE rid = 1', [ipK]);
    const after = await enrichCase(caseDb);
    expect(after.ips).toBe(before.ips + 1);
    expect(all(caseDb, 'SELECT ip FROM ip_geo WHERE ip_k = ?', [ipK])).toEqual([['198.18.7.7']]);
    caseDb.close();
  });
});
