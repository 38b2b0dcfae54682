// What an annotation is about, in words an investigator recognises: a sign-in by its user, IP, time
// and request id (not the case's internal row id), a finding by its number and title, a session by
// its correlation id.
import type { AnnotationTarget } from '../../shared/model/annotation';
import type { CaseDb } from '../db/case-db';
import { inList, type SqlParam } from '../query/sql-list';

export type TargetNamer = (t: AnnotationTarget) => string;

export function targetNamer(caseDb: CaseDb, targets: readonly AnnotationTarget[]): TargetNamer {
  const rids = [...new Set(targets.flatMap((t) => (t.type === 'signin' ? [t.rid] : [])))];
  const findingIds = [...new Set(targets.flatMap((t) => (t.type === 'finding' && /^\d+$/.test(t.key) ? [Number(t.key)] : [])))];
  const signins = new Map<number, string>();
  for (let i = 0; i < rids.length; i += 500) {
    const params: SqlParam[] = [];
    const sql = `SELECT rid, id, coalesce(user_principal_name, service_principal_name), ip_address, created_at FROM signins WHERE ${inList('rid', rids.slice(i, i + 500), params)}`;
    for (const [rid, requestId, who, ip, at] of caseDb.all(sql, params)) {
      const parts = [who ? String(who) : '(no user)', ip ? `from ${String(ip)}` : null, at ? `at ${String(at)}` : null].filter(Boolean).join(' ');
      signins.set(Number(rid), `sign-in of ${parts}, request id ${requestId ? String(requestId) : '(none)'}`);
    }
  }
  const findings = new Map<number, string>();
  if (findingIds.length && caseDb.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'findings'") === 1) {
    const params: SqlParam[] = [];
    for (const [id, title] of caseDb.all(`SELECT id, title FROM findings WHERE ${inList('id', findingIds, params)}`, params)) findings.set(Number(id), `finding #${String(id)}: ${String(title)}`);
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
