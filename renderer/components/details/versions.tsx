// A request id that Azure Monitor re-published (updated risk state, risk events, steps...) is kept
// once per version: the details header says how many there are and what each one changed.
import type { Res } from '../../../shared/api/contract';
import { COLUMN_BY_KEY } from '../../../shared/model/columns';

type Version = Res<'record.get'>['versions'][number];

export function VersionsNote({ rid, versions }: { rid: number; versions: Version[] }) {
  if (versions.length < 2) return null;
  const at = versions.findIndex((v) => v.rid === rid);
  return (
    <details className="versions" data-testid="versions">
      <summary>
        <span className="badge warn">{versions.length} versions</span>{' '}
        <span className="muted small">
          this request id was published {versions.length} times{at >= 0 ? `; this is version ${at + 1}` : ''}
        </span>
      </summary>
      <ol className="small">
        {versions.map((v, i) => (
          <li key={v.rid} className={v.rid === rid ? 'this' : undefined}>
            <span className="mono muted">
              {v.fileName ?? '?'}
              {v.recordIndex !== null ? ` #${v.recordIndex}` : ''}
            </span>{' '}
            {i === 0 ? 'first seen' : v.changed.length ? `changed: ${v.changed.map(labelOf).join(', ')}` : 'same content'}
          </li>
        ))}
      </ol>
    </details>
  );
}

const EXTRA_LABELS: Record<string, string> = { authentication_details_json: 'Authentication details', conditional_access_policies_json: 'Conditional Access' };

function labelOf(key: string): string {
  return COLUMN_BY_KEY.get(key)?.label ?? EXTRA_LABELS[key] ?? key;
}
