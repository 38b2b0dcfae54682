// Tables of the investigator's work, created lazily (cases made before annotations existed simply
// have none yet). `annotations` is read by the query layer's tags filter:
// `d.rid IN (SELECT rid FROM annotations WHERE tag IN (...))`, hence one row per (target, tag) with
// the sign-in's `rid` (NULL for other targets) and `tag` (NULL for notes and stars). Indexes that
// sign-in tags do not need are partial, and "newest first" is id order (changes are applied, and
// replayed, in time order): a bulk tag of a million rows maintains two indexes, not five.
import type { CaseDb } from '../db/case-db';

const DDL = `
CREATE TABLE IF NOT EXISTS annotations (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('tag', 'note', 'star')),
  target_type TEXT NOT NULL CHECK (target_type IN ('signin', 'session', 'user', 'ip', 'finding')),
  rid INTEGER,
  target_key TEXT,
  tag TEXT,
  note TEXT,
  uid TEXT,
  author TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  CHECK ((target_type = 'signin') = (rid IS NOT NULL AND target_key IS NULL))
);
CREATE UNIQUE INDEX IF NOT EXISTS ux_annotations_tag_rid ON annotations (tag, rid);
CREATE UNIQUE INDEX IF NOT EXISTS ux_annotations_tag_key ON annotations (target_type, target_key, tag) WHERE rid IS NULL;
CREATE UNIQUE INDEX IF NOT EXISTS ux_annotations_star_rid ON annotations (rid) WHERE kind = 'star' AND rid IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS ux_annotations_star_key ON annotations (target_type, target_key) WHERE kind = 'star' AND rid IS NULL;
CREATE UNIQUE INDEX IF NOT EXISTS ux_annotations_uid ON annotations (uid) WHERE uid IS NOT NULL;
CREATE INDEX IF NOT EXISTS ix_annotations_rid ON annotations (rid);

CREATE TABLE IF NOT EXISTS activity_log (
  id INTEGER PRIMARY KEY, time TEXT NOT NULL, author TEXT NOT NULL, action TEXT NOT NULL, details_json TEXT
);
CREATE TRIGGER IF NOT EXISTS activity_log_no_update BEFORE UPDATE ON activity_log
  BEGIN SELECT RAISE(ABORT, 'the activity log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS activity_log_no_delete BEFORE DELETE ON activity_log
  BEGIN SELECT RAISE(ABORT, 'the activity log is append-only'); END;

CREATE TABLE IF NOT EXISTS saved_views (
  id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, filter_json TEXT NOT NULL, columns_json TEXT NOT NULL,
  sort_json TEXT NOT NULL, author TEXT NOT NULL, created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL
);`;

const ready = new WeakSet<CaseDb>();

export function ensureAnnotationTables(caseDb: CaseDb): void {
  if (ready.has(caseDb)) return;
  caseDb.exec(DDL);
  ready.add(caseDb);
}
