// Imports files into a fresh in-memory case and gives back the summary and a query helper.
import { CaseDb } from '../../main/db/case-db';
import { importFiles } from '../../main/import/pipeline';
import { all } from './sql';

export async function importIntoNewCase(paths: string[]) {
  const caseDb = await CaseDb.create();
  const summary = await importFiles(caseDb, paths);
  const rows = (sql: string, params: (string | number | null)[] = []) => all(caseDb, sql, params);
  return { caseDb, summary, rows, file: (i = 0) => summary.files[i]! };
}
