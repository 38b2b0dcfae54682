// Token or session replay: one session id or one unique token identifier used from several networks,
// as when an AiTM proxy or infostealer replays a victim's session.
import type { Finding } from '../../../shared/model/detection';
import { throwIfAborted } from '../case-sql';
import { stringValues } from '../../db/string-text';
import { listSome, plural, span } from '../describe';
import { Evidence, extraIds, selectRows, type SigninRow } from '../evidence';
import { HOSTING_ASNS } from '../known-values';
import { defineRule, MINUTE_MS } from '../rule';
import { components } from '../union-find';

export const tokenReuse = defineRule({
  id: 'token-reuse',
  title: 'Token or session reuse from several networks',
  severity: 'medium',
  description: 'The same session id or unique token identifier appears from several ASNs (sessions) or IPs (tokens): a stolen session or token being replayed.',
  logic:
    "Session ids seen from at least `minAsns` distinct ASNs, and unique token identifiers seen from at least `minTokenIps` distinct IPs, found with one GROUP BY each. Sign-ins linked by a shared session or token form one finding, narrowed to those within `contextMinutes` of a sign-in from another ASN (a long session is otherwise mostly the user's own activity); high when a hosting ASN is involved or the sign-ins span several countries.",
  references: [
    'Elastic: Microsoft Entra ID session reuse with a suspicious Graph client / session ID reused from a different IP (token replay)',
    'Microsoft-Analyzer-Suite AiTM checks',
    'Session-risk heuristics SR-09..SR-11 (IP or country change inside one session)',
  ],
  falsePositives: ['A laptop moving between home, office and mobile networks keeps its session id', 'IPv4/IPv6 dual-stack clients alternating providers'],
  params: {
    minAsns: { label: 'Distinct ASNs per session id', unit: 'ASNs', default: 2, min: 2, max: 1000, integer: true },
    minTokenIps: { label: 'Distinct IPs per unique token identifier', unit: 'IPs', default: 2, min: 2, max: 1000, integer: true },
    contextMinutes: { label: 'Keep sign-ins this close to a network change', unit: 'minutes', default: 60, min: 1, max: 43_200 },
  },
  run(db, p, signal) {
    const sessions = selectRows(
      db,
      // Distinct (session, ASN) pairs first: a small b-tree instead of sorting every row by session (6x faster).
      `session_id IN (SELECT session_id FROM (SELECT DISTINCT session_id, asn FROM signin_data NOT INDEXED WHERE session_id <> '' AND asn IS NOT NULL) GROUP BY session_id HAVING count(*) >= ?)`,
      [p.minAsns],
      ['session_id', 'unique_token_identifier', 'country_k'],
    );
    throwIfAborted(signal);
    const tokens = selectRows(
      db,
      `unique_token_identifier IN (SELECT unique_token_identifier FROM signin_data NOT INDEXED WHERE unique_token_identifier <> '' GROUP BY unique_token_identifier HAVING count(DISTINCT ip_address_k) >= ?)`,
      [p.minTokenIps],
      ['session_id', 'unique_token_identifier', 'country_k'],
    );
    throwIfAborted(signal);
    const flaggedSessions = new Set(sessions.map((r) => String(r.extra[0])));
    const flaggedTokens = new Set(tokens.map((r) => String(r.extra[1])));
    const byRid = new Map<number, SigninRow>([...sessions, ...tokens].map((r) => [r.rid, r]));
    const linked = [...byRid.values()].map((r) => ({
      id: r.rid,
      links: [flaggedSessions.has(String(r.extra[0])) ? `s:${r.extra[0]}` : '', flaggedTokens.has(String(r.extra[1])) ? `t:${r.extra[1]}` : ''].filter(Boolean),
    }));
    const findings: Finding[] = [];
    for (const rids of components(linked)) {
      const evidence = new Evidence(
        nearNetworkChange(
          rids.map((rid) => byRid.get(rid)!),
          p.contextMinutes * MINUTE_MS,
        ),
      );
      const rows = evidence.rows();
      const asns = [...evidence.distinct((r) => r.asn)];
      const countries = [...stringValues(db, extraIds(rows, [2])).values()].sort();
      const hosting = asns.some((a) => HOSTING_ASNS.has(a));
      const ipNames = [
        ...stringValues(
          db,
          evidence.distinct((r) => r.ip),
        ).values(),
      ];
      const users = [
        ...stringValues(
          db,
          evidence.distinct((r) => r.user),
        ).values(),
      ];
      const sharedSession = rows.some((r) => flaggedSessions.has(String(r.extra[0])));
      const what = sharedSession ? 'Session' : 'Token';
      const title = `${what} reused from ${plural(asns.length, 'network')} for ${listSome(users) || 'an unknown account'}: ${plural(rows.length, 'sign-in')} from ${listSome(ipNames)} (${asns.map((a) => `AS${a}`).join(', ')}) within ${span(evidence.to - evidence.from)}`;
      const severity = hosting || countries.length > 1 ? 'high' : 'medium';
      findings.push(
        evidence.toFinding(db, {
          ruleId: 'token-reuse',
          severity,
          title,
          details: { asns, countries, hostingAsn: hosting, sharedSession, sharedToken: rows.some((r) => flaggedTokens.has(String(r.extra[1]))) },
        }),
      );
      throwIfAborted(signal);
    }
    return findings;
  },
});

/** Rows within `windowMs` of a row from another ASN; all rows when that leaves fewer than two. */
function nearNetworkChange(rows: SigninRow[], windowMs: number): SigninRow[] {
  const sorted = [...rows].sort((a, b) => a.ms - b.ms);
  const nearest = (order: SigninRow[]) => {
    const lastSeen = new Map<number | null, number>();
    return order.map((r) => {
      let best = Infinity;
      for (const [asn, ms] of lastSeen) if (asn !== r.asn) best = Math.min(best, Math.abs(r.ms - ms));
      lastSeen.set(r.asn, r.ms);
      return best;
    });
  };
  const before = nearest(sorted);
  const afterGap = nearest([...sorted].reverse()).reverse();
  const kept = sorted.filter((_, i) => Math.min(before[i]!, afterGap[i]!) <= windowMs);
  return kept.length >= 2 ? kept : sorted;
}
