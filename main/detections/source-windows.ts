// Bursts per network source: by ASN where the logs carry one, else by IP (exports without ASN).
import type { CaseDb } from '../db/case-db';
import { stringValues } from '../db/string-text';
import { listSome, plural } from './describe';
import { Evidence, selectRows } from './evidence';
import { flaggedWindows, type WindowQuery } from './windows';

export interface SourceBurst {
  evidence: Evidence;
  /** "AS12389 (2 IPs: 192.0.2.1, 192.0.2.2)" or "192.0.2.1". */
  source: string;
}

export function sourceBursts(db: CaseDb, q: Omit<WindowQuery, 'key'>, extraColumns: readonly string[] = []): SourceBurst[] {
  const out: SourceBurst[] = [];
  for (const key of ['asn', 'ip_address_k'] as const) {
    const where = key === 'asn' ? q.where : `asn IS NULL AND (${q.where})`;
    for (const w of flaggedWindows(db, { ...q, key, where })) {
      const evidence = new Evidence(selectRows(db, `${key} = ? AND created_ms >= ? AND created_ms < ? AND ${where}`, [w.key, w.from, w.to, ...(q.params ?? [])], extraColumns));
      const ips = [...evidence.distinct((r) => r.ip)];
      const names = stringValues(db, key === 'asn' ? ips : [w.key]);
      const ipList = listSome(ips.map((ip) => names.get(ip) ?? `#${ip}`));
      out.push({ evidence, source: key === 'asn' ? `AS${w.key} (${plural(ips.length, 'IP')}: ${ipList})` : (names.get(w.key) ?? `#${w.key}`) });
    }
  }
  return out;
}
