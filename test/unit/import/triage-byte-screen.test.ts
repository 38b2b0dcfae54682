// The byte pre-screen of a triage import: which records it lets through to JSON.parse. It may let
// through a record that does not match, never hold back one that does.
import { describe, expect, it } from 'vitest';
import { ByteScreen } from '../../../main/import/triage/byte-screen';
import { ImportFilter } from '../../../shared/model/import-filter';

/** Lays records out one per line in one chunk and asks the screen about each. */
function screened(filter: ImportFilter, records: string[], json = true): boolean[] {
  const screen = new ByteScreen(ImportFilter.parse(filter));
  const chunk = Buffer.from(records.join('\n'));
  screen.scan(chunk, 1000, json);
  let offset = 1000;
  return records.map((r) => {
    const length = Buffer.byteLength(r);
    const may = screen.mayMatch(offset, length);
    offset += length + 1;
    return may;
  });
}

describe('triage byte pre-screen', () => {
  it('finds user names in any A-Z case, anchored on their @, and rules out the rest', () => {
    const recs = ['{"userPrincipalName":"Alice.Smith@Contoso.COM"}', '{"userPrincipalName":"bob@contoso.com"}', '{"userPrincipalName":"alice.smith@contoso.co"}', '{"u":"ALICE.SMITH@CONTOSO.COM"}'];
    expect(screened({ users: ['alice.smith@contoso.com'] }, recs)).toEqual([true, false, false, true]);
  });

  it('lets through any JSON record with a \\u escape (it could spell a needle) but not CSV rows', () => {
    const recs = ['{"userPrincipalName":"alice\\u0040contoso.com"}', '{"userPrincipalName":"zed@contoso.com","x":"\\"quoted\\""}'];
    expect(screened({ users: ['alice@contoso.com'] }, recs)).toEqual([true, false]);
    expect(screened({ users: ['alice@contoso.com'] }, recs, false)).toEqual([false, false]);
    expect(screened({ apps: ['a/b'] }, ['{"app":"a\\/b"}', '{"app":"ab"}'])).toEqual([true, false]);
  });

  it('finds ids and names without an @ by a run of non-letters or by the case variants of their first letters', () => {
    const id = '4775bd2b-b16a-4737-bafa-8206d45039b3';
    expect(screened({ users: [id] }, [`{"userId":"${id.toUpperCase()}"}`, `{"userId":"${id.replace('4737', '4738')}"}`, `{"userId":"${id}"}`])).toEqual([true, false, true]);
    expect(screened({ apps: ['Teams'] }, ['{"app":"MICROSOFT TEAMS"}', '{"app":"tEaMs"}', '{"app":"Team"}'])).toEqual([true, true, false]);
  });

  it('screens IPv4 addresses and ranges by their whole octets; IPv6, short prefixes and time bounds are left to confirmation', () => {
    const recs = ['{"ip":"10.1.2.3"}', '{"ip":"10.2.0.1"}', '{"ip":"192.0.2.1"}'];
    expect(screened({ ips: ['10.1.0.0/16'] }, recs)).toEqual([true, false, false]);
    // a /15 covers one whole octet: "10." lets both 10.x through (confirmation decides), not 11.x
    expect(screened({ ips: ['10.1.0.0/15', '192.0.2.1'] }, [...recs, '{"ip":"11.0.0.1"}'])).toEqual([true, true, true, false]);
    expect(screened({ ips: ['2001:db8::/32'] }, recs)).toEqual([true, true, true]);
    expect(screened({ ips: ['10.0.0.0/7'] }, recs)).toEqual([true, true, true]);
    expect(screened({ from: '2025-01-01' }, recs)).toEqual([true, true, true]);
  });

  it('ANDs the kinds: a record needs a hit of every screened kind', () => {
    const recs = ['{"u":"a@x.com","ip":"10.0.0.1"}', '{"u":"a@x.com","ip":"10.0.0.2"}', '{"u":"b@x.com","ip":"10.0.0.1"}'];
    expect(screened({ users: ['a@x.com', 'c@x.com'], ips: ['10.0.0.1'] }, recs)).toEqual([true, false, false]);
  });

  it('lets through a record that began in an earlier chunk unless its own bytes are given and rule it out', () => {
    const screen = new ByteScreen(ImportFilter.parse({ users: ['a@x.com'] }));
    screen.scan(Buffer.from('.com"}\n{"u":"b@x.com"}'), 100, true);
    expect(screen.mayMatch(90, 16)).toBe(true);
    expect(screen.mayMatch(107, 15)).toBe(false);
    // with its bytes (JSON records carry them) it is searched on its own
    expect(screen.mayMatch(90, 16, Buffer.from('{"u":"A@x.com"}'))).toBe(true);
    expect(screen.mayMatch(90, 16, Buffer.from('{"u":"b@x.com"}'))).toBe(false);
    expect(screen.mayMatch(90, 16, Buffer.from('{"u":"a\\u0040x.com"}'))).toBe(true);
  });
});
