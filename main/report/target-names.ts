// What an annotation is about, in words an investigator recognises: a sign-in by its user, IP, time
// and request id (not the case's internal row id), a finding by its number and title, a session by
// its correlation id.
import type { AnnotationTarget } from '../../shared/model/annotation';
import type { CaseDb } from '../db/case-db';
import { CELL, NUM, STR, type SqlValue } from '../db/row-spec';
import { inList } from '../query/sql-list';

export type TargetNamer = (t: AnnotationTarget) => string;

export function targetNamer(caseDb: CaseDb, targets: readonly AnnotationTarget[]): TargetNamer {
  const rids = [...new Set(targets.flatMap((t) => (t.type === 'signin' ? [t.rid] : [])))];
  const findingIds = [...new Set(targets.flatMap((t) => (t.type === 'finding' && /^\d+$/.test(t.key) ? [Number(t.key)] : [])))];
  const signins = new Map<number, string>();
  for (let i = 0; i < rids.length; i += 500) {
    const params: SqlValue[] = [];
    const sql = `SELECT rid, id, coalesce(user_principal_name, service_principal_name) AS who, ip_address, created_at FROM signins WHERE ${inList('rid', rids.slice(i, i + 500), params)}`;
    caseDb.forEach(sql, params, { rid: NUM, id: CELL, who: CELL, ip_address: CELL, created_at: CELL }, ({ rid, id, who, ip_address: ip, created_at: at }) => {
      const parts = [who ? String(who) : '(no user)', ip ? `from ${ip}` : null, at ? `at ${at}` : null].filter(Boolean).join(' ');
      signins.set(rid, `sign-in of ${parts}, request id ${id ? String(id) : '(none)'}`);
    });
  }
  const findings = new Map<number, string>();
  if (findingIds.length && caseDb.hasTable('findings')) {
    const params: SqlValue[] = [];
    caseDb.forEach(`SELECT id, title FROM findings WHERE ${inList('id', findingIds, params)}`, params, { id: NUM, title: STR }, ({ id, title }) => void findings.set(id, `finding #${id}: ${title}`));
  }
  return (t) => {
    switch (t.type) {
      case 'signin':
        return signins.get(t.rid) ?? 'a sign-in no longer in the case';
      case 'finding':
        return findings.get(Number(t.key)) ?? `finding #${t.key} (no longer stored: detections ran again)`;
      case 'session':
        return `session, correlation id ${t.key}`;
      case 'user':
        return `user ${t.key}`;
      case 'ip':
        return `IP address ${t.key}`;
    }
  };
}
