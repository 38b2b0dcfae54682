// A case file from someone else is data, not code. SQLite stores views, triggers and indexes as SQL
// that runs whenever the case is queried or changed: a redefined `signins` view would show rows the
// evidence never had, a trigger could rewrite annotations, a recursive view could spin forever, a
// stale index could answer queries with rows the table does not hold. So on open, before anything
// reads the case, every view and trigger is dropped and the app's own are recreated; an index is
// kept only when it is one of the app's own with the app's exact definition. Whatever was not the
// app's own is reported by name. Index *content* is not rebuilt: it is data like the rows themselves
// (whoever can forge index pages can forge rows), and REINDEX took 15-18 s per 300k sign-ins here.
import { STR } from '../db/row-spec';
import type { Database } from 'sql.js';
import { ensureAnnotationTables } from '../annotations/tables';
import { CaseDb } from '../db/case-db';
import { isRetiredIndex } from '../db/migrate';
import { ensureFindingTables } from '../detections/finding-store';
import { ensureIpGeoTable } from '../geo/ip-geo-table';
import { createSessionIndexes, ensureSessionTables } from '../sessions/session-table';

interface SchemaObject {
  type: string;
  name: string;
  table: string;
  sql: string;
}

/** Names shown in a report are capped: a crafted name can be megabytes long. */
const NAME_CAP = 80;

let reference: Promise<Map<string, SchemaObject>> | undefined;

/** The views, triggers and indexes that this SigninScope itself creates, read from a scratch case. */
export function appSchema(): Promise<Map<string, SchemaObject>> {
  reference ??= (async () => {
    const scratch = await CaseDb.create();
    try {
      scratch.buildIndexes();
      ensureAnnotationTables(scratch);
      ensureFindingTables(scratch);
      ensureIpGeoTable(scratch);
      ensureSessionTables(scratch);
      createSessionIndexes(scratch);
      return new Map(scratch.rows(SCHEMA_OBJECTS_SQL, [], { type: STR, name: STR, table: STR, sql: STR }).map((o) => [key(o), o]));
    } finally {
      scratch.close();
    }
  })();
  return reference;
}

/**
 * Drops every view and trigger and every index that is not the app's own (by name and definition),
 * recreates the app's triggers, and its indexes that were missing or redefined, on the tables
 * present. The views come back from schemaDdl() when CaseDb.create continues. Returns one line per
 * foreign object dropped.
 */
export function repairSchema(db: Database, app: Map<string, SchemaObject>): string[] {
  refuseComputedColumns(db);
  const report: string[] = [];
  const objects = schemaObjects(db);
  const tables = new Set(tableNames(db));
  for (const o of objects) {
    const own = app.get(key(o));
    const same = own !== undefined && own.sql === o.sql && own.table === o.table;
    if (o.type === 'index' && same) continue;
    db.exec(`DROP ${o.type.toUpperCase()} IF EXISTS ${quoteId(o.name)}`);
    if (!same && !isRetiredIndex(o.name, o.sql)) report.push(`${o.type} ${shortName(o.name)}${own ? ' (redefined)' : ''} on ${shortName(o.table)}: not SigninScope's own definition, dropped`);
  }
  for (const own of app.values()) {
    if (own.type === 'view' || !tables.has(own.table)) continue;
    if (own.type === 'trigger' || !objects.some((o) => key(o) === key(own) && o.sql === own.sql)) db.exec(own.sql);
  }
  return report;
}

/**
 * A generated column shows a value computed by SQL the file brought along, not one that was imported.
 * SigninScope never creates one; such a file is refused (the column cannot be dropped while an
 * index or view uses it, and its table's rows could not be trusted anyway).
 */
function refuseComputedColumns(db: Database): void {
  for (const table of tableNames(db)) {
    if (table.startsWith('sqlite_')) continue;
    const cols = db.exec(`SELECT name FROM pragma_table_xinfo(${sqlString(table)}) WHERE hidden IN (2, 3)`)[0]?.values ?? [];
    if (cols.length) throw new Error(`not a SigninScope case file: table ${shortName(table)} has a computed column ${shortName(String(cols[0]![0]))}, which SigninScope never writes`);
  }
}

function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

const SCHEMA_OBJECTS_SQL = "SELECT type, name, tbl_name AS \"table\", sql FROM main.sqlite_master WHERE type IN ('view', 'trigger', 'index') AND sql IS NOT NULL";

function schemaObjects(db: Database): SchemaObject[] {
  const res = db.exec(SCHEMA_OBJECTS_SQL);
  return (res[0]?.values ?? []).map(([type, name, table, sql]) => ({ type: String(type), name: String(name), table: String(table), sql: String(sql) }));
}

function tableNames(db: Database): string[] {
  return (db.exec("SELECT name FROM main.sqlite_master WHERE type = 'table'")[0]?.values ?? []).map((r) => String(r[0]));
}

function key(o: SchemaObject): string {
  return `${o.type}\u0000${o.name.toLowerCase()}`;
}

function quoteId(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function shortName(name: string): string {
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return JSON.stringify(clean.length > NAME_CAP ? `${clean.slice(0, NAME_CAP)}…` : clean);
}
