/** Shared helpers for attack planners: victims, timing and spec construction. */
import { guidFromKey, type Rng } from '../prng';
import { RESOURCES, type AppDef } from '../data/apps';
import { freshIds, type AuthStep, type NetPoint, type RiskInfo, type SignInSpec } from '../spec';
import { graphTime, HOUR_MS, MINUTE_MS } from '../time-format';
import type { GenContext } from '../context';
import type { Device, User } from '../tenant';
import type { Category, DeviceDetail } from '../types';
import type { AttackKind, AttackTruth } from '../ground-truth';

export interface AttackEnv {
  ctx: GenContext;
  rng: Rng;
  /** Ordinary staff accounts in a stable shuffled order. */
  staff: User[];
  /** Hands out distinct single victims so attacks do not share one. */
  nextVictim: () => User;
  userByUpn: (prefix: string) => User;
}

export interface Planned {
  specs: SignInSpec[];
  truth: AttackTruth;
}

/** Epoch ms of `hour:minute` UTC on day `day` (clamped into the generated window). */
export function at(env: AttackEnv, day: number, hour: number, minute = 0): number {
  const d = Math.min(Math.max(day, 0), env.ctx.days - 1);
  return env.ctx.start + d * 86_400_000 + hour * HOUR_MS + minute * MINUTE_MS;
}

/** UTC hour at which it is `localHour` for the user (0..23). */
export function utcHourFor(user: User, localHour: number): number {
  return (((localHour - Math.round(user.home.tz)) % 24) + 24) % 24;
}

export interface Hit {
  category?: Category;
  ms: number;
  user?: User | null;
  ghostUpn?: string;
  net: NetPoint;
  app: AppDef;
  resource?: AppDef;
  client?: string;
  ua: string;
  protocol?: string;
  incoming?: string;
  transfer?: string;
  errorCode: number;
  steps: AuthStep[];
  risk?: RiskInfo | null;
  device?: Device | null;
  deviceOverride?: Partial<DeviceDetail>;
  corr?: string;
  sessionId?: string;
  uti?: string;
}

export function hit(env: AttackEnv, h: Hit): SignInSpec {
  const ids = freshIds(env.rng, h.corr);
  const upn = h.user?.upn ?? h.ghostUpn ?? '';
  return {
    category: h.category ?? 'interactiveUser',
    ms: Math.floor(h.ms),
    sub: ids.sub,
    id: ids.id,
    correlationId: ids.correlationId,
    uniqueTokenIdentifier: h.uti ?? ids.uniqueTokenIdentifier,
    // Failed attempts carry no session; attacker successes get one per (IP, account).
    sessionId: h.sessionId ?? (h.errorCode === 0 ? guidFromKey(env.ctx.seed, `attack|${h.net.ip}|${upn}`) : ''),
    user: h.user ?? null,
    ...(h.ghostUpn !== undefined ? { ghostUpn: h.ghostUpn } : {}),
    workload: null,
    device: h.device ?? null,
    ...(h.deviceOverride ? { deviceOverride: h.deviceOverride } : {}),
    app: h.app,
    resource: h.resource ?? RESOURCES.graph,
    net: h.net,
    clientAppUsed: h.client ?? 'Browser',
    userAgent: h.ua,
    authenticationProtocol: h.protocol ?? 'none',
    incomingTokenType: h.incoming ?? 'none',
    originalTransferMethod: h.transfer ?? 'none',
    errorCode: h.errorCode,
    steps: h.steps,
    risk: h.risk ?? null,
    processingMs: ids.processingMs,
    ingestDelayMs: ids.ingestDelayMs,
  };
}

export interface TruthMeta {
  kind: AttackKind;
  title: string;
  detection: string;
  victims: string[];
}

/**
 * Ground truth from the planted specs. `attacker` marks which specs came from
 * attacker infrastructure (the rest are the victim's own sign-ins).
 */
export function truth(meta: TruthMeta, specs: SignInSpec[], attacker: (s: SignInSpec) => boolean = () => true): AttackTruth {
  const mine = specs.filter(attacker);
  const times = specs.map((s) => s.ms);
  const successes = mine.filter((s) => s.errorCode === 0);
  return {
    ...meta,
    attackerIps: [...new Set(mine.map((s) => s.net.ip))],
    attackerAsns: [...new Set(mine.map((s) => s.net.asn))],
    compromised: [...new Set(successes.map((s) => s.user?.upn ?? s.ghostUpn ?? ''))].filter((x) => x !== ''),
    start: graphTime(Math.min(...times)),
    end: graphTime(Math.max(...times)),
    requestIds: specs.map((s) => s.id),
    successRequestIds: successes.map((s) => s.id),
  };
}
