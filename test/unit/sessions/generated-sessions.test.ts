// Sessions over a generated demo set: the planted device-code phishing and token replay come out
// with their flags and links.
import { beforeAll, describe, expect, it } from 'vitest';
import { getSession } from '../../../main/sessions/get-session';
import { buildDemoCase, type DemoCase } from '../geo/helpers/demo-case';
import { scalar } from '../../helpers/sql';

let demo: DemoCase;
beforeAll(async () => {
  demo = await buildDemoCase();
});

const sessionOfRequest = (requestId: string) => {
  const corr = scalar(demo.caseDb, 'SELECT correlation_id FROM signin_data WHERE id = ?', [requestId]);
  expect(corr, `request ${requestId} was imported`).toBeTruthy();
  return getSession(demo.caseDb, { correlationId: String(corr) });
};

describe('sessions of planted attacks', () => {
  it('flags the device-code phishing flow', () => {
    const attack = demo.attack('device-code-phishing');
    const flags = attack.requestIds.map((id) => sessionOfRequest(id).session.flags);
    expect(flags.some((f) => f.includes('deviceCode'))).toBe(true);
  });

  it("links the replayed token's sessions to the victim's and flags the country change", () => {
    const attack = demo.attack('token-reuse');
    const replayed = sessionOfRequest(attack.successRequestIds[0]!);
    expect(replayed.session.flags).toContain('linkedGeoChange');
    expect(replayed.session.linkedSessions).toBeGreaterThan(1);
    const groupIps = [replayed.session, ...replayed.linked].flatMap((s) => s.ips);
    expect(groupIps).toEqual(expect.arrayContaining(attack.attackerIps));
    expect(groupIps.some((ip) => !attack.attackerIps.includes(ip))).toBe(true);
  });

  it('puts every sign-in with a correlation id in exactly one session', () => {
    const signins = Number(scalar(demo.caseDb, 'SELECT count(*) FROM signin_data WHERE correlation_id IS NOT NULL AND created_ms IS NOT NULL'));
    expect(Number(scalar(demo.caseDb, 'SELECT sum(rows) FROM sessions'))).toBe(signins);
  });
});
