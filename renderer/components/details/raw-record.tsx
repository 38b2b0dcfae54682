// The record exactly as it was read from the evidence file (verbatim by default; JSON can be
// indented for reading), with the file and position it came from.
import { useState } from 'react';
import type { Res } from '../../../shared/api/contract';
import { LocateEvidence } from './locate-evidence';

type Source = Res<'record.get'>['source'];

export function RawRecord({ raw, note, source, locate }: { raw: string | null; note: string | null; source: Source; locate?: number | null | undefined }) {
  const [indent, setIndent] = useState(false);
  const json = raw !== null && raw.trim().startsWith('{');
  return (
    <div className="raw">
      <div className="raw-bar">
        <span className="muted small grow">
          {source ? `${source.fileName}${source.format ? ` · ${source.format}` : ''}${source.recordIndex !== null ? ` · record #${source.recordIndex}` : ''}` : 'Source unknown'}
        </span>
        {json && (
          <label className="check-row small">
            <input type="checkbox" checked={indent} onChange={(e) => setIndent(e.target.checked)} />
            <span>Indent JSON</span>
          </label>
        )}
        {raw !== null && (
          <button className="btn small" onClick={() => void navigator.clipboard?.writeText(raw)}>
            Copy verbatim
          </button>
        )}
      </div>
      {locate != null ? <LocateEvidence sourceId={locate} note={note} /> : note && <div className="callout small">{note}</div>}
      {raw === null ? (
        <p className="muted pad">The verbatim record is not available.</p>
      ) : (
        <pre className="raw-text" data-testid="raw-text">
          {indent ? indented(raw) : raw}
        </pre>
      )}
    </div>
  );
}

function indented(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}
