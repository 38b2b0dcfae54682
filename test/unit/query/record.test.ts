import { appendFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { identityOf } from '../../../main/cases/evidence-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorMeaning } from '../../../shared/model/aadsts';
import { readRawRecord, RAW_CAP_BYTES } from '../../../main/import/raw-record';
import { QueryError } from '../../../main/query/errors';
import { getRecord } from '../../../main/query/record';
import { allRows, importedCase, makeRecords, tempDir, writeGraphFile, type FileVariant } from './helpers/graph-fixture';
import { writePortalCsv } from './helpers/portal-csv-fixture';

describe('record.get on a JSON import', () => {
  it('returns values, steps, policies, source, error meaning and the verbatim record', async () => {
    const records = makeRecords(30);
    const file = writeGraphFile(tempDir(), records);
    const caseDb = await importedCase([file]);
    const rows = allRows(caseDb);
    const failed = rows.find((r) => r.status_code === 50126)!;
    const res = await getRecord(caseDb, Number(failed.rid));
    const { authentication_details_json: _a, conditional_access_policies_json: _c, ...values } = failed;
    expect(res.values).toEqual(values);
    const original = records.find((r) => r.id === failed.id)!;
    expect(res.raw).toBe(JSON.stringify(original, null, 2));
    expect(res.rawNote).toBeNull();
    expect(res.source).toEqual({ fileName: path.basename(file), format: 'graph-json/array', recordIndex: records.indexOf(original) });
    expect(res.errorMeaning).toBe(errorMeaning(50126));
    expect(res.authSteps).toEqual([
      {
        seq: 0,
        method: 'Password',
        method_detail: 'Password in the cloud',
        succeeded: 0,
        result_detail: 'Invalid username or password',
        requirement: 'Primary authentication',
        step_at: null,
        origin: 'record',
      },
    ]);
    expect(res.caPolicies.map((p) => [p.policy_id, p.policy_name, p.result, p.enforced_grant_controls])).toEqual([
      ['pol-1', 'Require MFA for admins', 'notApplied', 'Mfa'],
      ['pol-2', 'Block legacy auth', 'notApplied', 'Block'],
    ]);
  });

  it('refuses a row id that does not exist', async () => {
    const caseDb = await importedCase([writeGraphFile(tempDir(), makeRecords(3))]);
    await expect(getRecord(caseDb, 999)).rejects.toBeInstanceOf(QueryError);
  });

  it('says when the evidence file is missing or was changed', async () => {
    const dir = tempDir();
    const file = writeGraphFile(dir, makeRecords(4));
    const caseDb = await importedCase([file]);
    appendFileSync(file, '\n');
    expect((await getRecord(caseDb, 2)).rawNote).toMatch(/^evidence missing or changed: size is \d+ bytes, \d+ when imported/);
    renameSync(file, `${file}.moved`);
    const res = await getRecord(caseDb, 2);
    expect(res.raw).toBeNull();
    expect(res.rawNote).toMatch(/^evidence missing or changed: evidence file missing: ENOENT/);
    expect(res.rawLocate).toBe(1);
    expect(res.values.id).toBe('00000000-0000-4000-8000-000000000001'); // the rest of the record still shows
  });
});

describe('raw record round trip through the import offsets', () => {
  it.each(['utf8', 'utf8-bom', 'gzip', 'utf16le', 'utf16be'] as FileVariant[])('%s file', async (variant) => {
    const records = makeRecords(12, 99);
    const caseDb = await importedCase([writeGraphFile(tempDir(), records, variant)]);
    const rows = allRows(caseDb);
    expect(rows).toHaveLength(12);
    for (const row of [rows[0]!, rows[5]!, rows[11]!]) {
      const res = await getRecord(caseDb, Number(row.rid));
      expect(res.rawNote).toBeNull();
      expect(res.raw).toBe(
        JSON.stringify(
          records.find((r) => r.id === row.id),
          null,
          2,
        ),
      );
    }
  });

  it('shows a portal CSV row as written, with its AuthDetails steps', async () => {
    const { files, lines } = writePortalCsv(tempDir());
    const caseDb = await importedCase(files);
    const rowA = allRows(caseDb).find((r) => r.id === 'req-a')!;
    const res = await getRecord(caseDb, Number(rowA.rid));
    expect(res.raw).toBe(lines.get('req-a'));
    expect(res.authSteps.map((s) => [s.method, s.succeeded, s.origin])).toEqual([
      ['Password', 1, 'authDetailsCsv'],
      ['Mobile app notification', 1, 'authDetailsCsv'],
    ]);
    expect(res.errorMeaning).toBe('Success.');
    expect(res.values.user_display_name).toBe('Alice, "the admin"');
  });
});

describe('readRawRecord', () => {
  it('caps a huge record at 2 MB with a note, and shows text that is not JSON as it is', async () => {
    const dir = tempDir();
    const big = path.join(dir, 'big.json');
    const record = JSON.stringify({ id: 'x', blob: 'a'.repeat(3 * 1024 * 1024) });
    writeFileSync(big, record);
    const source = { path: big, encoding: 'utf-8', compressed: false, format: 'graph-json/object', identity: identityOf(statSync(big)) };
    const capped = await readRawRecord(source, 0, Buffer.byteLength(record));
    expect(capped.text).toHaveLength(RAW_CAP_BYTES);
    expect(capped.note).toMatch(/first 2 MB/);
    const odd = path.join(dir, 'odd.json');
    writeFileSync(odd, 'xx{ "a": 1, }yy');
    expect(await readRawRecord({ ...source, path: big }, 2, 11)).toMatchObject({ text: 'id":"x","bl' });
    expect(await readRawRecord({ ...source, path: odd }, 2, 11)).toMatchObject({ text: null, note: expect.stringMatching(/^evidence missing or changed/) });
    Object.assign(source, { identity: identityOf(statSync(odd)) });
    expect(await readRawRecord({ ...source, path: odd }, 2, 11)).toEqual({ text: '{ "a": 1, }', note: null });
    expect(await readRawRecord({ ...source, path: odd }, 2, 50)).toMatchObject({ text: null, note: expect.stringMatching(/shorter/) });
  });
});

describe('error code meanings', () => {
  it('knows the common AADSTS codes and nothing it was not told', () => {
    const brief = [
      0, 50053, 50055, 50057, 50058, 50074, 50076, 50079, 50097, 50125, 50126, 50140, 50144, 50158, 53000, 53003, 53004, 500121, 500133, 700016, 7000218, 7000222, 65001, 90095, 90072, 81010, 81012,
      16000, 16003, 50034, 50056, 50064, 50072, 50089, 50105, 50131, 50133, 50173, 50199, 51004, 52004, 54000, 70008, 70011, 70043, 700082, 7000112, 7000215, 90014, 530032, 530034, 130500, 135011,
    ];
    for (const code of brief) expect(errorMeaning(code), String(code)).toMatch(/\w{3,}/);
    expect(errorMeaning(50126)).toMatch(/password/i);
    expect(errorMeaning(53003)).toMatch(/Conditional Access/);
    expect(errorMeaning(123456789)).toBeNull();
    expect(errorMeaning(null)).toBeNull();
  });
});
