// Device-code flow sign-ins: the flow abused by device-code phishing (Storm-2372), where the victim
// types the attacker's code and the attacker redeems the tokens elsewhere.
import type { Finding } from '../../../shared/model/detection';
import { dictIds, throwIfAborted } from '../case-sql';
import { stringValue } from '../../db/string-text';
import { numberSet } from '../../query/sql-list';
import { groupBy } from '../collections';
import { plural } from '../describe';
import { Evidence, extraNum, selectRows } from '../evidence';
import { APP_IDS, HOSTING_ASNS } from '../known-values';
import { defineRule, HOUR_MS } from '../rule';

export const deviceCode = defineRule({
  id: 'device-code',
  title: 'Device-code flow sign-in',
  severity: 'medium',
  description: 'Sign-ins that used the OAuth device-code flow; raised when the code was redeemed from a hosting ASN or by the Microsoft Authentication Broker (PRT phishing).',
  logic:
    "Sign-ins whose authentication protocol is deviceCode, one finding per account, with the account's later sign-ins from the same IPs within `followHours` (what the redeemed tokens were used for). High when any device-code sign-in comes from a hosting ASN (Sigma list) or is for the Microsoft Authentication Broker (29d9ed98-...).",
  references: [
    'Sigma: Application Using Device Code Authentication Flow (azure_app_device_code_authentication.yml)',
    'Microsoft-Analyzer-Suite: device-code phishing checks #1 (deviceCode) and #3 (Broker + deviceCode)',
    'Sigma: Risky Successful Interactive Sign-in from Hosting/VPN ASN (ASN list)',
  ],
  falsePositives: ['Admins signing in to Azure CLI / PowerShell on a headless machine, meeting-room devices, TVs'],
  params: {
    followHours: { label: 'Follow-on activity from the same IPs within', unit: 'hours', default: 24, min: 0, max: 720 },
  },
  run(db, p, signal) {
    const rows = selectRows(db, `authentication_protocol_k IN ${numberSet(dictIds(db, ['deviceCode']))}`, [], ['app_id_k']);
    const broker = db.strings.lookupId(APP_IDS.authBroker);
    const findings: Finding[] = [];
    for (const [user, list] of groupBy(rows, (r) => r.user)) {
      throwIfAborted(signal);
      const evidence = new Evidence(list);
      const ips = [...evidence.distinct((r) => r.ip)];
      if (user !== null) {
        evidence.add(
          selectRows(db, `user_principal_name_k = ? AND created_ms > ? AND created_ms <= ? AND ip_address_k IN ${numberSet(ips)}`, [user, evidence.from, evidence.to + p.followHours * HOUR_MS]),
        );
      }
      const hosting = list.some((r) => r.asn !== null && HOSTING_ASNS.has(r.asn));
      const viaBroker = broker !== undefined && list.some((r) => extraNum(r, 0) === broker);
      const succeeded = list.filter((r) => r.code === 0).length;
      const name = stringValue(db, user) ?? 'an unknown account';
      const why = [hosting ? 'from a hosting ASN' : '', viaBroker ? 'by the Authentication Broker' : ''].filter(Boolean).join(', ');
      const title = `Device-code sign-in for ${name}: ${plural(list.length, 'device-code sign-in')} (${succeeded} succeeded) from ${plural(ips.length, 'IP')}${why ? `, ${why}` : ''}`;
      const details = { deviceCodeSignins: list.length, succeeded, followOn: evidence.size - list.length, hostingAsn: hosting, authBroker: viaBroker };
      findings.push(evidence.toFinding(db, { ruleId: 'device-code', severity: hosting || viaBroker ? 'high' : 'medium', title, details }));
    }
    return findings;
  },
});
