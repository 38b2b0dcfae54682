// First-seen country per account: successful sign-ins from a country the account did not use during
// its baseline (its first days in the case).
import type { Finding } from '../../../shared/model/detection';
import { decode, throwIfAborted } from '../case-sql';
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
  references: ['Sentinel hunting: Azure Active Directory signins from new locations (new_locations_azuread_signin.yaml): seen in the last day, not in the prior 14 days', 'Sentinel: Anomalous sign-in location by user account and authenticating application'],
  falsePositives: ['Business travel and holidays', 'VPN egress in another country'],
  params: {
    baselineDays: { label: 'Baseline length', unit: 'days', default: 7, min: 1, max: 365 },
    minHistoryDays: { label: 'Skip accounts active for less than', unit: 'days', default: 1, min: 0, max: 365 },
  },
  run(db, p, signal) {
    const rows = db.all(
      `WITH per AS (
         SELECT user_principal_name_k AS u, country_k AS c, min(created_ms) AS first_ms
         FROM signin_data WHERE status_code = 0 AND user_principal_name_k IS NOT NULL AND country_k IS NOT NULL
         GROUP BY u, c),
       span AS (SELECT user_principal_name_k AS u, min(created_ms) AS f, max(created_ms) AS l FROM signin_data
         WHERE status_code = 0 AND user_principal_name_k IS NOT NULL GROUP BY u)
       SELECT per.u, per.c, per.first_ms, span.f, span.l FROM per JOIN span ON span.u = per.u
       WHERE span.l - span.f >= ?`,
      [p.minHistoryDays * DAY_MS],
    );
    throwIfAborted(signal);
    const findings: Finding[] = [];
    for (const [user, countries] of groupBy(rows, (r) => Number(r[0]))) {
      const [, , , first, last] = countries[0]!.map(Number) as [number, number, number, number, number];
      const baselineEnd = first + Math.min(p.baselineDays * DAY_MS, (last - first) / 2);
      const known = countries.filter((r) => Number(r[2]) <= baselineEnd).map((r) => Number(r[1]));
      const fresh = countries.filter((r) => Number(r[2]) > baselineEnd);
      if (!fresh.length) continue;
      const names = decode(db, [user, ...countries.map((r) => Number(r[1]))]);
      for (const r of fresh) {
        throwIfAborted(signal);
        const country = Number(r[1]);
        const evidence = new Evidence(selectRows(db, 'user_principal_name_k = ? AND status_code = 0 AND country_k = ?', [user, country]));
        const baseline = known.map((c) => names.get(c) ?? `#${c}`).sort();
        const title = `First sign-in from ${names.get(country)} for ${names.get(user)}: ${plural(evidence.size, 'successful sign-in')} from ${plural(evidence.distinct((x) => x.ip).size, 'IP')} since ${isoMinute(Number(r[2]))} (baseline: ${listSome(baseline, 5)})`;
        findings.push(evidence.toFinding(db, { ruleId: 'new-country', severity: 'low', title, details: { country: names.get(country) ?? null, baselineCountries: baseline, baselineEnd } }));
      }
    }
    return findings;
  },
});
