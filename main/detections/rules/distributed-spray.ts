// Distributed, low-and-slow password attempts: the same accounts fail from many short-lived IPs in
// many countries, each IP trying an account only once or twice, spread over days.
import { NUM, NUM_NULL } from '../../db/row-spec';
import type { Finding } from '../../../shared/model/detection';
import { SUCCEEDED, throwIfAborted } from '../case-sql';
import { stringValues } from '../../db/string-text';
import { numberSet } from '../../query/sql-list';
import { plural, span } from '../describe';
import { Evidence, extraNum, selectRows, type SigninRow } from '../evidence';
import { PASSWORD_FAILURE_CODES } from '../known-values';
import { defineRule } from '../rule';
import { components } from '../union-find';
import { countDistinct, groupBy } from '../collections';

const FAILING = `status_code IN ${numberSet(PASSWORD_FAILURE_CODES)}`;

export const distributedSpray = defineRule({
  id: 'distributed-spray',
  title: 'Distributed low-and-slow password attempts',
  severity: 'medium',
  description:
    'The same accounts fail to sign in from many different IPs and countries, each IP used only briefly and never successfully: a botnet or proxy pool spraying slowly to stay under lockout and per-IP thresholds.',
  logic:
    'Per account, count the countries of its wrong-password failures (50126, 50053, 50055, 50056, 50034) that came from "volatile" IPs: IPs from which the account had fewer than 2 successful sign-ins and at most `maxAttemptsPerIp` failures. Accounts with at least `minCountries` such countries and `minIps` such IPs are kept; accounts that share a volatile IP are grouped into one campaign. A success of a campaign account from a campaign IP raises it to high.',
  references: [
    'Sentinel hunting: Low & slow password attempts with volatile IPs (LowAndSlowPasswordAttempt.yaml)',
    'Sentinel: Distributed Password cracking attempts in Microsoft Entra ID (DistribPassCrackAttempt.yaml)',
  ],
  falsePositives: ['A travelling user whose phone keeps an old password (rarely more than a few countries)', 'Residential proxy / privacy relay users with a saved wrong password'],
  params: {
    minCountries: { label: 'Distinct failing countries per account', unit: 'countries', default: 6, min: 2, max: 250, integer: true },
    minIps: { label: 'Distinct volatile IPs per account', unit: 'IPs', default: 5, min: 2, max: 100_000, integer: true },
    maxAttemptsPerIp: { label: 'Most failures per account from one volatile IP', unit: 'attempts', default: 3, min: 1, max: 100, integer: true },
  },
  run(db, p, signal) {
    const candidates = db
      .rows(
        `SELECT user_principal_name_k AS u FROM signin_data WHERE ${FAILING} AND +user_principal_name_k IS NOT NULL GROUP BY +user_principal_name_k HAVING count(DISTINCT country_k) >= ? AND count(DISTINCT ip_address_k) >= ?`,
        [p.minCountries, p.minIps],
        { u: NUM },
      )
      .map((r) => r.u);
    if (!candidates.length) return [];
    throwIfAborted(signal);
    const served = new Set(
      db
        .tuples(
          `SELECT user_principal_name_k, ip_address_k FROM signin_data WHERE user_principal_name_k IN ${numberSet(candidates)} AND ${SUCCEEDED} GROUP BY 1, 2 HAVING count(*) >= 2`,
          [],
          [NUM, NUM_NULL],
        )
        .map(([user, ip]) => `${user}|${ip}`),
    );
    const failures = selectRows(db, `user_principal_name_k IN ${numberSet(candidates)} AND ${FAILING}`, [], ['country_k']);
    const volatile = volatileRows(failures, served, p.maxAttemptsPerIp);
    const kept = [...groupBy(volatile, (r) => r.user!).entries()].filter(([, rows]) => countDistinct(rows, (r) => r.extra[0]) >= p.minCountries && countDistinct(rows, (r) => r.ip) >= p.minIps);
    const campaigns = components(kept.map(([user, rows]) => ({ id: user, links: rows.map((r) => r.ip!) })));
    const findings: Finding[] = [];
    for (const users of campaigns) {
      throwIfAborted(signal);
      const evidence = new Evidence(kept.filter(([u]) => users.includes(u)).flatMap(([, rows]) => rows));
      const ips = [...evidence.distinct((r) => r.ip)];
      const successes = selectRows(db, `ip_address_k IN ${numberSet(ips)} AND user_principal_name_k IN ${numberSet(users)} AND ${SUCCEEDED}`);
      const countries = [
        ...stringValues(
          db,
          evidence.distinct((r) => extraNum(r, 0)),
        ).values(),
      ].sort();
      let title = `Low-and-slow spray: ${plural(users.length, 'account')} failed from ${plural(ips.length, 'IP')} in ${plural(countries.length, 'country', 'countries')} over ${span(evidence.to - evidence.from)}`;
      if (successes.length) title += `, then ${plural(successes.length, 'success', 'successes')}`;
      const details = { countries, failures: evidence.size, successes: successes.length };
      findings.push(evidence.add(successes).toFinding(db, { ruleId: 'distributed-spray', severity: successes.length ? 'high' : 'medium', title, details }));
    }
    return findings;
  },
});

/** Failures from IPs that served the account fewer than 2 times and tried it at most `maxPerIp` times. */
function volatileRows(failures: SigninRow[], served: Set<string>, maxPerIp: number): SigninRow[] {
  const perPair = groupBy(
    failures.filter((r) => r.ip !== null && r.user !== null),
    (r) => `${r.user}|${r.ip}`,
  );
  return [...perPair.entries()].filter(([pair, rows]) => !served.has(pair) && rows.length <= maxPerIp).flatMap(([, rows]) => rows);
}
