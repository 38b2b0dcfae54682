// Findings saved in the case (the case file is the whole database, so they travel with it). Tables
// are created lazily: cases made before detections existed simply have none yet.
import { SEVERITIES, type Finding, type FindingDetails, type Severity } from '../../shared/model/detection';
import type { CaseDb } from '../db/case-db';
import { inList, type SqlParam } from './case-sql';

const DDL = `
CREATE TABLE IF NOT EXISTS findings (
  id INTEGER PRIMARY KEY, rule_id TEXT NOT NULL, severity TEXT NOT NULL, title TEXT NOT NULL, details_json TEXT,
  time_from INTEGER, time_to INTEGER, users_json TEXT, ips_json TEXT, created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS finding_signins (finding_id INTEGER NOT NULL, rid INTEGER NOT NULL, PRIMARY KEY (finding_id, rid)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS ix_finding_signins_rid ON finding_signins (rid);
CREATE INDEX IF NOT EXISTS ix_findings_rule ON findings (rule_id);`;

export function ensureFindingTables(db: CaseDb): void {
  db.db.exec(DDL);
}

/** Replaces the stored findings of the given rules (those that ran) with the new ones. */
export function replaceFindings(db: CaseDb, ruleIds: readonly string[], findings: readonly Finding[]): Finding[] {
  ensureFindingTables(db);
  const now = new Date().toISOString();
  const marks = ruleIds.map(() => '?').join(',') || 'NULL';
  const stored: Finding[] = [];
  db.db.exec('BEGIN');
  try {
    db.db.run(`DELETE FROM finding_signins WHERE finding_id IN (SELECT id FROM findings WHERE rule_id IN (${marks}))`, [...ruleIds]);
    db.db.run(`DELETE FROM findings WHERE rule_id IN (${marks})`, [...ruleIds]);
    const insert = db.db.prepare('INSERT INTO findings (rule_id, severity, title, details_json, time_from, time_to, users_json, ips_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const link = db.db.prepare('INSERT OR IGNORE INTO finding_signins (finding_id, rid) VALUES (?, ?)');
    try {
      for (const f of findings) {
        insert.run([f.ruleId, f.severity, f.title, JSON.stringify({ ...f.details, signinCount: f.signinCount }), f.timeFrom, f.timeTo, JSON.stringify(f.users), JSON.stringify(f.ips), now]);
        const id = Number(db.scalar('SELECT last_insert_rowid()'));
        for (const rid of f.rids) link.run([id, rid]);
        stored.push({ ...f, id });
      }
    } finally {
      insert.free();
      link.free();
    }
    db.db.exec('COMMIT');
  } catch (e) {
    db.db.exec('ROLLBACK');
    throw e;
  }
  return stored;
}

export interface FindingFilter {
  ruleId?: string | undefined;
  minSeverity?: Severity | undefined;
  withRids?: boolean;
  limit?: number;
}

/** Stored findings, most severe and then earliest first. */
export function listFindings(db: CaseDb, filter: FindingFilter = {}): { findings: Finding[]; total: number } {
  ensureFindingTables(db);
  const where: string[] = [];
  const params: SqlParam[] = [];
  if (filter.ruleId) {
    where.push('rule_id = ?');
    params.push(filter.ruleId);
  }
  if (filter.minSeverity)
    where.push(
      `severity IN (${SEVERITIES.slice(SEVERITIES.indexOf(filter.minSeverity))
        .map((s) => `'${s}'`)
        .join(',')})`,
    );
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = Number(db.scalar(`SELECT count(*) FROM findings ${clause}`, params));
  const order = `CASE severity ${SEVERITIES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END DESC, time_from, id`;
  const rows = db.all(`SELECT id, rule_id, severity, title, details_json, time_from, time_to, users_json, ips_json FROM findings ${clause} ORDER BY ${order} LIMIT ?`, [
    ...params,
    filter.limit ?? 1000,
  ]);
  const findings = rows.map(([id, ruleId, severity, title, details, from, to, users, ips]) => {
    const { signinCount, ...rest } = JSON.parse(String(details ?? '{}')) as FindingDetails & { signinCount?: number };
    return {
      id: Number(id),
      ruleId: String(ruleId),
      severity: severity as Severity,
      title: String(title),
      timeFrom: Number(from),
      timeTo: Number(to),
      users: JSON.parse(String(users ?? '[]')) as string[],
      ips: JSON.parse(String(ips ?? '[]')) as string[],
      signinCount: Number(signinCount ?? 0),
      rids: filter.withRids ? db.all('SELECT rid FROM finding_signins WHERE finding_id = ? ORDER BY rid', [Number(id)]).map((r) => Number(r[0])) : [],
      details: rest,
    };
  });
  return { findings, total };
}

/** Request ids (`signins.id`) of sign-ins, in the order of the rids given. */
export function requestIdsOf(db: CaseDb, rids: readonly number[]): string[] {
  const byRid = new Map<number, string>();
  for (let i = 0; i < rids.length; i += 500) {
    for (const [rid, id] of db.all(`SELECT rid, id FROM signin_data WHERE rid IN ${inList(rids.slice(i, i + 500))}`)) byRid.set(Number(rid), String(id ?? ''));
  }
  return rids.map((rid) => byRid.get(rid) ?? '');
}
