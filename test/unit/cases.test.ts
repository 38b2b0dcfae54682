// Case files: atomic saves, reopening without re-import, evidence verification.
import { appendFileSync, existsSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../main/cases/atomic-write';
import { loadCase, saveCase } from '../../main/cases/case-store';
import { checkEvidence } from '../../main/cases/evidence-check';
import { graphSignin } from '../helpers/graph-records';
import { importIntoNewCase } from '../helpers/import-helpers';
import { tempDir } from '../helpers/temp-files';
import { all, scalar } from '../helpers/sql';

const tmp = tempDir();

describe('case files', () => {
  it('round-trips sign-ins, manifest and errors; the file is plain SQLite', async () => {
    const evidence = tmp.write('e.jsonl', [JSON.stringify(graphSignin()), '{bad json}', JSON.stringify(graphSignin())].join('\n'));
    const { caseDb } = await importIntoNewCase([evidence]);
    const file = path.join(tmp.dir, 'a.signinscope');
    await saveCase(caseDb, file);
    const reopened = await loadCase(file);
    expect(scalar(reopened, 'SELECT count(*) FROM signins')).toBe(2);
    expect(all(reopened, 'SELECT file_name, records, imported, errors FROM sources')).toEqual([['e.jsonl', 3, 2, 1]]);
    expect(scalar(reopened, 'SELECT message FROM import_errors')).toMatch(/malformed JSON/);
    // the string dictionary continues after reopening: a new import reuses and extends it
    expect(reopened.strings.lookupId('alexw@northwind.example')).toBeGreaterThan(0);
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('opens a case written before a column was added (schema 1) and migrates it', async () => {
    const { caseDb } = await importIntoNewCase([tmp.write('old.jsonl', JSON.stringify(graphSignin()))]);
    caseDb.exec(
      "DROP VIEW signins; DROP VIEW authentication_details; DROP VIEW conditional_access_results; ALTER TABLE signin_data DROP COLUMN additional_details_k; UPDATE case_meta SET value = '1' WHERE key = 'schema_version'",
    );
    const file = path.join(tmp.dir, 'old.signinscope');
    await saveCase(caseDb, file);
    const migrated = await loadCase(file);
    expect(all(migrated, 'SELECT user_principal_name, additional_details FROM signins')).toEqual([['alexw@northwind.example', null]]);
    expect(migrated.meta('schema_version')).toBe('2');
  });

  it('refuses a file that is not a case', async () => {
    await expect(loadCase(tmp.write('x.signinscope', 'hello'))).rejects.toThrow(/not a SigninScope case/);
  });

  it('replaces a file atomically: the old content survives a failed write', async () => {
    const target = tmp.write('atomic.bin', 'old');
    await writeFileAtomic(target, Buffer.from('new'));
    expect(readdirSync(tmp.dir).some((f) => f.startsWith('.atomic.bin'))).toBe(false);
    const dirAsTarget = path.join(tmp.dir, 'sub');
    writeFileSync(path.join(tmp.dir, 'placeholder'), '');
    await expect(writeFileAtomic(path.join(dirAsTarget, 'nope', 'f.bin'), Buffer.from('x'))).rejects.toThrow();
    expect(existsSync(target)).toBe(true);
  });

  it('says which evidence is ok, changed or missing', async () => {
    const a = tmp.write('ok.jsonl', JSON.stringify(graphSignin()));
    const b = tmp.write('changed.jsonl', JSON.stringify(graphSignin()));
    const c = tmp.write('moved.jsonl', JSON.stringify(graphSignin()));
    const { caseDb } = await importIntoNewCase([a, b, c]);
    appendFileSync(b, '\n');
    renameSync(c, c + '.bak');
    expect((await checkEvidence(caseDb)).map((x) => x.state)).toEqual(['ok', 'changed', 'missing']);
  });
});
