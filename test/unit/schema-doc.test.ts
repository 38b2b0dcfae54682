// docs/schema.md is what analysts query by: every column of the catalogue must be documented there.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLUMNS } from '../../shared/model/columns';
import { CaseDb } from '../../main/db/case-db';
import { all } from '../helpers/sql';

describe('docs/schema.md', () => {
  const doc = readFileSync(path.join(__dirname, '../../docs/schema.md'), 'utf8');
  it('lists every column of the signins view', async () => {
    const missing = COLUMNS.filter((c) => !doc.includes(`| \`${c.key}\` |`)).map((c) => c.key);
    expect(missing).toEqual([]);
    const db = await CaseDb.create();
    const viewColumns = all(db, "SELECT name FROM pragma_table_info('signins')").map((r) => String(r[0]));
    for (const name of viewColumns) expect(doc, `docs/schema.md does not mention ${name}`).toContain(`\`${name}\``);
    db.close();
  });
});
