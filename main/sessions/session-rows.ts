// `sessions` table rows → the API's SessionSummary.
import type { SessionSummary } from '../../shared/model/session';
import { flagsOfBits } from './build-sessions';

/** The columns `toSummary` reads, in order (over `sessions s`). */
export const SUMMARY_SELECT = `s.session_no, s.correlation_id, s.first_ms, s.last_ms, s.duration_ms, s.user, s.users, s.apps, s.resources,
  s.ips, s.countries, s.devices, s.rows, s.auth_steps, s.final_status, s.final_code, s.linked_group, s.linked_sessions, s.flag_bits`;

export function toSummary(row: unknown[]): SessionSummary {
  const [no, corr, first, last, duration, user, users, apps, resources, ips, countries, devices, rows, steps, status, code, group, linked, bits] = row;
  const list = (v: unknown) => JSON.parse(String(v)) as string[];
  return {
    sessionNo: Number(no),
    correlationId: String(corr),
    firstMs: Number(first),
    lastMs: Number(last),
    durationMs: Number(duration),
    user: String(user),
    users: Number(users),
    apps: list(apps),
    resources: list(resources),
    ips: list(ips),
    countries: list(countries),
    devices: list(devices),
    rows: Number(rows),
    authSteps: JSON.parse(String(steps)) as SessionSummary['authSteps'],
    finalStatus: String(status),
    finalCode: code === null ? null : Number(code),
    linkedGroup: Number(group),
    linkedSessions: Number(linked),
    flags: flagsOfBits(Number(bits)),
  };
}
