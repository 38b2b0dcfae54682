/** Shared generation context: tenant, time window, and helpers for sessions and places. */
import { guidFromKey } from './prng';
import { city } from './data/cities';
import { isp, randomIp } from './data/networks';
import { officeAddress, type Device, type Office, type Tenant, type User } from './tenant';
import type { Rng } from './prng';
import type { NetPoint } from './spec';

export interface GenContext {
  seed: number;
  tenant: Tenant;
  /** Epoch ms of 00:00 UTC on the first day. */
  start: number;
  days: number;
  sessions: Map<string, string>;
}

/**
 * One session id per (user, device, network ASN): a session that moves to a
 * different ASN is exactly what the token-reuse detection looks for, so
 * benign users get a new session when they change network.
 */
export function sessionFor(ctx: GenContext, user: User, device: Device | null, asn: number): string {
  const key = `${user.id}|${device?.deviceId ?? 'none'}|${asn}`;
  let id = ctx.sessions.get(key);
  if (!id) {
    id = guidFromKey(ctx.seed, key);
    ctx.sessions.set(key, id);
  }
  return id;
}

export function officeNet(office: Office, user: User, salt: number): NetPoint {
  return { ip: officeAddress(office, user, salt), asn: office.isp.asn, city: office.city };
}

export function homeNet(user: User): NetPoint {
  return { ip: user.homeIp, asn: user.homeIsp.asn, city: user.home };
}

export function mobileNet(rng: Rng, user: User): NetPoint {
  return { ip: randomIp(rng, user.mobileIsp, rng.chance(0.6)), asn: user.mobileIsp.asn, city: user.home };
}

/** An address of a named provider, located in a named city (attacker infrastructure). */
export function providerNet(rng: Rng, ispKey: string, cityKey: string): NetPoint {
  const provider = isp(ispKey);
  return { ip: randomIp(rng, provider), asn: provider.asn, city: city(cityKey) };
}
