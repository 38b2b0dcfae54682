// Status as the admin center shows it. Exports with a Status column (portal CSV) are taken as they
// are; otherwise it is derived from the error code: 0 = Success, an interrupt code = Interrupted
// (the user was asked for something: MFA, KMSI, device auth), any other code = Failure.
import { STATUSES, type SignInStatus } from '../../../shared/model/columns';
import { canonicalValue } from '../../../shared/model/vocabulary';

export const INTERRUPT_CODES: ReadonlySet<number> = new Set([
  16000, 16001, 16003, 50055, 50058, 50072, 50074, 50076, 50079, 50097, 50125, 50129, 50140, 50143, 50158, 50199, 81010, 81012, 81014, 530032,
]);

export function deriveStatus(code: number | null): SignInStatus | null {
  if (code === null) return null;
  if (code === 0) return 'Success';
  return INTERRUPT_CODES.has(code) ? 'Interrupted' : 'Failure';
}

export function normalizeStatusText(text: string | null, code: number | null): SignInStatus | null {
  const canonical = canonicalValue('status', text);
  return canonical !== null && isStatus(canonical) ? canonical : deriveStatus(code);
}

const isStatus = (v: string): v is SignInStatus => (STATUSES as readonly string[]).includes(v);
