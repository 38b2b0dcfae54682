// Pivot: from a lead (a finding, selected sign-ins, a session) to "every sign-in of these users or
// these IPs from T onwards", as an ordinary filter (FilterSpec.anyOf + timeFrom) so it composes.
import { z } from 'zod';
import { LIMITS } from '../api/limits';
import { EMPTY_FILTER, FilterSpec, type Condition } from './filter-spec';

export const PivotScope = z.object({
  users: z.array(z.string()),
  ips: z.array(z.string()),
  /** The earliest and latest sign-in of the lead (epoch ms); null when none has a time. */
  timeFrom: z.number().nullable(),
  timeTo: z.number().nullable(),
  signins: z.number(),
  /** Distinct users / IPs beyond the LIMITS.maxValues a filter holds (then the pivot lists the most frequent). */
  usersLeftOut: z.number(),
  ipsLeftOut: z.number(),
});
export type PivotScope = z.infer<typeof PivotScope>;

export const pivotChannels = {
  /** The users, IPs and time span of the sign-ins of a filter (a selection: `{ rids }`; a session). */
  'query.scope': { req: z.object({ filter: FilterSpec }), res: PivotScope },
} as const;

/** The pivot as a filter: these users or these IPs (each capped at LIMITS.maxValues), from `timeFrom` on. */
export function pivotFilter(scope: { users: readonly string[]; ips: readonly string[]; timeFrom: number | null }): FilterSpec {
  const anyOf: Condition[] = [];
  if (scope.users.length) anyOf.push({ column: 'user_principal_name', op: 'in', values: scope.users.slice(0, LIMITS.maxValues) });
  if (scope.ips.length) anyOf.push({ column: 'ip_address', op: 'in', values: scope.ips.slice(0, LIMITS.maxValues) });
  const filter: FilterSpec = { ...EMPTY_FILTER, anyOf };
  if (scope.timeFrom !== null) filter.timeFrom = Math.floor(scope.timeFrom);
  return filter;
}
