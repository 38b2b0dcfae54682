// The HTML report of a case imported through a triage filter opens with the partial-import banner.
import { describe, expect, it } from 'vitest';
import { CaseDb } from '../../../main/db/case-db';
import { importFiles } from '../../../main/import/pipeline';
import { renderReport } from '../../../main/report/write-report';
import { graphSignin } from '../../helpers/graph-records';
import { tempDir } from '../../helpers/temp-files';

const tmp = tempDir('triage-report-');

describe('report of a partial import', () => {
  const file = tmp.write('s.json', JSON.stringify({ value: [graphSignin({ appDisplayName: '<b>Evil</b> app' }), graphSignin({ appDisplayName: 'Teams' }), graphSignin()] }));

  it('names the filter (escaped) and the counts; a full import has no banner', async () => {
    const db = await CaseDb.create();
    await importFiles(db, [file], { filter: { apps: ['<b>Evil</b> app', 'teams'] } });
    const html = renderReport(db, { topSignins: 3 }).html;
    db.close();
    expect(html).toContain(
      '<p class="partial" role="note">Partial import: filter apps &lt;b&gt;Evil&lt;/b&gt; app, teams — 1 evidence file read through it: 2 of 3 records kept, 1 skipped by the filter.',
    );
    expect(html).not.toContain('<b>Evil</b>');

    const full = await CaseDb.create();
    await importFiles(full, [file]);
    expect(renderReport(full, { topSignins: 3 }).html).not.toContain('class="partial"');
    full.close();
  });
});
