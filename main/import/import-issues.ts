// Per-file problems: every one is counted, the first ones are written to `import_errors` with file,
// record number, byte offset and message. Nothing here throws: one bad record never stops an import.
import type { CaseDb, PreparedWrite } from '../db/case-db';

const DETAILED_PER_FILE = 2000;

export type Severity = 'error' | 'warning';

export interface ImportIssue {
  file: string;
  recordIndex: number | null;
  byteOffset: number | null;
  severity: Severity;
  message: string;
}

export class IssueLog {
  errors = 0;
  warnings = 0;
  readonly first: ImportIssue[] = []; // a few, for the summary printed by the CLI and shown in the UI
  private readonly insert: PreparedWrite;

  constructor(
    caseDb: CaseDb,
    private readonly sourceId: number,
    private readonly file: string,
  ) {
    this.insert = caseDb.prepareWrite('INSERT INTO import_errors (source_id, file, record_index, byte_offset, severity, message) VALUES (?, ?, ?, ?, ?, ?)');
  }

  add(severity: Severity, recordIndex: number | null, byteOffset: number | null, message: string): void {
    if (severity === 'error') this.errors++;
    else this.warnings++;
    const total = this.errors + this.warnings;
    const issue = { file: this.file, recordIndex, byteOffset, severity, message: message.slice(0, 500) };
    if (total <= DETAILED_PER_FILE) this.insert.run([this.sourceId, this.file, recordIndex, byteOffset, severity, issue.message]);
    if (this.first.length < 20) this.first.push(issue);
  }

  close(): void {
    const total = this.errors + this.warnings;
    if (total > DETAILED_PER_FILE) {
      this.insert.run([this.sourceId, this.file, null, null, 'warning', `${total - DETAILED_PER_FILE} further problems were counted but not listed`]);
    }
    this.insert.free();
  }
}
