// The evidence manifest: per-file import results (format, records, duplicates, errors, hash,
// integrity check) and the import errors list.
import { useState } from 'react';
import { useApi } from '../../actions/use-api';
import { formatBytes, formatCount } from '../../format/numbers';
import { useStore } from '../../store/store';
import { PartialImportBanner } from '../case/partial-import-banner';

export function EvidenceView() {
  const info = useStore((s) => s.caseInfo);
  const [sourceId, setSourceId] = useState<number | undefined>(undefined);
  const errors = useApi('import.errors', { limit: 500, ...(sourceId !== undefined ? { sourceId } : {}) }, ['signins']);
  const sources = info?.sources ?? [];
  return (
    <div className="evidence" data-testid="evidence">
      <div className="section-head">
        <h3>Evidence files</h3>
        <span className="muted small">
          {sources.length} file(s) · {formatCount(info?.signins ?? 0)} sign-ins in the case
        </span>
        <span className="grow" />
        <button className="btn" onClick={() => useStore.getState().setOpenDialog(true)}>
          Add evidence…
        </button>
      </div>
      <PartialImportBanner compact />
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Evidence files">
        <table className="table" data-testid="sources-table">
          <thead>
            <tr>
              <th>File</th>
              <th>Format</th>
              <th className="num">Size</th>
              <th className="num">Records</th>
              <th className="num">Imported</th>
              <th className="num">Duplicates</th>
              <th className="num">Errors</th>
              <th className="num">Warnings</th>
              <th>Status</th>
              <th>SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((s) => (
              <tr key={s.id} className={sourceId === s.id ? 'selected' : undefined} onClick={() => setSourceId(sourceId === s.id ? undefined : s.id)} title={s.path}>
                <td>{s.fileName}</td>
                <td>{s.format ?? <span className="muted">unknown</span>}</td>
                <td className="num">{s.size === null ? '—' : formatBytes(s.size)}</td>
                <td className="num">{formatCount(s.records)}</td>
                <td className="num">{formatCount(s.imported)}</td>
                <td className="num">{formatCount(s.duplicates)}</td>
                <td className={`num${s.errors ? ' error' : ''}`}>{formatCount(s.errors)}</td>
                <td className={`num${s.warnings ? ' warn' : ''}`}>{formatCount(s.warnings)}</td>
                <td>
                  <span className={`badge ${s.status === 'ok' ? 'ok' : s.status === 'unusable' ? 'bad' : 'muted'}`}>{s.status ?? '—'}</span>
                  {s.evidenceCheck && s.evidenceCheck !== 'ok' && <span className="badge bad">{s.evidenceCheck}</span>}
                </td>
                <td className="mono small muted" title={s.sha256 ?? ''}>
                  {s.sha256 ? `${s.sha256.slice(0, 16)}…` : '—'}
                </td>
              </tr>
            ))}
            {sources.length === 0 && (
              <tr>
                <td colSpan={10} className="muted">
                  No evidence imported yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <div className="section-head">
        <h3>Import errors and warnings</h3>
        <span className="muted small">{sourceId !== undefined ? 'for the selected file · click it again to show all' : 'all files · click a file to narrow'}</span>
      </div>
      <div className="table-wrap grow-table" tabIndex={0} role="region" aria-label="Import errors and warnings">
        <table className="table" data-testid="errors-table">
          <thead>
            <tr>
              <th>Severity</th>
              <th>File</th>
              <th className="num">Record</th>
              <th className="num">Byte offset</th>
              <th>Message</th>
            </tr>
          </thead>
          <tbody>
            {errors.data?.map((e, i) => (
              <tr key={i}>
                <td>
                  <span className={`badge ${e.severity === 'error' ? 'bad' : 'warn'}`}>{e.severity}</span>
                </td>
                <td>{e.file ?? ''}</td>
                <td className="num mono">{e.recordIndex ?? ''}</td>
                <td className="num mono">{e.byteOffset ?? ''}</td>
                <td>{e.message}</td>
              </tr>
            ))}
            {errors.data?.length === 0 && (
              <tr>
                <td colSpan={5} className="muted">
                  No import issues.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
