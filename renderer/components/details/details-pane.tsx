// Details of the selected sign-in (record.get), in the admin center's tabs.
import { useApi } from '../../actions/use-api';
import { formatStamp, toMs } from '../../format/time';
import { statusClass } from '../../format/cells';
import { useStore } from '../../store/store';
import { DetailsAnnotations } from '../annotations/details-annotations';
import type { DetailsTab } from '../../store/ui-slice';
import { VersionsNote } from './versions';
import { AuthTab, BasicTab, CaTab, DeviceTab, LocationTab, RawTab, ReportOnlyTab } from './details-tabs';

// Short labels keep the seven tabs on one line; the admin center's full names are the tooltips.
const TABS: Array<[DetailsTab, string, typeof BasicTab, string?]> = [
  ['basic', 'Basic info', BasicTab],
  ['location', 'Location', LocationTab],
  ['device', 'Device', DeviceTab, 'Device info'],
  ['auth', 'Authentication', AuthTab, 'Authentication details'],
  ['ca', 'Conditional Access', CaTab],
  ['reportOnly', 'Report-only', ReportOnlyTab],
  ['raw', 'Raw', RawTab],
];

export function DetailsPane() {
  const rid = useStore((s) => s.selected?.rid ?? null);
  const tab = useStore((s) => s.detailsTab);
  const mode = useStore((s) => s.timeMode);
  // An evidence file verified or located again: the Raw view reads it back.
  const evidence = useStore((s) => s.caseInfo?.sources.map((x) => `${x.path}:${x.evidenceCheck ?? ''}`).join('|') ?? '');
  const { data, error, loading } = useApi('record.get', rid === null ? null : { rid }, [], evidence);
  if (rid === null) {
    return (
      <aside className="details empty" aria-label="Sign-in details">
        <p className="muted">Select a sign-in to see its details.</p>
        <p className="muted small">
          ↑ ↓ move · Shift+↑ ↓ or Shift/Ctrl-click select rows · Enter opens the details · Esc clears · Ctrl+C copies · Ctrl+F finds · S sorts by the focused column · right-click a cell (or Shift+F10)
          to filter on its value
        </p>
      </aside>
    );
  }
  const v = data?.values;
  const at = toMs(v?.created_at);
  const Body = (TABS.find((t) => t[0] === tab) ?? TABS[0]!)[2];
  return (
    <aside className="details" aria-label="Sign-in details" data-testid="details">
      <header className="details-head">
        {v ? (
          <>
            <div className="dh-title">
              <span className={`status-pill ${statusClass(v.status)}`}>{String(v.status ?? 'Unknown')}</span>
              <span className="dh-user">{firstText(v.user_display_name, v.user_principal_name, v.service_principal_name) ?? '(no user)'}</span>
            </div>
            <div className="dh-sub muted">{[at !== null ? formatStamp(at, mode, true) : null, firstText(v.app_display_name), firstText(v.ip_address)].filter((x) => x !== null).join(' · ')}</div>
            <VersionsNote rid={rid} versions={data?.versions ?? []} />
          </>
        ) : (
          <div className="muted">{loading ? 'Loading…' : error}</div>
        )}
      </header>
      {v && <DetailsAnnotations rid={rid} values={v} />}
      <nav className="tabs small-tabs" role="tablist">
        {TABS.map(([id, label, , full]) => (
          <button key={id} role="tab" title={full} aria-selected={tab === id} className={tab === id ? 'on' : ''} onClick={() => useStore.getState().setDetailsTab(id)}>
            {label}
            {id === 'ca' && data ? <span className="tab-count">{data.caPolicies.filter((p) => !String(p.result ?? '').startsWith('reportOnly')).length}</span> : null}
          </button>
        ))}
      </nav>
      <div className="details-body" tabIndex={0} role="region" aria-label="Sign-in details">
        {data ? <Body d={data} /> : error ? <p className="error pad">{error}</p> : null}
      </div>
    </aside>
  );
}

/** The first non-empty value, as text. */
function firstText(...values: Array<string | number | null | undefined>): string | null {
  for (const v of values) if (v !== null && v !== undefined && v !== '') return String(v);
  return null;
}
