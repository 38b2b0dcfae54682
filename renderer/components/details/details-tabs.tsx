// The admin center's detail tabs for one sign-in, plus the verbatim source record.
import type { Res } from '../../../shared/api/contract';
import { AuthSteps } from './auth-steps';
import { FieldList, type Values } from './field-list';
import { isReportOnly, PolicyTable } from './policy-table';
import { RawRecord } from './raw-record';
import { formatDateTime, toMs, zoneLabel } from '../../format/time';
import { useStore } from '../../store/store';
import { attempt } from '../../actions/attempt';
import { showSameCorrelation } from './same-correlation';

type Detail = Res<'record.get'>;

export function BasicTab({ d }: { d: Detail }) {
  const v = d.values;
  return (
    <>
      <FieldList
        values={v}
        fields={[
          { column: 'created_at', label: 'Date', extra: <DateBothZones value={v.created_at} /> },
          { column: 'id', label: 'Request ID', pivot: true },
          { column: 'correlation_id', label: 'Correlation ID', extra: <CorrelationLink values={v} /> },
          { column: 'sign_in_type', label: 'Sign-in type', pivot: true },
          { column: 'log_category', label: 'Log category' },
          { column: 'status', label: 'Status', pivot: true },
          { column: 'status_code', label: 'Sign-in error code', pivot: true },
          { column: 'failure_reason', label: 'Failure reason' },
        ]}
      />
      {d.errorMeaning && v.status_code !== 0 && v.status_code !== null && (
        <div className="callout">
          <div className="callout-title">What error {String(v.status_code ?? '')} means</div>
          <div>{d.errorMeaning}</div>
        </div>
      )}
      <FieldList
        values={v}
        fields={[
          { column: 'user_display_name', label: 'User', pivot: true },
          { column: 'user_principal_name', label: 'Username', pivot: true },
          { column: 'user_id', label: 'User ID' },
          { column: 'user_type', label: 'User type' },
          { column: 'app_display_name', label: 'Application', pivot: true },
          { column: 'app_id', label: 'Application ID', pivot: true },
          { column: 'resource_display_name', label: 'Resource', pivot: true },
          { column: 'resource_id', label: 'Resource ID' },
          { column: 'service_principal_name', label: 'Service principal name' },
          { column: 'client_app_used', label: 'Client app', pivot: true },
          { column: 'ip_address', label: 'IP address', pivot: true },
          { column: 'cross_tenant_access_type', label: 'Cross tenant access type' },
          { column: 'home_tenant_id', label: 'Home tenant ID' },
          { column: 'resource_tenant_id', label: 'Resource tenant ID' },
          { column: 'session_id', label: 'Session ID', pivot: true },
          { column: 'unique_token_identifier', label: 'Unique token identifier' },
          { column: 'original_request_id', label: 'Original request ID' },
          { column: 'risk_level_during_sign_in', label: 'Risk level (sign-in)' },
          { column: 'risk_level_aggregated', label: 'Risk level (aggregated)' },
          { column: 'risk_state', label: 'Risk state' },
          { column: 'risk_detail', label: 'Risk detail' },
          { column: 'risk_event_types', label: 'Risk event types' },
        ]}
      />
    </>
  );
}

function CorrelationLink({ values }: { values: Values }) {
  const id = values.correlation_id;
  const rid = useStore((s) => s.selected?.rid ?? null);
  if (id === null || id === undefined || id === '' || rid === null) return null;
  return <CorrelationButton id={String(id)} rid={rid} />;
}

function CorrelationButton({ id, rid }: { id: string; rid: number }) {
  return (
    <button className="btn link small" data-testid="same-correlation" title="Only this sign-in's session, the timeline zoomed to it" onClick={() => void attempt(() => showSameCorrelation(id, rid))}>
      Same correlation ID
    </button>
  );
}

/** The exact instant with milliseconds in the chosen zone, and in UTC too when showing local time. */
function DateBothZones({ value }: { value: string | number | null | undefined }) {
  const mode = useStore((s) => s.timeMode);
  const ms = toMs(value);
  if (ms === null) return null;
  return (
    <span className="muted small">
      {zoneLabel(ms, mode)}
      {mode !== 'utc' && <span className="mono"> · {formatDateTime(ms, 'utc', true)} UTC</span>}
    </span>
  );
}

export function LocationTab({ d }: { d: Detail }) {
  return (
    <FieldList
      values={d.values}
      fields={[
        { column: 'ip_address', label: 'IP address', pivot: true },
        { column: 'asn', label: 'Autonomous system number', pivot: true },
        { column: 'city', label: 'City', pivot: true },
        { column: 'state', label: 'State', pivot: true },
        { column: 'country', label: 'Country / region', pivot: true },
        { column: 'latitude', label: 'Latitude' },
        { column: 'longitude', label: 'Longitude' },
      ]}
    />
  );
}

export function DeviceTab({ d }: { d: Detail }) {
  return (
    <FieldList
      values={d.values}
      fields={[
        { column: 'device_id', label: 'Device ID', pivot: true },
        { column: 'device_name', label: 'Device', pivot: true },
        { column: 'operating_system', label: 'Operating system', pivot: true },
        { column: 'browser', label: 'Browser', pivot: true },
        { column: 'is_compliant', label: 'Compliant' },
        { column: 'is_managed', label: 'Managed' },
        { column: 'trust_type', label: 'Join type' },
        { column: 'user_agent', label: 'User agent', pivot: true },
      ]}
    />
  );
}

export function AuthTab({ d }: { d: Detail }) {
  return <AuthSteps values={d.values} steps={d.authSteps} />;
}

export function CaTab({ d }: { d: Detail }) {
  return (
    <>
      <FieldList values={d.values} fields={[{ column: 'conditional_access_status', label: 'Conditional Access', pivot: true }]} />
      <PolicyTable policies={d.caPolicies.filter((p) => !isReportOnly(p))} empty="No enforced Conditional Access policy in this record." />
    </>
  );
}

export function ReportOnlyTab({ d }: { d: Detail }) {
  return <PolicyTable policies={d.caPolicies.filter(isReportOnly)} empty="No report-only policy in this record." />;
}

export function RawTab({ d }: { d: Detail }) {
  return <RawRecord raw={d.raw} note={d.rawNote} source={d.source} locate={d.rawLocate} />;
}
