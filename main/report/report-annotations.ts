// The investigator's work for the report: tags in use, notes, starred and tagged targets, and the
// annotated sign-ins (within the report's scope) with their tags and notes.
import type { AnnotationTarget } from '../../shared/model/annotation';
import { listActivity } from '../annotations/activity-log';
import { marksOfRids, tagsInUse } from '../annotations/list';
import { ensureAnnotationTables } from '../annotations/tables';
import { targetFromRow } from '../annotations/targets';
import type { CaseDb } from '../db/case-db';
import { NUM, NUM_NULL, STR, STR_NULL } from '../db/row-spec';
import type { WhereClause } from '../query/filters';
import { reportSignins, type ReportSignin } from './signin-rows';
import { targetNamer, type TargetNamer } from './target-names';

export interface NoteRow {
  target: AnnotationTarget;
  text: string;
  author: string;
  createdMs: number;
}

export interface TargetTags {
  target: AnnotationTarget;
  tags: string[];
  starred: boolean;
}

export interface AnnotatedSignin extends ReportSignin {
  tags: string[];
  starred: boolean;
  notes: string[];
}

/** Annotations of the whole case by kind, counted as the Annotations tab counts them (one per row). */
export interface AnnotationCounts {
  total: number;
  tags: number;
  notes: number;
  stars: number;
  starredSignins: number;
  starredOthers: number;
}

export interface ReportAnnotations {
  counts: AnnotationCounts;
  tags: ReturnType<typeof tagsInUse>['used'];
  notes: NoteRow[];
  /** Users, IPs, sessions and findings that carry tags or a star. */
  targets: TargetTags[];
  signins: AnnotatedSignin[];
  annotatedSignins: number;
  activity: ReturnType<typeof listActivity>['items'];
  /** Names note and tag targets by user, IP, request id or finding title. */
  nameOf: TargetNamer;
}

export function reportAnnotations(caseDb: CaseDb, where: WhereClause, limit: number): ReportAnnotations {
  ensureAnnotationTables(caseDb);
  const noteSpec = { target_type: STR, rid: NUM_NULL, target_key: STR_NULL, note: STR_NULL, author: STR_NULL, created_ms: NUM_NULL } as const;
  const notes = caseDb
    .rows("SELECT target_type, rid, target_key, note, author, created_ms FROM annotations WHERE kind = 'note' ORDER BY created_ms, id LIMIT ?", [limit], noteSpec)
    .map((n) => ({ target: targetFromRow(n.target_type, n.rid, n.target_key), text: String(n.note), author: String(n.author), createdMs: Number(n.created_ms) }));

  const byTarget = new Map<string, TargetTags>();
  const markSpec = { target_type: STR, target_key: STR_NULL, kind: STR, tag: STR_NULL } as const;
  const marksSql = "SELECT target_type, target_key, kind, tag FROM annotations WHERE rid IS NULL AND kind IN ('tag', 'star') ORDER BY target_type, target_key, tag LIMIT ?";
  caseDb.forEach(marksSql, [limit * 4], markSpec, ({ target_type: type, target_key: key, kind, tag }) => {
    const id = `${type}\u0000${key}`;
    let entry = byTarget.get(id);
    if (!entry) byTarget.set(id, (entry = { target: targetFromRow(type, null, key), tags: [], starred: false }));
    if (kind === 'star') entry.starred = true;
    else entry.tags.push(String(tag));
  });

  const annotated = `d.rid IN (SELECT rid FROM annotations WHERE rid IS NOT NULL) AND (${where.sql})`;
  const annotatedSignins = caseDb.value(`SELECT count(*) FROM signin_data d WHERE ${annotated}`, where.params, NUM) ?? 0;
  const rows = reportSignins(caseDb, 'signin_data d', annotated, where.params, limit);
  const marks = new Map(
    marksOfRids(
      caseDb,
      rows.map((r) => r.rid),
    ).map((m) => [m.rid, m]),
  );
  const noteTexts = new Map<number, string[]>();
  for (const n of notes) if (n.target.type === 'signin') noteTexts.set(n.target.rid, [...(noteTexts.get(n.target.rid) ?? []), n.text]);
  const signins = rows.map((r) => ({ ...r, tags: marks.get(r.rid)?.tags ?? [], starred: marks.get(r.rid)?.starred ?? false, notes: noteTexts.get(r.rid) ?? [] }));

  const targets = [...byTarget.values()].slice(0, limit);
  return {
    counts: annotationCounts(caseDb),
    tags: tagsInUse(caseDb).used,
    notes,
    targets,
    signins,
    annotatedSignins,
    activity: listActivity(caseDb, { offset: 0, limit }).items,
    nameOf: targetNamer(caseDb, [...notes.map((n) => n.target), ...targets.map((t) => t.target)]),
  };
}

function annotationCounts(caseDb: CaseDb): AnnotationCounts {
  const by = new Map(caseDb.rows('SELECT kind, count(*) AS n FROM annotations GROUP BY kind', [], { kind: STR, n: NUM }).map((r) => [r.kind, r.n]));
  const starred = caseDb.first("SELECT count(rid) AS signins, count(*) - count(rid) AS others FROM annotations WHERE kind = 'star'", [], { signins: NUM, others: NUM })!;
  const [starredSignins, starredOthers] = [starred.signins, starred.others];
  const tags = by.get('tag') ?? 0;
  const notes = by.get('note') ?? 0;
  const stars = by.get('star') ?? 0;
  return { total: [...by.values()].reduce((a, n) => a + n, 0), tags, notes, stars, starredSignins, starredOthers };
}
