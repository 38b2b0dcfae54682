// The distinct IP addresses of a case, parsed once: CIDR filters test them in JS (SQLite has no
// inet type) and become an id list on the indexed ip_address_k column.
import type { CaseDb } from '../db/case-db';
import { NUM, STR } from '../db/row-spec';
import { CaseMemo } from './case-cache';
import { inRange, parseIp, type IpRange } from './ip-address';

interface KnownIp {
  id: number;
  bytes: Uint8Array;
}

const caseIps = new CaseMemo<KnownIp[]>((caseDb) => {
  const rows = caseDb.rows('SELECT s.id, s.value FROM strings s WHERE s.id IN (SELECT DISTINCT ip_address_k FROM signin_data)', [], { id: NUM, value: STR });
  const out: KnownIp[] = [];
  for (const { id, value } of rows) {
    const bytes = parseIp(value);
    if (bytes) out.push({ id, bytes });
  }
  return out;
});

/** String ids of the case's IP addresses that fall in any of the ranges. */
export function ipIdsInRanges(caseDb: CaseDb, ranges: readonly IpRange[]): number[] {
  return caseIps
    .get(caseDb)
    .filter((ip) => ranges.some((r) => inRange(ip.bytes, r)))
    .map((ip) => ip.id);
}
