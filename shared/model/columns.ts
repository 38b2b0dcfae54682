// The one catalogue of normalized sign-in columns. It drives the SQL schema (main/db/schema.ts),
// the query allowlist (main/query/) and the grid's column chooser, so a column is added in one place.

/** How a column is stored in `signin_data`; the `signins` view always shows plain values. */
export type ColumnStorage =
  | 'dict' // repeated text: an integer id into `strings` (most of the bulk of sign-in logs)
  | 'text' // high-cardinality text (GUIDs that rarely repeat)
  | 'int'
  | 'real'
  | 'bool' // 0/1/NULL
  | 'time'; // epoch milliseconds, shown as ISO-8601 UTC text

export type ColumnGroup = 'basic' | 'user' | 'app' | 'network' | 'location' | 'status' | 'auth' | 'risk' | 'device' | 'token' | 'source' | 'marks';

export interface ColumnDef {
  readonly key: string; // snake_case name in the `signins` view
  readonly label: string; // admin-center wording where one exists
  readonly storage: ColumnStorage;
  readonly group: ColumnGroup;
  readonly indexed?: boolean; // has an index on signin_data (fast filter and sort)
  readonly facet?: boolean; // offered as a value list in the filter bar
  readonly width?: number; // default grid width in px
}

const c = <K extends string>(key: K, label: string, storage: ColumnStorage, group: ColumnGroup, extra: Partial<Omit<ColumnDef, 'key'>> = {}): ColumnDef & { readonly key: K } => ({
  key,
  label,
  storage,
  group,
  ...extra,
});

const COLUMN_LIST = [
  c('created_at', 'Date (UTC)', 'time', 'basic', { indexed: true, width: 205 }),
  c('id', 'Request ID', 'text', 'basic', { indexed: true, width: 280 }),
  c('sign_in_type', 'Sign-in type', 'dict', 'basic', { facet: true, width: 140 }),
  c('log_category', 'Log category', 'dict', 'basic', { facet: true, width: 160 }),
  c('user_principal_name', 'Username', 'dict', 'user', { indexed: true, facet: true, width: 230 }),
  c('user_display_name', 'User', 'dict', 'user', { facet: true, width: 160 }),
  c('user_id', 'User ID', 'dict', 'user', { width: 280 }),
  c('user_type', 'User type', 'dict', 'user', { facet: true }),
  c('app_display_name', 'Application', 'dict', 'app', { indexed: true, facet: true, width: 200 }),
  c('app_id', 'Application ID', 'dict', 'app', { width: 280 }),
  c('resource_display_name', 'Resource', 'dict', 'app', { facet: true, width: 200 }),
  c('resource_id', 'Resource ID', 'dict', 'app', { width: 280 }),
  c('service_principal_name', 'Service principal name', 'dict', 'app', { facet: true, width: 200 }),
  c('service_principal_id', 'Service principal ID', 'dict', 'app', { width: 280 }),
  c('ip_address', 'IP address', 'dict', 'network', { indexed: true, facet: true, width: 150 }),
  c('asn', 'Autonomous system number', 'int', 'network', { facet: true, width: 90 }),
  c('city', 'City', 'dict', 'location', { facet: true }),
  c('state', 'State', 'dict', 'location', { facet: true }),
  c('country', 'Country', 'dict', 'location', { indexed: true, facet: true, width: 80 }),
  c('latitude', 'Latitude', 'real', 'location'),
  c('longitude', 'Longitude', 'real', 'location'),
  c('status', 'Status', 'dict', 'status', { indexed: true, facet: true, width: 100 }),
  c('status_code', 'Sign-in error code', 'int', 'status', { indexed: true, facet: true, width: 100 }),
  c('failure_reason', 'Failure reason', 'dict', 'status', { width: 260 }),
  c('additional_details', 'Additional details', 'dict', 'status', { width: 260 }),
  c('client_app_used', 'Client app', 'dict', 'auth', { facet: true, width: 160 }),
  c('correlation_id', 'Correlation ID', 'text', 'basic', { indexed: true, width: 280 }),
  c('session_id', 'Session ID', 'text', 'token', { width: 280 }),
  c('unique_token_identifier', 'Unique token identifier', 'text', 'token', { width: 220 }),
  c('conditional_access_status', 'Conditional Access', 'dict', 'auth', { facet: true, width: 120 }),
  c('authentication_requirement', 'Authentication requirement', 'dict', 'auth', { facet: true, width: 200 }),
  c('authentication_protocol', 'Authentication protocol', 'dict', 'auth', { facet: true }),
  c('cross_tenant_access_type', 'Cross tenant access type', 'dict', 'auth', { facet: true }),
  c('home_tenant_id', 'Home tenant ID', 'dict', 'user', { width: 280 }),
  c('resource_tenant_id', 'Resource tenant ID', 'dict', 'app', { width: 280 }),
  c('risk_level_during_sign_in', 'Risk level (sign-in)', 'dict', 'risk', { facet: true }),
  c('risk_level_aggregated', 'Risk level (aggregated)', 'dict', 'risk', { facet: true }),
  c('risk_state', 'Risk state', 'dict', 'risk', { facet: true }),
  c('risk_detail', 'Risk detail', 'dict', 'risk', { facet: true }),
  c('risk_event_types', 'Risk event types', 'dict', 'risk', { facet: true }),
  c('device_id', 'Device ID', 'dict', 'device', { width: 280 }),
  c('device_name', 'Device', 'dict', 'device', { facet: true }),
  c('operating_system', 'Operating system', 'dict', 'device', { facet: true }),
  c('browser', 'Browser', 'dict', 'device', { facet: true }),
  c('is_compliant', 'Compliant', 'bool', 'device', { facet: true, width: 90 }),
  c('is_managed', 'Managed', 'bool', 'device', { facet: true, width: 90 }),
  c('trust_type', 'Join type', 'dict', 'device', { facet: true }),
  c('user_agent', 'User agent', 'dict', 'device', { width: 300 }),
  c('incoming_token_type', 'Incoming token type', 'dict', 'token', { facet: true }),
  c('mfa_method', 'MFA auth method', 'dict', 'auth', { facet: true }),
  c('mfa_result', 'MFA result', 'dict', 'auth', { facet: true, width: 220 }),
  c('original_request_id', 'Original request ID', 'text', 'basic', { width: 280 }),
  c('source_id', 'Source file', 'int', 'source', { facet: true, width: 80 }),
  c('source_format', 'Source format', 'dict', 'source', { facet: true }),
  // Derived after import: how many versions of this request id the case holds (NULL when one).
  c('versions', 'Versions', 'int', 'source', { width: 80 }),
] as const;

/** The key of every sign-in column, as literal types: a SigninRow (main/import/normalize) is keyed by these. */
export type ColumnKey = (typeof COLUMN_LIST)[number]['key'];

/** A catalogue column: its key is one of ColumnKey (other ColumnDefs, like the grid's marks, are plain strings). */
export type SigninColumnDef = ColumnDef & { readonly key: ColumnKey };

export const COLUMNS: readonly SigninColumnDef[] = COLUMN_LIST;

export const COLUMN_BY_KEY: ReadonlyMap<string, ColumnDef> = new Map(COLUMNS.map((col) => [col.key, col]));

export function isColumnKey(key: string): boolean {
  return COLUMN_BY_KEY.has(key);
}

export const SIGN_IN_TYPES = ['interactiveUser', 'nonInteractiveUser', 'servicePrincipal', 'managedIdentity'] as const;
export type SignInType = (typeof SIGN_IN_TYPES)[number];

export const STATUSES = ['Success', 'Failure', 'Interrupted'] as const;
export type SignInStatus = (typeof STATUSES)[number];

/** Values of `client_app_used` that are legacy authentication (Microsoft's own grouping in the admin center). */
export const LEGACY_CLIENT_APPS = [
  'Exchange ActiveSync',
  'IMAP4',
  'POP3',
  'SMTP',
  'MAPI Over HTTP',
  'Exchange Online PowerShell',
  'Exchange Web Services',
  'Autodiscover',
  'Offline Address Book',
  'Outlook Anywhere (RPC over HTTP)',
  'Other clients',
  'Authenticated SMTP',
  'Reporting Web Services',
  'Universal Outlook',
] as const;

export const DEFAULT_GRID_COLUMNS: readonly string[] = [
  'created_at',
  'user_display_name',
  'user_principal_name',
  'app_display_name',
  'ip_address',
  'country',
  'status',
  'status_code',
  'sign_in_type',
  'client_app_used',
  'conditional_access_status',
  'authentication_requirement',
];
