/**
 * A scenario = tenant + planted attacks + a deterministic day-by-day stream of
 * sign-ins. Each UTC day is generated from its own PRNG stream, so a day can be
 * produced on its own and in either order with identical content.
 */
import { Rng } from './prng';
import { buildTenant, DOMAIN, TENANT_ID, TENANT_NAME, type Tenant } from './tenant';
import { planAttacks } from './attacks/index';
import { userDay } from './background/user-day';
import { workloadDay } from './background/workloads';
import { buildSignIn } from './build-signin';
import { compareSpecs, type SignInSpec } from './spec';
import { DAY_MS, graphTime } from './time-format';
import type { GenContext } from './context';
import type { Category, GeneratedSignIn } from './types';
import type { GroundTruth } from './ground-truth';

export interface ScenarioOptions {
  seed: number;
  /** Number of users (>= 20, default 200). */
  users?: number;
  /** Number of days (default 7). */
  days?: number;
  /** First day, ISO date (default "2025-03-03", a Monday). */
  start?: string;
}

export interface StreamOptions {
  /** Graph, the portal and PowerShell exports list newest first; diagnostic/LA oldest first. */
  order?: 'asc' | 'desc';
  /** Day range [fromDay, toDay) (defaults: whole window). */
  fromDay?: number;
  toDay?: number;
  categories?: readonly Category[];
}

export interface Scenario {
  seed: number;
  users: number;
  days: number;
  start: number;
  tenant: Tenant;
  groundTruth: GroundTruth;
  /** All specs of one UTC day, sorted oldest first. */
  daySpecs(day: number): SignInSpec[];
  signIns(options?: StreamOptions): Generator<GeneratedSignIn>;
}

export const DEFAULT_START = '2025-03-03';

export function createScenario(options: ScenarioOptions): Scenario {
  const seed = options.seed >>> 0;
  const users = options.users ?? 200;
  const days = options.days ?? 7;
  if (!Number.isInteger(days) || days < 1) throw new Error('days must be a positive integer');
  const start = Date.parse(`${options.start ?? DEFAULT_START}T00:00:00Z`);
  if (Number.isNaN(start)) throw new Error(`bad start date ${options.start}`);
  const tenant = buildTenant(seed, users, days);
  const ctx: GenContext = { seed, tenant, start, days, sessions: new Map() };
  const plan = planAttacks(ctx);
  const attackDays: SignInSpec[][] = Array.from({ length: days }, () => []);
  for (const s of plan.specs) {
    const d = Math.floor((s.ms - start) / DAY_MS);
    if (d < 0 || d >= days) throw new Error(`attack spec outside the window: ${graphTime(s.ms)}`);
    attackDays[d]!.push(s);
  }
  const root = new Rng(seed).fork('background');

  const daySpecs = (day: number): SignInSpec[] => {
    const dayRng = root.fork(`day:${day}`);
    const out: SignInSpec[] = [];
    for (const u of tenant.users) out.push(...userDay(ctx, dayRng.fork(`user:${u.index}`), u, day));
    for (const w of tenant.workloads) out.push(...workloadDay(ctx, dayRng.fork(`workload:${w.appId}`), w, day));
    out.push(...attackDays[day]!);
    return out.sort(compareSpecs);
  };

  function* signIns(opts: StreamOptions = {}): Generator<GeneratedSignIn> {
    const from = Math.max(0, opts.fromDay ?? 0);
    const to = Math.min(days, opts.toDay ?? days);
    const cats = opts.categories ? new Set(opts.categories) : null;
    const desc = opts.order === 'desc';
    for (let i = 0; i < to - from; i++) {
      const specs = daySpecs(desc ? to - 1 - i : from + i);
      if (desc) specs.reverse();
      for (const s of specs) if (!cats || cats.has(s.category)) yield buildSignIn(s);
    }
  }

  const groundTruth: GroundTruth = {
    seed,
    tenantId: TENANT_ID,
    tenantName: TENANT_NAME,
    domain: DOMAIN,
    users,
    days,
    start: graphTime(start),
    end: graphTime(start + days * DAY_MS),
    attacks: plan.attacks,
    untrustedText: plan.untrusted,
  };
  return { seed, users, days, start, tenant, groundTruth, daySpecs, signIns };
}
