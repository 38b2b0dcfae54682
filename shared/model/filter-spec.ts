// The filter a view applies, as data: built by the filter bar, the timeline brush, map clicks and
// detections; turned into SQL only in main/query/filters.ts against the column allowlist.
import { z } from 'zod';
import { LIMITS } from '../api/limits';

export const FILTER_OPS = ['eq', 'neq', 'in', 'notIn', 'contains', 'notContains', 'startsWith', 'cidr', 'isNull', 'notNull', 'gte', 'lte', 'regex'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

const Scalar = z.union([z.string().max(LIMITS.maxText), z.number()]);

export const Condition = z.object({
  column: z.string().max(64),
  op: z.enum(FILTER_OPS),
  values: z.array(Scalar).max(LIMITS.maxValues).default([]),
});
export type Condition = z.infer<typeof Condition>;

export const FilterSpec = z.object({
  /** Inclusive start and exclusive end, epoch ms. */
  timeFrom: z.number().int().optional(),
  timeTo: z.number().int().optional(),
  /** Free text, matched against the text columns. */
  text: z.string().max(LIMITS.maxText).optional(),
  conditions: z.array(Condition).max(64).default([]),
  /** Only sign-ins carrying one of these annotation tags (annotations feature). */
  tags: z.array(z.string().max(64)).max(16).optional(),
  /** Only these rows (a session's or a finding's sign-ins). */
  rids: z.array(z.number().int()).max(LIMITS.maxRids).optional(),
  /**
   * Rows matching at least one of these conditions, AND-ed with the rest: a pivot ("every sign-in of
   * these users or these IPs", with `timeFrom` for "from T onwards").
   */
  anyOf: z.array(Condition).max(16).optional(),
});
export type FilterSpec = z.infer<typeof FilterSpec>;

/** True when nothing but the time range narrows the rows (no condition, text, tag, row list or pivot). */
export function onlyTimeBounds(f: FilterSpec): boolean {
  return f.conditions.length === 0 && !f.text?.trim() && !f.rids && !f.tags?.length && !f.anyOf?.length;
}

/** True when the filter keeps every sign-in of the case. */
export function isEverything(f: FilterSpec): boolean {
  return onlyTimeBounds(f) && f.timeFrom === undefined && f.timeTo === undefined;
}

export const SortKey = z.object({
  column: z.string().max(64),
  dir: z.enum(['asc', 'desc']),
});
export type SortKey = z.infer<typeof SortKey>;

export const MAX_SORT_KEYS = 4;

/**
 * Sort keys, most significant first; ties left by all of them are broken by time, then row id, in
 * the first key's direction (main/query/row-order.ts). A single key object (the older form, kept in
 * saved views and preferences) stays valid: read it through sortKeys().
 */
export const SortSpec = z.union([SortKey, z.array(SortKey).min(1).max(MAX_SORT_KEYS)]);
export type SortSpec = z.infer<typeof SortSpec>;

/** The keys of a sort given in either form. */
export function sortKeys(sort: SortSpec): SortKey[] {
  return Array.isArray(sort) ? sort : [sort];
}

export const EMPTY_FILTER: FilterSpec = { conditions: [] };

export const OP_LABELS: Record<FilterOp, string> = {
  eq: 'is',
  neq: 'is not',
  in: 'is any of',
  notIn: 'is none of',
  contains: 'contains',
  notContains: 'does not contain',
  startsWith: 'starts with',
  cidr: 'in range',
  isNull: 'is empty',
  notNull: 'is not empty',
  gte: '≥',
  lte: '≤',
  regex: 'matches',
};

/** Regular expressions are run per distinct value; long patterns are refused (main/query/regex.ts). */
export const MAX_REGEX_LENGTH = 200;
