// "Partial import: filter …": a case imported through a triage filter says so wherever it is shown.
import { describePartialImport } from '../../../shared/model/import-filter';
import { useStore } from '../../store/store';

export function PartialImportBanner({ compact = false }: { compact?: boolean }) {
  const sources = useStore((s) => s.caseInfo?.partialImport);
  if (!sources?.length) return null;
  const text = describePartialImport(sources);
  return (
    <div className={`partial-import${compact ? ' compact' : ''}`} role="note" data-testid="partial-import-banner" title={text}>
      <strong>⚠</strong> {text}.{!compact && <span className="muted"> Sign-ins outside the filter were never imported: counts, sessions, findings and the map leave them out.</span>}
    </div>
  );
}
