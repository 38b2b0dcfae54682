// Builds the case report and writes it atomically (temp file + rename) to the chosen path.
import { describePartialImport } from '../../shared/model/import-filter';
import { partialImportOf } from '../import/triage/triage-manifest';
import { statedZone } from '../../shared/model/time-zone';
import path from 'node:path';
import type { ReportReq, ReportSummary } from '../../shared/model/export';
import { IMPORTER_VERSION } from '../../shared/model/import-summary';
import { defaultAuthor } from '../annotations/author';
import type { CaseDb } from '../db/case-db';
import { checkWriteTarget } from '../cases/write-target';
import { AtomicFileWriter } from '../export/atomic-file-writer';
import { reportAnnotations } from './report-annotations';
import { describeFilter, evidenceManifest, findingBlocks, mapPoints, scopeCounts, scopeWhere, timelineSeries } from './report-data';
import { reportPage } from './report-page';
import { mapSvg } from './svg-map';
import { timelineSvg } from './svg-timeline';

const LIST_LIMIT = 500;

export function renderReport(
  caseDb: CaseDb,
  req: Omit<ReportReq, 'path'>,
  opts: { casePath?: string | null; author?: string } = {},
): { html: string; signins: number; findings: number; annotations: number } {
  const filter = req.filter ?? { conditions: [] };
  const where = scopeWhere(caseDb, req.filter);
  const counts = scopeCounts(caseDb, where);
  const timeline = timelineSeries(caseDb, filter);
  const points = mapPoints(caseDb, where);
  const findings = findingBlocks(caseDb, req.topSignins);
  const annotations = reportAnnotations(caseDb, where, LIST_LIMIT);
  const html = reportPage({
    title: req.title ?? caseDb.meta('title') ?? (opts.casePath ? path.basename(opts.casePath) : 'Untitled case'),
    casePath: opts.casePath ?? null,
    generatedAt: new Date().toISOString(),
    author: opts.author ?? defaultAuthor(),
    version: IMPORTER_VERSION,
    scope: describeFilter(req.filter),
    counts,
    timeline: timelineSvg(timeline.series, timeline.bucketMs),
    map: mapSvg(points),
    mapPoints: points.length,
    findings,
    annotations,
    sources: evidenceManifest(caseDb),
    timeZone: statedZone(req.timeZone),
    partialImport: partialImportBanner(caseDb),
  });
  return { html, signins: counts.signins, findings: findings?.length ?? 0, annotations: annotations.notes.length + annotations.annotatedSignins + annotations.targets.length };
}

function partialImportBanner(caseDb: CaseDb): string | null {
  const sources = partialImportOf(caseDb);
  return sources.length ? describePartialImport(sources) : null;
}

export async function writeReport(caseDb: CaseDb, req: ReportReq, opts: { casePath?: string | null; author?: string } = {}): Promise<ReportSummary> {
  const started = Date.now();
  await checkWriteTarget(caseDb, req.path, { kind: 'report', replace: req.overwrite === true });
  const report = renderReport(caseDb, req, opts);
  const writer = await AtomicFileWriter.open(req.path);
  try {
    await writer.write(report.html);
    await writer.commit();
  } catch (e) {
    await writer.abort();
    throw e;
  }
  return { path: req.path, bytes: writer.bytes, ms: Date.now() - started, signins: report.signins, findings: report.findings, annotations: report.annotations };
}
