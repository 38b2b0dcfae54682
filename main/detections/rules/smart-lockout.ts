// Smart Lockout bursts: Entra answering 50053 (account locked) repeatedly for one account.
import type { Finding } from '../../../shared/model/detection';
import { throwIfAborted } from '../case-sql';
import { stringValue, stringValues } from '../../db/string-text';
import { numberSet } from '../../query/sql-list';
import { plural, span } from '../describe';
import { Evidence, extraNum, selectRows } from '../evidence';
import { PASSWORD_FAILURE_CODES } from '../known-values';
import { defineRule, MINUTE_MS } from '../rule';
import { flaggedWindows } from '../windows';

export const smartLockout = defineRule({
  id: 'smart-lockout',
  title: 'Smart Lockout burst',
  severity: 'low',
  description: 'Entra Smart Lockout locked an account (50053) again and again within a short window: someone keeps guessing after the lockout.',
  logic:
    'Error 50053 is counted per account in windows of `windowMinutes`; at least `minLockouts` make a finding. The wrong passwords that led to it (same account and IPs, one window before) are included. Lockouts from at least `distributedIps` IPs (Sentinel: >= 3 locations) raise it to medium.',
  references: [
    'Sigma: Account Lockout (azure_account_lockout.yml, ResultType 50053)',
    'Sentinel: Distributed Password cracking attempts in Microsoft Entra ID (DistribPassCrackAttempt.yaml)',
    'Microsoft-Analyzer-Suite: error 50053 highlight',
  ],
  falsePositives: ["A phone or mail client hammering an old password after a password change (one IP, the user's own network)"],
  params: {
    windowMinutes: { label: 'Window', unit: 'minutes', default: 60, min: 1, max: 1440, integer: true },
    minLockouts: { label: 'Lockouts per account per window', unit: 'lockouts', default: 3, min: 1, max: 100_000, integer: true },
    distributedIps: { label: 'Distinct IPs that make it distributed', unit: 'IPs', default: 3, min: 2, max: 1000, integer: true },
  },
  run(db, p, signal) {
    const windowMs = p.windowMinutes * MINUTE_MS;
    const windows = flaggedWindows(db, { key: 'user_principal_name_k', where: 'status_code = 50053', windowMs, minCount: p.minLockouts });
    const findings: Finding[] = [];
    for (const w of windows) {
      throwIfAborted(signal);
      const lockouts = new Evidence(selectRows(db, 'user_principal_name_k = ? AND created_ms >= ? AND created_ms < ? AND status_code = 50053', [w.key, w.from, w.to], ['country_k']));
      const ips = [...lockouts.distinct((r) => r.ip)];
      const before = selectRows(db, `user_principal_name_k = ? AND created_ms >= ? AND created_ms < ? AND ip_address_k IN ${numberSet(ips)} AND status_code IN ${numberSet(PASSWORD_FAILURE_CODES)}`, [
        w.key,
        lockouts.from - windowMs,
        lockouts.from,
      ]);
      const countries = [
        ...stringValues(
          db,
          lockouts.distinct((r) => extraNum(r, 0)),
        ).values(),
      ].sort();
      const user = stringValue(db, w.key) ?? `#${w.key}`;
      const title = `Smart Lockout burst on ${user}: ${plural(lockouts.size, 'lockout')} (50053) from ${plural(ips.length, 'IP')}${countries.length ? ` in ${countries.join(', ')}` : ''} over ${span(lockouts.to - lockouts.from)}`;
      const severity = ips.length >= p.distributedIps ? 'medium' : 'low';
      const details = { lockouts: lockouts.size, failuresBefore: before.length, countries };
      findings.push(lockouts.add(before).toFinding(db, { ruleId: 'smart-lockout', severity, title, details }));
    }
    return findings;
  },
});
