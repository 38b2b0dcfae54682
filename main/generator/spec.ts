/**
 * A SignInSpec is the small, lazily-built description of one sign-in. Background
 * and attack planners produce specs; build-signin.ts turns each into the full
 * Graph object only when it is written, which keeps memory bounded.
 */
import type { Rng } from './prng';
import type { City } from './data/cities';
import type { AppDef } from './data/apps';
import type { Device, User, Workload } from './tenant';
import type { Category, DeviceDetail } from './types';

export interface AuthStep {
  method: string;
  detail: string | null;
  succeeded: boolean;
  result: string;
  requirement: 'Primary authentication' | 'Multi-factor authentication';
  /** Milliseconds relative to the sign-in time (steps happen slightly before it). */
  offsetMs: number;
}

export interface NetPoint {
  ip: string;
  asn: number;
  city: City | null;
}

export interface RiskInfo {
  level: 'low' | 'medium' | 'high';
  aggregated: 'low' | 'medium' | 'high';
  state: 'atRisk' | 'confirmedCompromised' | 'remediated';
  detail: string;
  events: string[];
}

export interface SignInSpec {
  category: Category;
  ms: number;
  sub: number;
  id: string;
  correlationId: string;
  uniqueTokenIdentifier: string;
  sessionId: string;
  user: User | null;
  /** Sign-ins for user names that do not exist (spray lists, recon). */
  ghostUpn?: string;
  workload: Workload | null;
  device: Device | null;
  deviceOverride?: Partial<DeviceDetail>;
  app: AppDef;
  resource: AppDef;
  net: NetPoint;
  clientAppUsed: string;
  userAgent: string;
  authenticationProtocol: string;
  incomingTokenType: string;
  originalTransferMethod: string;
  errorCode: number;
  additionalDetails?: string | null;
  steps: AuthStep[];
  risk: RiskInfo | null;
  processingMs: number;
  ingestDelayMs: number;
}

export interface SpecIds {
  id: string;
  correlationId: string;
  uniqueTokenIdentifier: string;
  sub: number;
  processingMs: number;
  ingestDelayMs: number;
}

/** Fresh per-record ids and jitter, all from the caller's stream. */
export function freshIds(rng: Rng, correlationId?: string): SpecIds {
  return {
    id: rng.requestId(),
    correlationId: correlationId ?? rng.guid(),
    uniqueTokenIdentifier: rng.tokenId(),
    sub: rng.int(0, 9999),
    processingMs: rng.chance(0.9) ? rng.int(40, 420) : rng.int(420, 4200),
    ingestDelayMs: rng.int(20_000, 360_000),
  };
}

export function compareSpecs(a: SignInSpec, b: SignInSpec): number {
  return a.ms - b.ms || a.sub - b.sub || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
