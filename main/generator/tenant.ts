/**
 * The fictional tenant "Northwind Traders": offices, users with devices, home
 * networks and work hours, plus service principals and managed identities.
 * Built only from the seed, so every format and every day sees the same people.
 */
import { Rng } from './prng';
import { city, type City } from './data/cities';
import { isp, officeIp, randomIp, type Isp } from './data/networks';
import { DEVICE_KINDS, type DeviceKind } from './data/user-agents';
import { FAMILY_NAMES, GIVEN_NAMES, mailNickname } from './data/people';
import { RESOURCES, type AppDef } from './data/apps';

export const TENANT_ID = '7c1f3a52-9d4e-4b8a-a6f0-2e5d81c4b937';
export const TENANT_NAME = 'Northwind Traders';
export const DOMAIN = 'northwind.example';
export const SUBSCRIPTION_ID = '3b9e6d14-58a2-4f0c-9e7d-c2a41f8b6e05';

export interface Office {
  index: number;
  city: City;
  isp: Isp;
  weight: number;
}

export interface Device {
  deviceId: string;
  displayName: string;
  kind: DeviceKind;
  trustType: string;
  isCompliant: boolean;
  isManaged: boolean;
}

export type Role = 'user' | 'admin' | 'dev' | 'guest' | 'kiosk' | 'service';

export interface User {
  index: number;
  id: string;
  displayName: string;
  upn: string;
  role: Role;
  homeTenantId: string;
  homeTenantName: string;
  home: City;
  office: Office | null;
  homeIsp: Isp;
  homeIp: string;
  mobileIsp: Isp;
  laptop: Device;
  phone: Device | null;
  /** Local work start hour (fractional) and length in hours. */
  workStart: number;
  workHours: number;
  /** Bit i set = in the office on weekday i (0 = Monday). */
  officeDays: number;
  mfaMethod: string;
  /** Excluded from the MFA / legacy-block CA policies (kiosk and service accounts). */
  caExcluded: boolean;
  /** Benign business trip: inactive on `day`, then works from `office` afterwards. */
  trip: { day: number; office: Office } | null;
}

export interface Workload {
  kind: 'servicePrincipal' | 'managedIdentity';
  appId: string;
  name: string;
  servicePrincipalId: string;
  resource: AppDef;
  credentialKeyId: string;
  credentialType: 'clientSecret' | 'certificate' | 'managedIdentity';
  msiType: 'none' | 'systemAssigned' | 'userAssigned';
  associatedResourceId: string | null;
  /** Mean minutes between token requests. */
  everyMinutes: number;
}

export interface Tenant {
  id: string;
  name: string;
  domain: string;
  offices: Office[];
  users: User[];
  workloads: Workload[];
}

const OFFICES: [string, string, number][] = [
  ['seattle', 'lumen', 40],
  ['newyork', 'lumen', 12],
  ['toronto', 'bell', 6],
  ['london', 'bt-business', 16],
  ['berlin', 'dtag-business', 10],
  ['singapore', 'singtel', 8],
  ['sydney', 'telstra', 8],
];
const REMOTE: Record<string, string[]> = {
  US: ['portland', 'austin', 'chicago', 'sanfrancisco'],
  CA: ['montreal'],
  GB: ['manchester'],
  DE: ['munich', 'frankfurt'],
  AU: ['melbourne'],
  SG: [],
};
const HOME_ISPS: Record<string, string[]> = {
  US: ['comcast', 'att'],
  CA: ['rogers'],
  GB: ['bt', 'virgin'],
  DE: ['dtag', 'vodafone-de'],
  SG: ['singnet'],
  AU: ['tpg'],
};
const MOBILE_ISPS: Record<string, string[]> = {
  US: ['tmobile-us', 'verizon-wireless'],
  CA: ['telus'],
  GB: ['ee'],
  DE: ['telefonica-de'],
  SG: ['starhub'],
  AU: ['optus'],
};
const GUESTS = [
  { given: 'Jules', family: 'Moreau', domain: 'fabrikam.example', tenant: 'Fabrikam', home: 'paris', isp: 'orange-fr' },
  { given: 'Kenji', family: 'Sato', domain: 'tailspintoys.example', tenant: 'Tailspin Toys', home: 'tokyo', isp: 'ntt-ocn' },
];

function makeDevice(rng: Rng, mobile: boolean, serial: number): Device {
  if (mobile) {
    const ios = rng.chance(0.6);
    return {
      deviceId: rng.guid(),
      displayName: ios ? `iPhone ${rng.int(13, 16)}` : 'Pixel 8',
      kind: DEVICE_KINDS[ios ? 'ios' : 'android']!,
      trustType: 'Azure AD registered',
      isCompliant: rng.chance(0.92),
      isManaged: true,
    };
  }
  const kindKey = rng.weighted(['winEdge', 'winChrome', 'macSafari', 'macChrome'], (k) => ({ winEdge: 60, winChrome: 15, macSafari: 15, macChrome: 10 })[k]!);
  const win = kindKey.startsWith('win');
  return {
    deviceId: rng.guid(),
    displayName: `${win ? 'NW-LT' : 'NW-MAC'}-${String(1000 + serial).padStart(4, '0')}`,
    kind: DEVICE_KINDS[kindKey]!,
    trustType: win ? (rng.chance(0.7) ? 'Azure AD joined' : 'Hybrid Azure AD joined') : 'Azure AD registered',
    isCompliant: rng.chance(win ? 0.96 : 0.85),
    isManaged: true,
  };
}

function workloads(rng: Rng): Workload[] {
  const rg = (group: string, provider: string, name: string): string => `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${group}/providers/${provider}/${name}`;
  const sp = (name: string, resource: AppDef, credentialType: 'clientSecret' | 'certificate', everyMinutes: number): Workload => ({
    kind: 'servicePrincipal',
    appId: rng.guid(),
    name,
    servicePrincipalId: rng.guid(),
    resource,
    credentialKeyId: rng.guid(),
    credentialType,
    msiType: 'none',
    associatedResourceId: null,
    everyMinutes,
  });
  const mi = (name: string, resource: AppDef, msiType: 'systemAssigned' | 'userAssigned', assoc: string, everyMinutes: number): Workload => ({
    kind: 'managedIdentity',
    appId: rng.guid(),
    name,
    servicePrincipalId: rng.guid(),
    resource,
    credentialKeyId: '',
    credentialType: 'managedIdentity',
    msiType,
    associatedResourceId: assoc,
    everyMinutes,
  });
  return [
    sp('Northwind ERP Sync', RESOURCES.graph, 'clientSecret', 30),
    sp('NW-Backup-Runner', RESOURCES.storage, 'certificate', 60),
    sp('Terraform-Pipelines', RESOURCES.arm, 'clientSecret', 90),
    sp('HR-Connector (Workday)', RESOURCES.graph, 'clientSecret', 240),
    mi('nw-func-invoices', RESOURCES.keyVault, 'systemAssigned', rg('rg-finance', 'Microsoft.Web/sites', 'nw-func-invoices'), 45),
    mi('nw-id-build-agents', RESOURCES.arm, 'userAssigned', rg('rg-build', 'Microsoft.ManagedIdentity/userAssignedIdentities', 'nw-id-build-agents'), 120),
    mi('nw-logic-orders', RESOURCES.storage, 'systemAssigned', rg('rg-orders', 'Microsoft.Logic/workflows', 'nw-logic-orders'), 60),
  ];
}

export function buildTenant(seed: number, userCount: number, days: number): Tenant {
  if (userCount < 20) throw new Error('the generator needs at least 20 users to plant its attacks');
  const rng = new Rng(seed).fork('tenant');
  const offices: Office[] = OFFICES.map(([key, ispKey, weight], index) => ({ index, city: city(key), isp: isp(ispKey), weight }));
  const users: User[] = [];
  const used = new Set<string>();

  for (let i = 0; i < userCount; i++) {
    const special = i === 1 ? 'kiosk' : i === 2 ? 'service' : i === 3 ? 'xss' : i >= userCount - GUESTS.length ? 'guest' : null;
    const guest = special === 'guest' ? GUESTS[userCount - 1 - i]! : null;
    const office = guest ? null : rng.weighted(offices, (o) => o.weight);
    const country = office?.city.country ?? 'US';
    const remote = !guest && special === null && rng.chance(0.12) && (REMOTE[country] ?? []).length > 0;
    const home = guest ? city(guest.home) : remote ? city(rng.pick(REMOTE[country]!)) : office!.city;
    const given = guest?.given ?? rng.pick(GIVEN_NAMES);
    const family = guest?.family ?? rng.pick(FAMILY_NAMES);
    let displayName = `${given} ${family}`;
    let nick = mailNickname(given, family);
    if (special === 'kiosk') {
      displayName = 'Lobby Kiosk';
      nick = 'kiosk.lobby';
    }
    if (special === 'service') {
      displayName = 'Mail Relay Service';
      nick = 'svc.mailrelay';
    }
    // Log fields are attacker-controllable text: one display name carries HTML.
    if (special === 'xss') {
      displayName = 'Mallory <img src=x onerror=alert(1)>';
      nick = 'mallory.odd';
    }
    let base = nick;
    for (let n = 2; used.has(base); n++) base = `${nick}${n}`;
    used.add(base);
    const homeIsp = guest ? isp(guest.isp) : isp(rng.pick(HOME_ISPS[country]!));
    const role: Role = special === 'kiosk' ? 'kiosk' : special === 'service' ? 'service' : guest ? 'guest' : rng.chance(0.05) ? 'admin' : rng.chance(0.1) ? 'dev' : 'user';
    const laptop = makeDevice(rng, false, i);
    const wantsPhone = role !== 'kiosk' && role !== 'service' && rng.chance(guest ? 0.3 : 0.8);
    const phone = wantsPhone ? makeDevice(rng, true, i) : null;
    if (role === 'admin') {
      // CA003 demands it; a non-compliant admin device would be blocked every time
      laptop.isCompliant = true;
      if (phone) phone.isCompliant = true;
    }
    users.push({
      index: i,
      id: rng.guid(),
      displayName,
      upn: `${base}@${guest?.domain ?? DOMAIN}`,
      role,
      homeTenantId: guest ? rng.guid() : TENANT_ID,
      homeTenantName: guest ? guest.tenant : TENANT_NAME,
      home,
      office: remote ? null : office,
      homeIsp,
      homeIp: randomIp(rng, homeIsp),
      mobileIsp: isp(rng.pick(MOBILE_ISPS[guest ? 'US' : country]!)),
      laptop,
      phone,
      workStart: 7 + rng.next() * 3,
      workHours: 8 + rng.next() * 2,
      officeDays: special === 'kiosk' ? 0b1111111 : remote || guest ? 0 : rng.pick([0b11111, 0b01110, 0b00111, 0b10101, 0b01010]),
      mfaMethod: rng.weighted(['Mobile app notification', 'OATH verification code', 'Text message'], (m) => (m.startsWith('Mobile') ? 75 : 12)),
      caExcluded: special === 'kiosk' || special === 'service',
      trip: null,
    });
  }
  // A few benign business trips: a full idle day between locations, so never "impossible".
  if (days >= 3) {
    const travellers = Math.max(1, Math.round(userCount * 0.02));
    for (let t = 0; t < travellers; t++) {
      const u = users[rng.int(4, userCount - GUESTS.length - 1)]!;
      if (!u.office || u.trip || u.role !== 'user') continue;
      const dest = rng.pick(offices.filter((o) => o.city.country !== u.home.country));
      u.trip = { day: rng.int(1, days - 2), office: dest };
    }
  }
  return { id: TENANT_ID, name: TENANT_NAME, domain: DOMAIN, offices, users, workloads: workloads(rng) };
}

export function officeAddress(office: Office, user: User, salt: number): string {
  return officeIp(office.index, (user.index + salt) % 4);
}
