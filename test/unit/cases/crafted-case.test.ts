// A case file from someone else is data, not code: crafted views, triggers and indexes are dropped on
// open and reported; the app's own are recreated from its definitions.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCase, saveCase, schemaRepairsOf } from '../../../main/cases/case-store';
import { ensureAnnotationTables } from '../../../main/annotations/tables';
import { logActivity } from '../../../main/annotations/activity-log';
import { caseInfo } from '../../../main/cases/case-info';
import { graphSignin } from '../../helpers/graph-records';
import { importIntoNewCase } from '../../helpers/import-helpers';
import { tempDir } from '../../helpers/temp-files';
import { all, scalar } from '../../helpers/sql';

const tmp = tempDir();

async function craftedCase(name: string, sql: string): Promise<string> {
  const evidence = tmp.write(`${name}.jsonl`, [JSON.stringify(graphSignin()), JSON.stringify(graphSignin({ id: 'second-request' }))].join('\n'));
  const { caseDb } = await importIntoNewCase([evidence]);
  ensureAnnotationTables(caseDb);
  caseDb.exec(sql);
  const file = path.join(tmp.dir, `${name}.signinscope`);
  await saveCase(caseDb, file);
  caseDb.close();
  return file;
}

describe('crafted case files', () => {
  it('a redefined signins view is replaced by the real one and reported', async () => {
    const file = await craftedCase(
      'view',
      `DROP VIEW signins; CREATE VIEW signins AS SELECT rid, 'attacker@evil.example' AS user_principal_name, '6.6.6.6' AS ip_address FROM signin_data UNION ALL SELECT 999, 'ghost', '1.1.1.1';
       CREATE VIEW extra_view AS SELECT 1;`,
    );
    const reopened = await loadCase(file);
    expect(all(reopened, 'SELECT user_principal_name FROM signins ORDER BY rid')).toEqual([['alexw@northwind.example'], ['alexw@northwind.example']]);
    const report = schemaRepairsOf(reopened);
    expect(report.some((l) => l.startsWith('view "signins" (redefined)'))).toBe(true);
    expect(report.some((l) => l.startsWith('view "extra_view"'))).toBe(true);
    expect(scalar(reopened, "SELECT count(*) FROM sqlite_master WHERE name = 'extra_view'")).toBe(0);
    expect(caseInfo(reopened, { path: file, dirty: false, evidence: [] }).notices).toEqual(report);
  });

  it('extra triggers are dropped; the activity log keeps its own append-only triggers', async () => {
    const file = await craftedCase(
      'trigger',
      `CREATE TRIGGER wipe_notes AFTER INSERT ON annotations BEGIN DELETE FROM annotations; END;
       CREATE TRIGGER rewrite_meta AFTER INSERT ON case_meta BEGIN UPDATE signin_data SET status_code = 0; END;
       DROP TRIGGER activity_log_no_delete;`,
    );
    const reopened = await loadCase(file);
    const triggers = all(reopened, "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").map((r) => r[0]);
    expect(triggers).toEqual(['activity_log_no_delete', 'activity_log_no_update']);
    expect(schemaRepairsOf(reopened).filter((l) => l.startsWith('trigger'))).toEqual([
      'trigger "wipe_notes" on "annotations": not SigninScope\'s own definition, dropped',
      'trigger "rewrite_meta" on "case_meta": not SigninScope\'s own definition, dropped',
    ]);
    logActivity(reopened, 'open', {});
    expect(() => reopened.exec('DELETE FROM activity_log')).toThrow(/append-only/);
  });

  it('a recursive view is dropped before anything can query it', async () => {
    const file = await craftedCase(
      'recursive',
      `DROP VIEW signins; CREATE VIEW signins AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n AS rid FROM r;
       CREATE VIEW forever AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n FROM r;`,
    );
    const reopened = await loadCase(file);
    expect(scalar(reopened, 'SELECT count(*) FROM signins')).toBe(2);
    expect(schemaRepairsOf(reopened).some((l) => l.startsWith('view "forever"'))).toBe(true);
  });

  it('a foreign index is dropped and a redefined app index is rebuilt from its definition', async () => {
    const file = await craftedCase('index', `DROP INDEX ix_time; CREATE INDEX ix_time ON signin_data (status_code); CREATE INDEX ix_evil ON signin_data (rid, created_ms);`);
    const reopened = await loadCase(file);
    const sql = String(scalar(reopened, "SELECT sql FROM sqlite_master WHERE name = 'ix_time'"));
    expect(sql).toMatch(/ON signin_data \(created_ms\)$/);
    expect(scalar(reopened, "SELECT count(*) FROM sqlite_master WHERE name = 'ix_evil'")).toBe(0);
    expect(schemaRepairsOf(reopened)).toEqual([
      'index "ix_time" (redefined) on "signin_data": not SigninScope\'s own definition, dropped',
      'index "ix_evil" on "signin_data": not SigninScope\'s own definition, dropped',
    ]);
  });

  it('a table with a computed column is refused: its values would not be the evidence', async () => {
    const file = await craftedCase('generated', `ALTER TABLE signin_data ADD COLUMN fake_ip TEXT GENERATED ALWAYS AS ('6.6.6.6') VIRTUAL`);
    await expect(loadCase(file)).rejects.toThrow(/not a SigninScope case file: table "signin_data" has a computed column "fake_ip"/);
  });

  it('a case written by SigninScope itself opens with nothing to report', async () => {
    const file = await craftedCase('clean', 'SELECT 1');
    const reopened = await loadCase(file);
    expect(schemaRepairsOf(reopened)).toEqual([]);
    expect(scalar(reopened, "SELECT count(*) FROM sqlite_master WHERE name = 'ix_time'")).toBe(1);
  });

  it('a 50 MB title is capped for display', async () => {
    const file = await craftedCase('title', `INSERT INTO case_meta (key, value) VALUES ('title', printf('%.*c', 50000000, 'T')) ON CONFLICT(key) DO UPDATE SET value = excluded.value`);
    const reopened = await loadCase(file);
    const info = caseInfo(reopened, { path: file, dirty: false, evidence: [] });
    expect(info.title.length).toBeLessThanOrEqual(201);
    expect(info.title.startsWith('TTTT')).toBe(true);
    expect(info.notices?.some((n) => /title is 50,000,000 characters/.test(n))).toBe(true);
  });
});
