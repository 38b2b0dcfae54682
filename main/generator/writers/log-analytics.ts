/** Log Analytics exports: a JSON array of rows, or the portal's "Export to CSV". */
import { laCsvTime } from '../time-format';
import { csvRowMinimal } from './csv';
import { laRow, LA_DATETIME_COLUMNS } from './log-analytics-row';
import { BaseWriter, type WriterOptions } from './record-writer';
import { buildSignIn } from '../build-signin';
import { RESOURCES } from '../data/apps';
import type { GeneratedSignIn } from '../types';

/** A throwaway record used only to learn the column list for an empty export. */
const emptyProbe = (): GeneratedSignIn =>
  buildSignIn({
    category: 'interactiveUser',
    ms: 0,
    sub: 0,
    id: '',
    correlationId: '',
    uniqueTokenIdentifier: '',
    sessionId: '',
    user: null,
    workload: null,
    device: null,
    app: RESOURCES.graph,
    resource: RESOURCES.graph,
    net: { ip: '', asn: 0, city: null },
    clientAppUsed: '',
    userAgent: '',
    authenticationProtocol: 'none',
    incomingTokenType: 'none',
    originalTransferMethod: 'none',
    errorCode: 0,
    steps: [],
    risk: null,
    processingMs: 0,
    ingestDelayMs: 0,
  });

export class LaJsonWriter extends BaseWriter {
  protected emit(record: GeneratedSignIn, index: number): Promise<void> | undefined {
    return this.sink.write((index === 0 ? '[\n' : ',\n') + JSON.stringify(laRow(record)));
  }

  protected override finish(): Promise<void> | undefined {
    return this.sink.write(this.count === 0 ? '[]\n' : '\n]\n');
  }
}

export class LaCsvWriter extends BaseWriter {
  private columns: string[] | null = null;

  constructor(path: string, options: WriterOptions = {}) {
    super(path, options);
  }

  private header(row: Record<string, unknown>): string {
    this.columns = Object.keys(row);
    return csvRowMinimal(this.columns.map((c) => (LA_DATETIME_COLUMNS.has(c) ? `${c} [UTC]` : c)));
  }

  protected emit(record: GeneratedSignIn, index: number): Promise<void> | undefined {
    const row = laRow(record);
    const head = index === 0 ? this.header(row) : '';
    const cells = this.columns!.map((c) => {
      const v = row[c];
      if (LA_DATETIME_COLUMNS.has(c)) return laCsvTime(Date.parse(String(v).slice(0, 23) + 'Z'));
      return v;
    });
    return this.sink.write(head + csvRowMinimal(cells));
  }

  protected override finish(): Promise<void> | undefined {
    // An empty result still gets its header row.
    if (this.count > 0) return undefined;
    return this.sink.write(this.header(laRow(emptyProbe())));
  }
}
