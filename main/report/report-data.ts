// Everything the case report shows, read from the case: scope and counts, the evidence manifest,
// findings (when detections have run) with their first sign-ins, the timeline and the map points.
import { GRID_COLUMN_BY_KEY } from '../../shared/model/grid-columns';
import { SEVERITIES } from '../../shared/model/detection';
import { OP_LABELS, type Condition, type FilterSpec } from '../../shared/model/filter-spec';
import type { CaseDb } from '../db/case-db';
import { NUM, NUM_NULL, STR, STR_NULL } from '../db/row-spec';
import { buildWhere, type WhereClause } from '../query/filters';
import { histogram } from '../query/timeline';
import { reportSignins, type ReportSignin } from './signin-rows';
import type { MapPoint } from './svg-map';
import type { StatusBucket } from './svg-timeline';

export interface ScopeCounts {
  signins: number;
  users: number;
  ips: number;
  apps: number;
  success: number;
  failure: number;
  interrupted: number;
  timeMin: number | null;
  timeMax: number | null;
}

export interface SourceRow {
  fileName: string;
  path: string;
  size: number | null;
  format: string | null;
  records: number;
  imported: number;
  sha256: string | null;
  importedAt: string | null;
}

export interface FindingBlock {
  id: number;
  ruleId: string;
  severity: string;
  title: string;
  timeFrom: number | null;
  timeTo: number | null;
  users: string[];
  ips: string[];
  signinCount: number;
  signins: ReportSignin[];
}

export function scopeCounts(caseDb: CaseDb, where: WhereClause): ScopeCounts {
  const ids = statusIdsOf(caseDb);
  const r = caseDb.first(
    `SELECT count(*) AS signins, count(DISTINCT d.user_principal_name_k) AS users, count(DISTINCT d.ip_address_k) AS ips, count(DISTINCT d.app_display_name_k) AS apps,
       sum(d.status_k = ?) AS success, sum(d.status_k = ?) AS failure, sum(d.status_k = ?) AS interrupted, min(d.created_ms) AS time_min, max(d.created_ms) AS time_max
       FROM signin_data d WHERE ${where.sql}`,
    [ids.success, ids.failure, ids.interrupted, ...where.params],
    { signins: NUM, users: NUM, ips: NUM, apps: NUM, success: NUM_NULL, failure: NUM_NULL, interrupted: NUM_NULL, time_min: NUM_NULL, time_max: NUM_NULL },
  )!;
  return {
    signins: r.signins,
    users: r.users,
    ips: r.ips,
    apps: r.apps,
    success: r.success ?? 0, // sum() of no rows is NULL
    failure: r.failure ?? 0,
    interrupted: r.interrupted ?? 0,
    timeMin: r.time_min,
    timeMax: r.time_max,
  };
}

/** The filter in words, one line per part (null: the whole case). */
export function describeFilter(filter: FilterSpec | undefined): string[] | null {
  if (!filter) return null;
  const lines: string[] = [];
  if (filter.timeFrom !== undefined) lines.push(`from ${new Date(filter.timeFrom).toISOString()}`);
  if (filter.timeTo !== undefined) lines.push(`before ${new Date(filter.timeTo).toISOString()}`);
  if (filter.text) lines.push(`text contains "${filter.text}"`);
  const words = (c: Condition) => `${GRID_COLUMN_BY_KEY.get(c.column)?.label ?? c.column} ${OP_LABELS[c.op]} ${c.values.join(', ')}`.trim();
  for (const c of filter.conditions) lines.push(words(c));
  if (filter.tags?.length) lines.push(`tagged ${filter.tags.join(', ')}`);
  if (filter.anyOf?.length) lines.push(filter.anyOf.map(words).join(' or '));
  if (filter.rids) lines.push(`${filter.rids.length} selected sign-ins`);
  return lines.length ? lines : null;
}

export function evidenceManifest(caseDb: CaseDb): SourceRow[] {
  const spec = { file_name: STR, path: STR_NULL, size: NUM_NULL, format: STR_NULL, records: NUM_NULL, imported: NUM_NULL, sha256: STR_NULL, imported_at: STR_NULL } as const;
  return caseDb.rows('SELECT file_name, path, size, format, records, imported, sha256, imported_at FROM sources ORDER BY id', [], spec).map((s) => ({
    fileName: s.file_name,
    path: String(s.path),
    size: s.size,
    format: s.format,
    records: s.records ?? 0,
    imported: s.imported ?? 0,
    sha256: s.sha256,
    importedAt: s.imported_at,
  }));
}

/** Findings, most severe first, each with its first `top` sign-ins; null when detections never ran. */
export function findingBlocks(caseDb: CaseDb, top: number, limit = 200): FindingBlock[] | null {
  if (!caseDb.hasTable('findings') || !caseDb.hasTable('finding_signins')) return null;
  const rank = `CASE severity ${SEVERITIES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} ELSE -1 END`;
  const spec = { id: NUM, rule_id: STR, severity: STR, title: STR, time_from: NUM_NULL, time_to: NUM_NULL, users_json: STR_NULL, ips_json: STR_NULL, details_json: STR_NULL } as const;
  const rows = caseDb.rows(`SELECT id, rule_id, severity, title, time_from, time_to, users_json, ips_json, details_json FROM findings ORDER BY ${rank} DESC, time_from, id LIMIT ?`, [limit], spec);
  return rows.map((f) => ({
    id: f.id,
    ruleId: f.rule_id,
    severity: f.severity,
    title: f.title,
    timeFrom: f.time_from,
    timeTo: f.time_to,
    users: parseList(f.users_json),
    ips: parseList(f.ips_json),
    signinCount: Number(parseObject(f.details_json).signinCount ?? caseDb.value('SELECT count(*) FROM finding_signins WHERE finding_id = ?', [f.id], NUM)),
    signins: reportSignins(caseDb, 'finding_signins fs JOIN signin_data d ON d.rid = fs.rid', 'fs.finding_id = ?', [f.id], top),
  }));
}

export function timelineSeries(caseDb: CaseDb, filter: FilterSpec): { series: StatusBucket[]; bucketMs: number } {
  const h = histogram(caseDb, { filter, buckets: 120 });
  return { series: h.series, bucketMs: h.bucketMs };
}

/**
 * Located sign-ins grouped by coordinates rounded to 0.1°: the enriched location (ip_geo) or else
 * the log's. Tallied in JS while the rows stream: a GROUP BY on rounded values would sort every row.
 */
export function mapPoints(caseDb: CaseDb, where: WhereClause, limit = 1500): MapPoint[] {
  const geo = caseDb.hasTable('ip_geo');
  const lat = geo ? 'coalesce(g.latitude, d.latitude)' : 'd.latitude';
  const lon = geo ? 'coalesce(g.longitude, d.longitude)' : 'd.longitude';
  const { success, failure, interrupted } = statusIdsOf(caseDb);
  const points = new Map<string, MapPoint>();
  const sql = `SELECT ${lat}, ${lon}, d.status_k FROM signin_data d ${geo ? 'LEFT JOIN ip_geo g ON g.ip_k = d.ip_address_k' : ''} WHERE ${where.sql}`;
  caseDb.forEachTuple(sql, where.params, [NUM_NULL, NUM_NULL, NUM_NULL], ([la, lo, status]) => {
    if (la !== null && lo !== null) {
      const key = `${Math.round(la * 10)}|${Math.round(lo * 10)}`;
      let p = points.get(key);
      if (!p) points.set(key, (p = { lat: Math.round(la * 10) / 10, lon: Math.round(lo * 10) / 10, total: 0, success: 0, failure: 0, interrupted: 0 }));
      p.total++;
      if (status === success) p.success++;
      else if (status === failure) p.failure++;
      else if (status === interrupted) p.interrupted++;
    }
  });
  return [...points.values()].sort((a, b) => b.total - a.total).slice(0, limit);
}

/** String ids of the three statuses (-1: never seen), so rows compare integers. */
function statusIdsOf(caseDb: CaseDb): { success: number; failure: number; interrupted: number } {
  const id = (v: string) => caseDb.strings.lookupId(v) ?? -1;
  return { success: id('Success'), failure: id('Failure'), interrupted: id('Interrupted') };
}

export function scopeWhere(caseDb: CaseDb, filter: FilterSpec | undefined): WhereClause {
  return buildWhere(caseDb, filter ?? { conditions: [] });
}

function parseList(json: unknown): string[] {
  try {
    const v = JSON.parse(String(json ?? '[]')) as unknown;
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

function parseObject(json: unknown): Record<string, unknown> {
  try {
    const v = JSON.parse(String(json ?? '{}')) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
