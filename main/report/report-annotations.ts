// The investigator's work for the report: tags in use, notes, starred and tagged targets, and the
// annotated sign-ins (within the report's scope) with their tags and notes.
import type { AnnotationTarget } from '../../shared/model/annotation';
import { listActivity } from '../annotations/activity-log';
import { marksOfRids, tagsInUse } from '../annotations/list';
import { ensureAnnotationTables } from '../annotations/tables';
import { targetFromRow } from '../annotations/targets';
import type { CaseDb } from '../db/case-db';
import type { WhereClause } from '../query/filters';
import { reportSignins, type ReportSignin } from './signin-rows';

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

export interface ReportAnnotations {
  tags: ReturnType<typeof tagsInUse>['used'];
  notes: NoteRow[];
  /** Users, IPs, sessions and findings that carry tags or a star. */
  targets: TargetTags[];
  signins: AnnotatedSignin[];
  annotatedSignins: number;
  activity: ReturnType<typeof listActivity>['items'];
}

export function reportAnnotations(caseDb: CaseDb, where: WhereClause, limit: number): ReportAnnotations {
  ensureAnnotationTables(caseDb);
  const notes = caseDb
    .all("SELECT target_type, rid, target_key, note, author, created_ms FROM annotations WHERE kind = 'note' ORDER BY created_ms, id LIMIT ?", [limit])
    .map(([type, rid, key, text, author, at]) => ({ target: targetFromRow(type, rid, key), text: String(text), author: String(author), createdMs: Number(at) }));

  const byTarget = new Map<string, TargetTags>();
  for (const [type, key, kind, tag] of caseDb.all("SELECT target_type, target_key, kind, tag FROM annotations WHERE rid IS NULL AND kind IN ('tag', 'star') ORDER BY target_type, target_key, tag LIMIT ?", [limit * 4])) {
    const id = `${type}\u0000${key}`;
    let entry = byTarget.get(id);
    if (!entry) byTarget.set(id, (entry = { target: targetFromRow(type, null, key), tags: [], starred: false }));
    if (kind === 'star') entry.starred = true;
    else entry.tags.push(String(tag));
  }

  const annotated = `d.rid IN (SELECT rid FROM annotations WHERE rid IS NOT NULL) AND (${where.sql})`;
  const annotatedSignins = Number(caseDb.scalar(`SELECT count(*) FROM signin_data d WHERE ${annotated}`, where.params));
  const rows = reportSignins(caseDb, 'signin_data d', annotated, where.params, limit);
  const marks = new Map(marksOfRids(caseDb, rows.map((r) => r.rid)).map((m) => [m.rid, m]));
  const noteTexts = new Map<number, string[]>();
  for (const n of notes) if (n.target.type === 'signin') noteTexts.set(n.target.rid, [...(noteTexts.get(n.target.rid) ?? []), n.text]);
  const signins = rows.map((r) => ({ ...r, tags: marks.get(r.rid)?.tags ?? [], starred: marks.get(r.rid)?.starred ?? false, notes: noteTexts.get(r.rid) ?? [] }));

  return {
    tags: tagsInUse(caseDb).used,
    notes,
    targets: [...byTarget.values()].slice(0, limit),
    signins,
    annotatedSignins,
    activity: listActivity(caseDb, { offset: 0, limit }).items,
  };
}
