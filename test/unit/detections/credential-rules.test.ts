// Credential-attack rules on hand-written sign-ins: thresholds, severity raises and the cases they
// must leave alone.
import { describe, expect, it } from 'vitest';
import { after, findingsOf, fixtureCase, type FixtureSignin } from './helpers/graph-fixture';

const T0 = '2025-03-04T10:00:00.000Z';
const users = (n: number, prefix = 'user') => Array.from({ length: n }, (_, i) => `${prefix}${i}@contoso.example`);

describe('password-spray-asn', () => {
  it('finds a spray rotated over several IPs of one hosting ASN that no single IP reveals', async () => {
    const spray: FixtureSignin[] = users(8).map((u, i) => ({ at: after(T0, i * 2), user: u, ip: `198.51.100.${10 + (i % 4)}`, asn: 14061, code: 50126 }));
    const db = await fixtureCase(spray);
    const [f, ...rest] = findingsOf(db, 'password-spray-asn');
    expect(rest).toEqual([]);
    expect(f!.title).toBe('Password spray from AS14061 (4 IPs): 8 users failed in 14 min');
    expect(f!.severity).toBe('medium');
    expect(f!.signinCount).toBe(8);
    expect(findingsOf(db, 'password-spray')).toEqual([]);
  });

  it('leaves a busy ISP alone when it served more accounts than failed', async () => {
    const failing: FixtureSignin[] = users(6).map((u, i) => ({ at: after(T0, i * 3), user: u, ip: `198.18.0.${i + 1}`, asn: 7922, code: 50126 }));
    const served: FixtureSignin[] = users(10, 'ok').map((u, i) => ({ at: after(T0, i * 5), user: u, ip: `198.18.1.${i + 1}`, asn: 7922 }));
    const db = await fixtureCase([...failing, ...served]);
    expect(findingsOf(db, 'password-spray-asn')).toEqual([]);
    expect(findingsOf(db, 'password-spray-asn', { minUsers: 3 })).toEqual([]);
  });
});

describe('password-spray', () => {
  it('counts an MFA interrupt from the spraying IP as a correct password', async () => {
    const spray: FixtureSignin[] = users(6).map((u, i) => ({ at: after(T0, i), user: u, ip: '203.0.113.7', asn: 9009, code: 50126 }));
    const db = await fixtureCase([...spray, { at: after(T0, 30), user: 'user9@contoso.example', ip: '203.0.113.7', asn: 9009, code: 50074 }]);
    const [f] = findingsOf(db, 'password-spray');
    expect(f!.severity).toBe('high');
    expect(f!.title).toBe('Password spray from 203.0.113.7: 6 users failed in 5 min, then 1 correct password (stopped by MFA/CA) (user9@contoso.example)');
    expect(f!.signinCount).toBe(7);
    expect(findingsOf(db, 'password-spray', { minUsers: 7 })).toEqual([]);
  });
});

describe('brute-force', () => {
  it('stays medium when the success comes from a network that never guessed', async () => {
    const guesses: FixtureSignin[] = Array.from({ length: 12 }, (_, i) => ({ at: after(T0, i), user: 'ann@contoso.example', ip: '198.51.100.66', asn: 24940, code: 50126 }));
    const db = await fixtureCase([...guesses, { at: after(T0, 15), user: 'ann@contoso.example', ip: '198.18.5.5', asn: 7922 }]);
    const [f, ...rest] = findingsOf(db, 'brute-force');
    expect(rest).toEqual([]);
    expect(f!.severity).toBe('medium');
    expect(f!.title).toBe('Brute force on ann@contoso.example: 12 failed passwords from 198.51.100.66 in 11 min');
    expect(findingsOf(db, 'brute-force', { minFailures: 13 })).toEqual([]);
  });
});

describe('smart-lockout', () => {
  it('needs three lockouts in the window and includes the guesses before them', async () => {
    const lock = (n: number, ip = '198.51.100.9'): FixtureSignin[] => [
      ...Array.from({ length: 3 }, (_, i) => ({ at: after(T0, i), user: 'bob@contoso.example', ip, code: 50126 })),
      ...Array.from({ length: n }, (_, i) => ({ at: after(T0, 5 + i), user: 'bob@contoso.example', ip, code: 50053 })),
    ];
    expect(findingsOf(await fixtureCase(lock(2)), 'smart-lockout')).toEqual([]);
    const [f] = findingsOf(await fixtureCase(lock(4)), 'smart-lockout');
    expect(f!.severity).toBe('low');
    expect(f!.signinCount).toBe(7);
    expect(f!.title).toBe('Smart Lockout burst on bob@contoso.example: 4 lockouts (50053) from 1 IP in US over 3 min');
  });
});

describe('mfa-fatigue', () => {
  const denials = (n: number, spacing: number): FixtureSignin[] =>
    Array.from({ length: n }, (_, i) => ({ at: after(T0, i * spacing), user: 'cy@contoso.example', ip: '192.0.2.9', code: 500121, mfaResult: 'MFA denied; user declined the authentication' }));

  it('ignores fewer denials than the threshold or denials spread out', async () => {
    expect(findingsOf(await fixtureCase(denials(6, 1)), 'mfa-fatigue')).toEqual([]);
    expect(findingsOf(await fixtureCase(denials(10, 3)), 'mfa-fatigue')).toEqual([]);
  });

  it('is medium without a success and high when the user approves', async () => {
    const [alone] = findingsOf(await fixtureCase(denials(8, 1)), 'mfa-fatigue');
    expect(alone!.severity).toBe('medium');
    expect(alone!.title).toBe('MFA fatigue on cy@contoso.example: 8 denied prompts in 7 min from 192.0.2.9');
    const db = await fixtureCase([...denials(8, 1), { at: after(T0, 12), user: 'cy@contoso.example', ip: '192.0.2.9' }]);
    const [approved] = findingsOf(db, 'mfa-fatigue');
    expect(approved!.severity).toBe('high');
    expect(approved!.signinCount).toBe(9);
  });
});

describe('mfa-fatigue: unanswered prompts', () => {
  // One push per sign-in attempt: the 50074 interrupt, then (maybe) an answer in the same correlation id.
  const prompt = (i: number, answer: 'none' | 'denied' | 'approved', user = 'ida@contoso.example'): FixtureSignin[] => {
    const correlationId = `push-${user}-${i}`;
    const interrupt: FixtureSignin = { at: after(T0, i), user, ip: '192.0.2.44', code: 50074, correlationId };
    if (answer === 'none') return [interrupt];
    const code = answer === 'denied' ? 500121 : 0;
    const mfaResult = answer === 'denied' ? 'MFA denied; user declined the authentication' : 'MFA successfully completed';
    return [interrupt, { at: after(T0, i + 0.5), user, ip: '192.0.2.44', code, mfaResult, correlationId }];
  };

  it('counts interrupts with no later answer in their correlation id alongside denials', async () => {
    const db = await fixtureCase([0, 1, 2, 3].flatMap((i) => prompt(i, 'none')).concat([4, 5, 6].flatMap((i) => prompt(i, 'denied'))));
    const [f, ...rest] = findingsOf(db, 'mfa-fatigue');
    expect(rest).toEqual([]);
    expect(f!.title).toBe('MFA fatigue on ida@contoso.example: 3 denied and 4 unanswered prompts in 7 min from 192.0.2.44');
    expect(f!.details).toMatchObject({ denied: 3, unanswered: 4, successes: 0 });
    // A denied prompt's own interrupt is not a second prompt: 7 prompts need 7 of them.
    expect(findingsOf(db, 'mfa-fatigue', { minDenials: 8 })).toEqual([]);
  });

  it('does not count an interrupt answered by a success in the same correlation id', async () => {
    const answered = [0, 1, 2, 3, 4, 5, 6, 7].flatMap((i) => prompt(i, 'approved'));
    expect(findingsOf(await fixtureCase(answered), 'mfa-fatigue')).toEqual([]);
    // The same interrupts with unique correlation ids (nothing follows them) are a burst.
    const lonely = answered.filter((s) => s.code === 50074).map((s, i) => ({ ...s, correlationId: `alone-${i}` }));
    expect(findingsOf(await fixtureCase(lonely), 'mfa-fatigue')).toHaveLength(1);
  });

  it('counts one prompt per correlation id however many interrupts it holds', async () => {
    const retries: FixtureSignin[] = Array.from({ length: 8 }, (_, i) => ({
      at: after(T0, i * 0.5),
      user: 'jo@contoso.example',
      ip: '192.0.2.45',
      code: i % 2 ? 50076 : 50074,
      correlationId: `retry-${Math.floor(i / 2)}`,
    }));
    expect(findingsOf(await fixtureCase(retries), 'mfa-fatigue')).toEqual([]);
    expect(findingsOf(await fixtureCase(retries), 'mfa-fatigue', { minDenials: 4 })[0]!.details).toMatchObject({ denied: 0, unanswered: 4 });
  });
});

describe('mfa-fraud', () => {
  it('finds fraud reports in the MFA step result and in the status details, not plain denials', async () => {
    const db = await fixtureCase([
      { at: T0, user: 'dee@contoso.example', ip: '198.18.2.2', code: 500121, mfaResult: 'MFA denied; Fraud code entered' },
      { at: after(T0, 5), user: 'dee@contoso.example', ip: '198.18.2.3', code: 500121, failureReason: '', additionalDetails: 'MFA denied; user reported fraud' },
      { at: after(T0, 6), user: 'eve@contoso.example', ip: '198.18.2.4', code: 500121, mfaResult: 'MFA denied; user declined the authentication' },
    ]);
    const found = findingsOf(db, 'mfa-fraud');
    expect(found.map((f) => [f.severity, f.title])).toEqual([['high', 'MFA reported as fraud by dee@contoso.example: 2 sign-ins from 2 IPs']]);
  });
});

describe('legacy-auth and attack-tooling', () => {
  it('flags legacy successes only, medium without BAV2ROPC or hosting', async () => {
    const db = await fixtureCase([
      { at: T0, user: 'fay@contoso.example', ip: '198.18.3.3', client: 'IMAP4', code: 50126 },
      { at: after(T0, 1), user: 'fay@contoso.example', ip: '198.18.3.3', client: 'IMAP4' },
      { at: after(T0, 2), user: 'fay@contoso.example', ip: '198.18.3.3', client: 'POP3' },
    ]);
    const [f, ...rest] = findingsOf(db, 'legacy-auth');
    expect(rest).toEqual([]);
    expect([f!.severity, f!.title, f!.signinCount]).toEqual(['medium', 'Legacy authentication success for fay@contoso.example: 2 sign-ins via IMAP4, POP3 from 1 IP', 2]);
  });

  it("matches the bare Mozilla/5.0 agent only for the spray tools' application ids", async () => {
    const db = await fixtureCase([
      { at: T0, user: 'gus@contoso.example', ip: '198.51.100.3', agent: 'Mozilla/5.0', appId: '1b730954-1685-4b74-9bfd-dac224a7b894', code: 50126 },
      { at: after(T0, 1), user: 'hal@contoso.example', ip: '198.51.100.3', agent: 'Mozilla/5.0' },
    ]);
    const found = findingsOf(db, 'attack-tooling');
    expect(found.map((f) => [f.severity, f.signinCount, f.users])).toEqual([['medium', 1, ['gus@contoso.example']]]);
  });
});
