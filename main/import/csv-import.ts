// CSV evidence: the header row decides the flavour (admin center sign-ins, its AuthDetails companion,
// or a Log Analytics export); the first rows decide day-first vs month-first dates.
import { inferDateOrder, type DateOrder } from '../../shared/util/time';
import { chunksOf, screenedOut, skipRecord, writeSignin, type FileImportContext } from './file-context';
import { normalizeLogAnalyticsRow, verdictOfLogAnalyticsRow } from './normalize/log-analytics';
import { HeaderIndex, isPortalAuthDetailsHeader, isPortalSigninHeader, normalizePortalCsvRow, portalAuthDetailsRow, signInTypeOfFileName } from './normalize/portal-csv';
import { CsvRecordSplitter, detectDelimiter, type CsvRecord } from './readers/csv-splitter';

export class UnusableFileError extends Error {}

type Flavour = 'portal-csv' | 'portal-auth-details-csv' | 'portal-other-csv' | 'log-analytics-csv';

const LA_MARKERS = ['TimeGenerated [UTC]', 'CreatedDateTime [UTC]', 'CreatedDateTime', 'TimeGenerated', 'ResultType'];

function flavourOf(h: HeaderIndex): Flavour | undefined {
  if (isPortalAuthDetailsHeader(h)) return 'portal-auth-details-csv';
  // Every admin-center sign-in download has a Request ID; its audit and provisioning downloads do not.
  if (isPortalSigninHeader(h)) return h.has('Request ID') ? 'portal-csv' : 'portal-other-csv';
  if (LA_MARKERS.some((m) => h.has(m)) && ['UserPrincipalName', 'Id', 'AppDisplayName', 'Type', 'Category'].some((c) => h.has(c))) return 'log-analytics-csv';
  return undefined;
}

/** What an admin-center download that is not a sign-in log holds, by its file name (AuditLogs_2025-03-04.csv). */
function otherDownloadKind(fileName: string): string {
  const stem = /^[A-Za-z]{4,40}/.exec(fileName)?.[0];
  return stem ? `an admin-center ${stem} download` : 'an admin-center download without a Request ID column';
}

export async function importCsv(ctx: FileImportContext, headLine: string): Promise<string> {
  let header: HeaderIndex | undefined;
  let flavour: Flavour | undefined;
  let order: DateOrder | undefined;
  const waiting: CsvRecord[] = []; // rows held back until the date order is known
  const filteredOut = new WeakSet<CsvRecord>(); // triage: screened out on arrival, yet still read for the date order
  const fileType = signInTypeOfFileName(ctx.fileName);

  const handle = (rec: CsvRecord): void => {
    if (filteredOut.has(rec)) return;
    const h = header!;
    if (rec.fields.length !== h.headers.length) {
      ctx.out.issue('error', rec.index, rec.offset, `row has ${rec.fields.length} fields, the header has ${h.headers.length} (wrong columns or a truncated row)`);
      return;
    }
    if (flavour === 'portal-other-csv') return skipRecord(ctx, otherDownloadKind(ctx.fileName));
    if (flavour === 'portal-auth-details-csv') {
      const step = portalAuthDetailsRow(h, rec.fields, order ?? 'mdy');
      if (!step) return void ctx.out.issue('error', rec.index, rec.offset, 'row has no Request ID');
      ctx.triage?.keepsUnfiltered();
      const isNew = ctx.out.authStep([step.requestId, rec.index, step.stepAt, step.method, step.detail, step.requirement, step.succeeded, step.result, ctx.sourceId]);
      if (isNew) ctx.counters.imported++;
      else ctx.counters.duplicates++;
      return;
    }
    let signin;
    if (flavour === 'portal-csv') signin = normalizePortalCsvRow(h, rec.fields, fileType, order ?? 'mdy');
    else {
      const row = Object.fromEntries(h.headers.map((name, i) => [name, rec.fields[i] ?? '']));
      const verdict = verdictOfLogAnalyticsRow(row);
      if (!verdict.signIn) return skipRecord(ctx, verdict.category);
      signin = normalizeLogAnalyticsRow(row, 'log-analytics-csv');
    }
    writeSignin(ctx, signin, { sourceId: ctx.sourceId, recordIndex: rec.index, offset: rec.offset, length: rec.length }, () => rec.fields.join('\u0001'));
  };

  const flushWaiting = (): void => {
    order ??= inferDateOrder(waiting.map((r) => header!.get(r.fields, 'Date (UTC)', 'Date') ?? '')) ?? 'mdy';
    for (const rec of waiting.splice(0)) handle(rec);
  };

  const splitter = new CsvRecordSplitter(
    detectDelimiter(headLine),
    (rec) => {
      if (!header) {
        header = new HeaderIndex(rec.fields);
        flavour = flavourOf(header);
        if (!flavour)
          throw new UnusableFileError(`not a sign-in export: the header has none of the known columns (Request ID, Date (UTC), CreatedDateTime...): "${rec.fields.slice(0, 6).join(', ')}"`);
        return;
      }
      ctx.counters.records++;
      // The AuthDetails companion names no user, IP or app: its steps attach to sign-ins by request id.
      if (flavour !== 'portal-auth-details-csv' && screenedOut(ctx, rec.offset, rec.length)) filteredOut.add(rec);
      if (order === undefined && flavour !== 'log-analytics-csv') {
        waiting.push(rec);
        if (waiting.length >= 500) flushWaiting();
      } else handle(rec);
    },
    (index, offset) => {
      ctx.counters.records++;
      ctx.out.issue('error', index, offset, 'row is over the 64 MB limit for one record; skipped');
    },
  );
  for await (const chunk of chunksOf(ctx, 'csv')) {
    splitter.push(chunk);
    await ctx.afterChunk();
  }
  if (splitter.endedInQuotes) ctx.out.issue('error', null, null, 'file ends inside a quoted field (truncated last row)');
  splitter.end();
  if (header) flushWaiting();
  return flavour ?? 'csv';
}
