// Group-by-any-column in the grid (Timeline Explorer's group bar): schemas of `query.groups` and how
// a path of group values becomes filter conditions, so a group's sign-ins are an ordinary snapshot.
import { z } from 'zod';
import type { Condition, FilterSpec } from './filter-spec';
import { FilterSpec as FilterSpecSchema } from './filter-spec';
import { MAX_GROUP_LEVELS } from './grid-columns';

const Cell = z.union([z.string(), z.number(), z.null()]);
export type GroupValue = z.infer<typeof Cell>;

export const GroupsReq = z.object({
  filter: FilterSpecSchema,
  /** Grouping columns, outermost first. */
  by: z.array(z.string().max(64)).min(1).max(MAX_GROUP_LEVELS),
  /** Values of the outer groups that lead to the level asked for (shorter than `by`). */
  path: z
    .array(Cell)
    .max(MAX_GROUP_LEVELS - 1)
    .default([]),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
});

export const GroupsRes = z.object({
  /** Groups at this level. */
  total: z.number(),
  /** Sign-ins under the path (the sum of every group's count). */
  matching: z.number(),
  /** Most sign-ins first; a null value is the group of rows where the column is empty. */
  rows: z.array(z.object({ value: Cell, count: z.number() })),
  ms: z.number(),
});

export const groupChannels = {
  /** One level of groups under a path of outer group values, with counts, paged. */
  'query.groups': { req: GroupsReq, res: GroupsRes },
} as const;

/** Conditions selecting the rows of one group path: `column is value`, or `is empty` for null. */
export function groupPathConditions(by: readonly string[], path: readonly GroupValue[]): Condition[] {
  return path.map((value, i) => (value === null ? { column: by[i]!, op: 'isNull', values: [] } : { column: by[i]!, op: 'eq', values: [value] }));
}

/** The filter narrowed to one group path. */
export function withGroupPath(filter: FilterSpec, by: readonly string[], path: readonly GroupValue[]): FilterSpec {
  return { ...filter, conditions: [...filter.conditions, ...groupPathConditions(by, path)] };
}
