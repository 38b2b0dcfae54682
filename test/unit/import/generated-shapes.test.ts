// The seeded generator's sign-ins in every supported shape: none is mistaken for a non-sign-in, and
// the content hash recomputed from stored values (older cases are upgraded that way) equals the one
// the import computed, so a record seen again stays a duplicate.
import { describe, expect, it } from 'vitest';
import { writeDemoSet } from '../../../main/generator/demo-set';
import { upgradeContentHashes } from '../../../main/import/content-hash-upgrade';
import { importFiles } from '../../../main/import/pipeline';
import { importIntoNewCase } from '../../helpers/import-helpers';
import { tempDir } from '../../helpers/temp-files';

const tmp = tempDir('generated-shapes-');

describe('generated sign-ins in every shape', () => {
  it('are all sign-ins; stored hashes recompute exactly; re-importing into an upgraded older case gives duplicates only', async () => {
    const manifest = await writeDemoSet(tmp.dir, { seed: 7, users: 20, days: 1 });
    const paths = manifest.files.map((f) => f.path);
    const { caseDb, summary, rows } = await importIntoNewCase(paths);
    for (const f of summary.files) expect({ file: f.fileName, skipped: f.skipped, errors: f.errors }).toEqual({ file: f.fileName, skipped: {}, errors: 0 });
    // The demo set's overlapping files (Graph beta and a diagnostic export, admin-center CSV and Graph
    // v1.0) hold the same sign-ins written differently: duplicates, not versions.
    expect(summary.files.reduce((n, f) => n + f.duplicates, 0)).toBeGreaterThan(0);
    expect(summary.files.map((f) => [f.fileName, f.republished])).toEqual(summary.files.map((f) => [f.fileName, 0]));

    const before = rows('SELECT rid, content_hash, overlap_hash FROM signin_data ORDER BY rid');
    // An older case: another content hash in every row, no overlap hash and no marker.
    caseDb.exec("UPDATE signin_data SET content_hash = 12345, overlap_hash = NULL; DELETE FROM case_meta WHERE key = 'content_hash'");
    upgradeContentHashes(caseDb);
    expect(rows('SELECT rid, content_hash, overlap_hash FROM signin_data ORDER BY rid')).toEqual(before);

    const again = await importFiles(caseDb, paths);
    expect(again.files.map((f) => [f.fileName, f.imported, f.republished])).toEqual(again.files.map((f) => [f.fileName, 0, 0])); // the AuthDetails companion's steps too
    expect(again.signins).toBe(before.length);
  });
});
