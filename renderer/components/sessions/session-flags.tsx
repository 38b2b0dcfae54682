// What each session flag means, how loud it is, and the badges that show it.
import { SESSION_FLAGS, type SessionFlag } from '../../../shared/model/session';

type Tone = 'bad' | 'warn' | 'info';

export const FLAG_INFO: Record<SessionFlag, { label: string; tone: Tone; title: string }> = {
  countryChange: { label: 'Country changed', tone: 'bad', title: 'The sign-ins of this correlation id come from several countries' },
  ipChange: { label: 'IP changed', tone: 'warn', title: 'The sign-ins of this correlation id come from several IP addresses' },
  asnChange: { label: 'ASN changed', tone: 'warn', title: 'The sign-ins of this correlation id come from several networks (ASN)' },
  deviceChange: { label: 'Device changed', tone: 'warn', title: 'The sign-ins of this correlation id come from several devices' },
  multiUser: { label: 'Several users', tone: 'bad', title: 'More than one user signed in under this correlation id' },
  mfaByClaim: { label: 'MFA by claim only', tone: 'info', title: 'MFA was satisfied by a claim in the token only, never performed in this session' },
  deviceCode: { label: 'Device code', tone: 'bad', title: 'Device code flow (a common phishing technique)' },
  ropc: { label: 'ROPC', tone: 'bad', title: 'Resource owner password credentials flow (password sent by the client, no interactive MFA)' },
  authTransfer: { label: 'Auth transfer', tone: 'warn', title: 'Authentication transfer flow (session moved from another device)' },
  linkedGeoChange: { label: 'Token reuse: geo change', tone: 'bad', title: 'Sessions linked by the same session id / token span several countries or networks: token replay?' },
};

/** Loudest first, so the badges of a row read by severity. */
const ORDER: readonly SessionFlag[] = [...SESSION_FLAGS].sort((a, b) => rank(FLAG_INFO[a].tone) - rank(FLAG_INFO[b].tone));
function rank(tone: Tone): number {
  return tone === 'bad' ? 0 : tone === 'warn' ? 1 : 2;
}

export function sortedFlags(flags: readonly SessionFlag[]): SessionFlag[] {
  return ORDER.filter((f) => flags.includes(f));
}

export function FlagBadge({ flag }: { flag: SessionFlag }) {
  const info = FLAG_INFO[flag];
  return (
    <span className={`badge flag-badge ${info.tone === 'info' ? '' : info.tone}`} title={info.title} data-flag={flag}>
      {info.label}
    </span>
  );
}

export function FlagBadges({ flags }: { flags: readonly SessionFlag[] }) {
  return (
    <>
      {sortedFlags(flags).map((f) => (
        <FlagBadge key={f} flag={f} />
      ))}
    </>
  );
}

export const FLAG_ORDER = ORDER;
