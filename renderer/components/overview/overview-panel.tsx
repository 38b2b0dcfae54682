// At a glance, for the current filter: volumes, who signed in, outcome, MFA, and what was used.
import type { Res } from '../../../shared/api/contract';
import { useApi } from '../../actions/use-api';
import { formatCount, formatPercent } from '../../format/numbers';
import { formatDateTime } from '../../format/time';
import { useStore } from '../../store/store';
import { FacetCard } from './bar-list';

type Overview = Res<'stats.overview'>;

export function OverviewPanel() {
  const filter = useStore((s) => s.filter);
  const info = useStore((s) => s.caseInfo);
  const mode = useStore((s) => s.timeMode);
  const { data, error } = useApi('stats.overview', { filter }, ['signins']);
  const from = filter.timeFrom ?? info?.timeMin;
  const to = filter.timeTo ?? info?.timeMax;
  const total = data?.signins;
  return (
    <div className="overview" data-testid="overview">
      {error && <div className="error pad">{error}</div>}
      <div className="kpis">
        <Kpi label="Sign-ins" value={data?.signins} />
        <Kpi label="Users" value={data?.users} />
        <Kpi label="Applications" value={data?.apps} />
        <Kpi label="IP addresses" value={data?.ips} />
        <div className="kpi period">
          <div className="kpi-label">Period</div>
          <div className="kpi-text mono">{from != null ? formatDateTime(from, mode) : '—'}</div>
          <div className="kpi-text mono">{to != null ? formatDateTime(to, mode) : '—'}</div>
        </div>
      </div>
      <div className="cards">
        <StatusCard data={data} />
        <MfaCard data={data} />
        <FacetCard title="Applications" column="app_display_name" total={total} />
        <FacetCard title="Users" column="user_principal_name" total={total} />
        <FacetCard title="IP addresses" column="ip_address" total={total} />
        <FacetCard title="Autonomous systems" column="asn" total={total} format={(v) => `AS${v}`} />
        <FacetCard title="Countries" column="country" total={total} />
        <FacetCard title="Client apps" column="client_app_used" total={total} />
        <FacetCard title="Sign-in error codes" column="status_code" total={total} />
        <FacetCard title="Sign-in types" column="sign_in_type" limit={4} total={total} />
        <FacetCard title="Operating systems" column="operating_system" total={total} />
      </div>
    </div>
  );
}

function Kpi({ label, value }: { label: string; value: number | undefined }) {
  return (
    <div className="kpi">
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{value === undefined ? '…' : formatCount(value)}</div>
    </div>
  );
}

function StatusCard({ data }: { data: Overview | null }) {
  const total = data?.signins ?? 0;
  const rows = data?.byStatus ?? [];
  return (
    <div className="card">
      <div className="card-title">Outcome</div>
      <div className="stack-bar">
        {rows.map((r) => (
          <span
            key={String(r.value)}
            className={`stack-seg st-${String(r.value).toLowerCase()}`}
            style={{ width: `${(r.count / Math.max(1, total)) * 100}%` }}
            title={`${String(r.value)}: ${formatCount(r.count)}`}
          />
        ))}
      </div>
      <table className="table compact">
        <tbody>
          {rows.map((r) => (
            <tr key={String(r.value)}>
              <td>
                <span className={`dot st-${String(r.value).toLowerCase()}`} /> {r.value === null ? '(none)' : String(r.value)}
              </td>
              <td className="num">{formatCount(r.count)}</td>
              <td className="num muted">{formatPercent(r.count, total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MfaCard({ data }: { data: Overview | null }) {
  const rows = data?.mfa ?? [];
  const total = rows.reduce((a, r) => a + r.total, 0);
  return (
    <div className="card">
      <div className="card-title">
        MFA <span className="muted small">· {formatCount(total)} challenges</span>
      </div>
      {rows.length === 0 ? (
        <p className="muted small">No MFA in the selected sign-ins.</p>
      ) : (
        <table className="table compact">
          <thead>
            <tr>
              <th>Method</th>
              <th className="num">Total</th>
              <th className="num">Succeeded</th>
              <th>Success rate</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.method}>
                <td>{r.method}</td>
                <td className="num">{formatCount(r.total)}</td>
                <td className="num">{formatCount(r.succeeded)}</td>
                <td className="rate-cell">
                  <span className="rate">
                    <span className="rate-fill" style={{ width: `${(r.succeeded / Math.max(1, r.total)) * 100}%` }} />
                  </span>
                  <span className="muted small"> {formatPercent(r.succeeded, r.total)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
