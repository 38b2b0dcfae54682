// One finding: what happened (title, time range, users, IPs, rule-specific figures), a way to see its
// sign-ins in the grid, the analyst's marks, and the rule behind it.
import { useState } from 'react';
import type { Finding, RuleInfo } from '../../../shared/model/detection';
import { attempt } from '../../actions/attempt';
import { formatCount } from '../../format/numbers';
import { formatDateTime, formatDuration } from '../../format/time';
import { useStore } from '../../store/store';
import type { TimeMode } from '../../store/ui-slice';
import { TargetAnnotator } from '../annotations/target-annotator';
import { RuleDetails } from './rule-info';
import { SeverityBadge } from './severity';
import { showFindingSignins } from './show-finding-signins';
import { runDetections } from './run-detections';
import { pivotTo } from '../filters/pivot';

const LIST_SHOWN = 8;
const WORDS: Record<string, string> = { asn: 'ASN', asns: 'ASNs', ip: 'IP', ips: 'IPs', kmh: 'km/h', mfa: 'MFA', ua: 'user agent' };

export function FindingDetail({ finding, rule, stale }: { finding: Finding | null; rule: RuleInfo | undefined; stale: boolean }) {
  const mode = useStore((s) => s.timeMode);
  if (!finding) {
    return (
      <aside className="details empty" aria-label="Finding details">
        <p className="muted">Select a finding to see what it is made of.</p>
        <p className="muted small">↑ ↓ move the selection · "Show sign-ins" opens its rows in the grid</p>
      </aside>
    );
  }
  const target = { type: 'finding' as const, key: String(finding.id) };
  return (
    <aside className="details finding-detail" aria-label="Finding details" data-testid="finding-detail">
      <header className="details-head">
        <div className="dh-title">
          <SeverityBadge severity={finding.severity} />
          <span className="muted small">{rule?.title ?? finding.ruleId}</span>
          <span className="grow" />
          <span className="muted small mono">#{finding.id}</span>
        </div>
        <div className="fd-title">{finding.title}</div>
        <div className="dh-sub muted mono">
          {formatDateTime(finding.timeFrom, mode)} → {formatDateTime(finding.timeTo, mode)} · {finding.timeTo > finding.timeFrom ? formatDuration(finding.timeTo - finding.timeFrom) : 'single instant'}
        </div>
        {stale && (
          <div className="det-stale small" data-testid="finding-stale-note">
            Stale: computed before sign-ins were added or removed.{' '}
            <button className="btn link small" onClick={() => void attempt(runDetections)}>
              Run detections again
            </button>
          </div>
        )}
        <div className="sd-actions">
          <button
            className="btn primary small"
            onClick={() => void attempt(() => showFindingSignins(finding))}
            data-testid="show-signins"
            title="Filter the grid to exactly this finding's sign-ins and open the Sign-ins tab"
          >
            Show {formatCount(finding.signinCount)} sign-in{finding.signinCount === 1 ? '' : 's'}
          </button>
          <button
            className="btn small"
            onClick={() => pivotTo(finding, `finding #${finding.id}`)}
            data-testid="finding-pivot"
            title="Every sign-in of this finding's users or IP addresses from its first sign-in onwards"
          >
            Pivot: its users &amp; IPs from {formatDateTime(finding.timeFrom, mode)}
          </button>
        </div>
      </header>
      <div className="details-body" tabIndex={0} role="region" aria-label="Finding details">
        <section className="details-annot flat">
          <div className="da-head">
            <span className="da-label">Annotate</span>
          </div>
          <TargetAnnotator key={target.key} target={target} testId="finding-annotator" />
        </section>
        <dl className="fields">
          <Field label="Sign-ins">{formatCount(finding.signinCount)}</Field>
          <Field label={`Users (${formatCount(Number(finding.details.userCount ?? finding.users.length))})`}>
            <ValueList values={finding.users} />
          </Field>
          <Field label={`IP addresses (${formatCount(Number(finding.details.ipCount ?? finding.ips.length))})`}>
            <ValueList values={finding.ips} mono />
          </Field>
          {Object.entries(finding.details)
            .filter(([k]) => k !== 'userCount' && k !== 'ipCount')
            .map(([k, v]) => (
              <Field key={k} label={humanize(k)}>
                {detailText(k, v, mode)}
              </Field>
            ))}
        </dl>
        {rule && (
          <>
            <h3 className="section-title">The rule</h3>
            <RuleDetails rule={rule} />
          </>
        )}
      </div>
    </aside>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="field">
      <dt>{label}</dt>
      <dd>
        <span className="field-value">{children}</span>
      </dd>
    </div>
  );
}

function ValueList({ values, mono }: { values: readonly string[]; mono?: boolean }) {
  const [all, setAll] = useState(false);
  if (values.length === 0) return <span className="muted">—</span>;
  const shown = all ? values : values.slice(0, LIST_SHOWN);
  return (
    <span className={`value-list${mono ? ' mono' : ''}`}>
      {shown.map((v) => (
        <span key={v} className="value-item">
          {v}
        </span>
      ))}
      {values.length > shown.length && (
        <button className="btn link small" onClick={() => setAll(true)}>
          +{formatCount(values.length - shown.length)} more
        </button>
      )}
    </span>
  );
}

/** `servedUsersAround` → "Served users around". */
function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .split(' ')
    .map((w) => WORDS[w] ?? w)
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A rule-specific figure as text: instants as dates, identifiers (ASNs, codes) without grouping. */
function detailText(key: string, value: Finding['details'][string], mode: TimeMode): string {
  if (value === null) return '—';
  if (Array.isArray(value)) return value.length ? value.map(String).join(', ') : '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value !== 'number') return value;
  if (/(Ms|At|Start|End|Time)$/.test(key) && value > 1e11 && value < 1e14) return formatDateTime(value, mode);
  if (/asn|code|port|tenant/i.test(key)) return String(value);
  return Number.isInteger(value) ? formatCount(value) : String(Math.round(value * 100) / 100);
}
