import { describe, expect, it } from 'vitest';
import { isColumnKey } from '../../../shared/model/columns';
import { normalizeJsonRecord } from '../../../main/import/normalize/json-record';
import type { SigninRow } from '../../../main/import/normalize/signin-record';
import { graphSignin } from '../../helpers/graph-records';

describe('SigninRow keys', () => {
  it('are the catalogue column keys: a misspelled key does not compile', () => {
    const row: SigninRow = { user_principal_name: 'a@contoso.com', status: 'Success' };
    // @ts-expect-error a misspelled column key is a compile error (checked by `tsc -p tsconfig.json`)
    const misspelled: SigninRow = { user_principal_nmae: 'a@contoso.com' };
    expect(Object.keys(row).every(isColumnKey)).toBe(true);
    expect(Object.keys(misspelled).some(isColumnKey)).toBe(false);
  });

  it('are the only keys a normalizer fills', () => {
    const result = normalizeJsonRecord(graphSignin());
    if (!('signin' in result)) throw new Error(`not normalized: ${result.skipped}`);
    const keys = Object.keys(result.signin.values);
    expect(keys.length).toBeGreaterThan(20);
    expect(keys.filter((k) => !isColumnKey(k))).toEqual([]);
  });
});
