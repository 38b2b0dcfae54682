// First-seen country per account: successful sign-ins from a country the account did not use during
// its baseline (its first days in the case).
import { NUM, NUM_NULL } from '../../db/row-spec';
import type { Finding } from '../../../shared/model/detection';
import { SUCCEEDED, throwIfAborted } from '../case-sql';
import { stringValues } from '../../db/string-text';
import { groupBy } from '../collections';
import { isoMinute, listSome, plural } from '../describe';
import { Evidence, selectRows } from '../evidence';
import { DAY_MS, defineRule } from '../rule';

export const newCountry = defineRule({
  id: 'new-country',
  title: 'Sign-in from a new country for the account',
  severity: 'low',
  description: 'An account signs in successfully from a country it did not use during its baseline period.',
  logic:
    'Per account, the baseline is its first `baselineDays` of successful sign-ins in the case, or the first half of its activity when the case is shorter than twice that; accounts active for less than `minHistoryDays` are skipped. Countries whose first successful sign-in comes after the baseline are new: one finding per account and country with every successful sign-in from it.',
  references: [
    'Sentinel hunting: Azure Active Directory signins from new locations (new_locations_azuread_signin.yaml): seen in the last day, not in the prior 14 days',
    'Sentinel: Anomalous sign-in location by user account and authenticating application',
  ],
  falsePositives: ['Business travel and holidays', 'VPN egress in another country'],
  params: {
    baselineDays: { label: 'Baseline length', unit: 'days', default: 7, min: 1, max: 365 },
    minHistoryDays: { label: 'Skip accounts active for less than', unit: 'days', default: 1, min: 0, max: 365 },
  },
  run(db, p, signal) {
    // One pass: first and last success per (account, country); an account's span is derived from them.
    const rows = db
      .tuples(
        `SELECT user_principal_name_k, country_k, min(created_ms), max(created_ms) FROM signin_data NOT INDEXED
         WHERE status_code = 0 AND user_principal_name_k IS NOT NULL AND country_k IS NOT NULL GROUP BY 1, 2`,
        [],
        [NUM, NUM, NUM_NULL, NUM_NULL],
      )
      .map(([user, country, first, last]) => ({ user, country, first: first ?? 0, last: last ?? 0 })); // 0: no time
    throwIfAborted(signal);
    const findings: Finding[] = [];
    for (const [user, countries] of groupBy(rows, (r) => r.user)) {
      const first = Math.min(...countries.map((r) => r.first));
      const last = Math.max(...countries.map((r) => r.last));
      if (last - first < p.minHistoryDays * DAY_MS) continue;
      const baselineEnd = first + Math.min(p.baselineDays * DAY_MS, (last - first) / 2);
      const known = countries.filter((r) => r.first <= baselineEnd).map((r) => r.country);
      const fresh = countries.filter((r) => r.first > baselineEnd);
      if (!fresh.length) continue;
      const names = stringValues(db, [user, ...countries.map((r) => r.country)]);
      for (const { country, first: since } of fresh) {
        throwIfAborted(signal);
        const evidence = new Evidence(selectRows(db, `user_principal_name_k = ? AND ${SUCCEEDED} AND country_k = ?`, [user, country]));
        const baseline = known.map((c) => names.get(c) ?? `#${c}`).sort();
        const title = `First sign-in from ${names.get(country)} for ${names.get(user)}: ${plural(evidence.size, 'successful sign-in')} from ${plural(evidence.distinct((x) => x.ip).size, 'IP')} since ${isoMinute(since)} (baseline: ${listSome(baseline, 5)})`;
        findings.push(evidence.toFinding(db, { ruleId: 'new-country', severity: 'low', title, details: { country: names.get(country) ?? null, baselineCountries: baseline, baselineEnd } }));
      }
    }
    return findings;
  },
});
