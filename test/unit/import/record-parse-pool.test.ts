// Record-parse workers must hand back exactly what parsing in the reader gives, applied in file order,
// whatever the batch boundaries, with ordered actions (splitter problems) kept in place between them.
import { afterAll, describe, expect, it } from 'vitest';
import type { JsonRecordOutcome } from '../../../main/import/json-record-parse';
import { InlineRecordParsing, RecordParsePool, type JsonRecordParsing, type RecordMeta } from '../../../main/import/record-parse-pool';
import { SigninEncoder } from '../../../main/import/signin-encoder';
import { matcherOf } from '../../../main/import/triage/filter-match';
import type { ImportFilter } from '../../../shared/model/import-filter';
import { diagnosticLine, graphSignin } from '../../helpers/graph-records';

const pool = new RecordParsePool(3, 4);
afterAll(() => pool.close());

/** Good sign-ins of two shapes, with malformed, repairable, non-sign-in, scalar and unreadable records among them. */
function records(): string[] {
  const texts = Array.from({ length: 60 }, (_, i) => {
    const r = graphSignin({ userPrincipalName: `user${i % 7}@northwind.example`, ipAddress: `203.0.113.${i % 9}` });
    return i % 3 === 0 ? diagnosticLine(r) : JSON.stringify(r);
  });
  texts.splice(5, 0, '{"id": "x", "broken":');
  texts.splice(11, 0, JSON.stringify(graphSignin({ userPrincipalName: 'comma@northwind.example' })).replace(/}$/, ',}'));
  texts.splice(17, 0, JSON.stringify({ category: 'AuditLogs', time: '2025-03-04T02:10:00Z', properties: { id: 'a' } }));
  texts.splice(23, 0, '42');
  texts.splice(29, 0, JSON.stringify({ createdDateTime: 'not a time' }));
  texts.push(JSON.stringify({ userPrincipalName: 'no-id@northwind.example', createdDateTime: '2025-03-04T02:10:00Z', appDisplayName: 'Azure Portal' }));
  return texts;
}

const TEXTS = records();

type Applied = ['record', unknown, RecordMeta] | ['marker', number];

/** What the reader makes of each outcome: sign-ins encoded (dictionary ids in order of appearance), the rest as they are. */
async function run(make: (apply: (o: JsonRecordOutcome, m: RecordMeta) => void) => JsonRecordParsing): Promise<Applied[]> {
  const applied: Applied[] = [];
  const encoder = new SigninEncoder({ strings: [['Azure Portal', 1]], nextStringId: 2, known: [], knownSteps: [] });
  const parsing = make((o, m) => {
    if (o.kind !== 'signin') return applied.push(['record', o, m]);
    const { verdict, row } = encoder.encode(o.signin, { sourceId: 1, recordIndex: m.index, offset: m.offset, length: m.length });
    applied.push(['record', { shape: o.shape, repaired: o.repaired, matches: o.matches, verdict, row, hasTime: o.signin.hasTime }, m]);
  });
  let offset = 0;
  for (const [index, text] of TEXTS.entries()) {
    const bytes = Buffer.from(text);
    parsing.parse(bytes, index < 30 ? null : 'https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns', { index, offset, length: bytes.length });
    offset += bytes.length + 1;
    if (index % 13 === 12) parsing.inOrder(() => applied.push(['marker', index]));
    if (index % 10 === 9) await parsing.settle();
  }
  await parsing.finish();
  return applied;
}

describe('record-parse workers', () => {
  it('give the outcomes of parsing in the reader, in file order, with ordered actions in place', async () => {
    const inline = await run((apply) => new InlineRecordParsing(apply));
    const pooled = await run((apply) => pool.forFile(apply, undefined));
    const kinds = inline.flatMap((a) => (a[0] === 'record' ? [(a[1] as { kind?: string }).kind ?? 'signin'] : []));
    expect(new Set(kinds)).toEqual(new Set(['signin', 'malformed', 'skipped', 'unreadable']));
    expect(inline.filter((a) => a[0] === 'marker')).toHaveLength(5);
    expect(pooled).toEqual(inline);
  });

  it('confirm sign-ins against a triage filter as the reader would', async () => {
    const filter: ImportFilter = { users: ['user3@northwind.example'], ips: ['203.0.113.0/30'] };
    const inline = await run((apply) => new InlineRecordParsing(apply, matcherOf(filter)));
    const pooled = await run((apply) => pool.forFile(apply, filter));
    const verdicts = inline.flatMap((a) => (a[0] === 'record' && 'matches' in (a[1] as object) ? [(a[1] as { matches: boolean }).matches] : []));
    expect(verdicts).toContain(true);
    expect(verdicts).toContain(false);
    expect(pooled).toEqual(inline);
  });
});
