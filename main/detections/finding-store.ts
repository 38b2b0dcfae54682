// Findings saved in the case (the case file is the whole database, so they travel with it). Tables
// are created lazily: cases made before detections existed simply have none yet.
import { SEVERITIES, type Finding, type FindingDetails, type Severity } from '../../shared/model/detection';
import type { CaseDb } from '../db/case-db';
import { NUM, NUM_NULL, STR, STR_NULL, type SqlValue } from '../db/row-spec';
import { inList } from '../query/sql-list';

const DDL = `
CREATE TABLE IF NOT EXISTS findings (
  id INTEGER PRIMARY KEY, rule_id TEXT NOT NULL, severity TEXT NOT NULL, title TEXT NOT NULL, details_json TEXT,
  time_from INTEGER, time_to INTEGER, users_json TEXT, ips_json TEXT, created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS finding_signins (finding_id INTEGER NOT NULL, rid INTEGER NOT NULL, PRIMARY KEY (finding_id, rid)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS ix_finding_signins_rid ON finding_signins (rid);
CREATE INDEX IF NOT EXISTS ix_findings_rule ON findings (rule_id);`;

export function ensureFindingTables(db: CaseDb): void {
  db.exec(DDL);
}

/** Replaces the stored findings of the given rules (those that ran) with the new ones. */
export function replaceFindings(db: CaseDb, ruleIds: readonly string[], findings: readonly Finding[]): Finding[] {
  ensureFindingTables(db);
  const now = new Date().toISOString();
  const marks = ruleIds.map(() => '?').join(',') || 'NULL';
  const stored: Finding[] = [];
  db.transaction(() => {
    db.run(`DELETE FROM finding_signins WHERE finding_id IN (SELECT id FROM findings WHERE rule_id IN (${marks}))`, ruleIds);
    db.run(`DELETE FROM findings WHERE rule_id IN (${marks})`, ruleIds);
    const insert = db.prepareWrite('INSERT INTO findings (rule_id, severity, title, details_json, time_from, time_to, users_json, ips_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const link = db.prepareWrite('INSERT OR IGNORE INTO finding_signins (finding_id, rid) VALUES (?, ?)');
    try {
      for (const f of findings) {
        insert.run([f.ruleId, f.severity, f.title, JSON.stringify({ ...f.details, signinCount: f.signinCount }), f.timeFrom, f.timeTo, JSON.stringify(f.users), JSON.stringify(f.ips), now]);
        const id = db.lastInsertId();
        for (const rid of f.rids) link.run([id, rid]);
        stored.push({ ...f, id });
      }
    } finally {
      insert.free();
      link.free();
    }
  });
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
  const params: SqlValue[] = [];
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
  const total = db.value(`SELECT count(*) FROM findings ${clause}`, params, NUM) ?? 0;
  const order = `CASE severity ${SEVERITIES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END DESC, time_from, id`;
  const rows = db.rows(
    `SELECT id, rule_id, severity, title, details_json, time_from, time_to, users_json, ips_json FROM findings ${clause} ORDER BY ${order} LIMIT ?`,
    [...params, filter.limit ?? 1000],
    { id: NUM, rule_id: STR, severity: STR, title: STR, details_json: STR_NULL, time_from: NUM_NULL, time_to: NUM_NULL, users_json: STR_NULL, ips_json: STR_NULL },
  );
  const findings = rows.map((r) => {
    const { signinCount, ...rest } = JSON.parse(r.details_json ?? '{}') as FindingDetails & { signinCount?: number };
    return {
      id: r.id,
      ruleId: r.rule_id,
      severity: r.severity as Severity,
      title: r.title,
      timeFrom: Number(r.time_from),
      timeTo: Number(r.time_to),
      users: JSON.parse(r.users_json ?? '[]') as string[],
      ips: JSON.parse(r.ips_json ?? '[]') as string[],
      signinCount: Number(signinCount ?? 0),
      rids: filter.withRids ? db.rows('SELECT rid FROM finding_signins WHERE finding_id = ? ORDER BY rid', [r.id], { rid: NUM }).map((l) => l.rid) : [],
      details: rest,
    };
  });
  return { findings, total };
}

/** Request ids (`signins.id`) of sign-ins, in the order of the rids given. */
export function requestIdsOf(db: CaseDb, rids: readonly number[]): string[] {
  const byRid = new Map<number, string>();
  for (let i = 0; i < rids.length; i += 500) {
    const params: SqlValue[] = [];
    db.forEach(`SELECT rid, id FROM signin_data WHERE ${inList('rid', rids.slice(i, i + 500), params)}`, params, { rid: NUM, id: STR_NULL }, (r) => void byRid.set(r.rid, r.id ?? ''));
  }
  return rids.map((rid) => byRid.get(rid) ?? '');
}
