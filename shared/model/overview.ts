// Overview channels beyond stats.overview: top values as shares of every sign-in in the filter.
import { z } from 'zod';
import { FilterSpec } from './filter-spec';

const Cell = z.union([z.string(), z.number(), z.null()]);

export const overviewChannels = {
  /**
   * Top values of a column under the whole filter (its own column's conditions included, unlike
   * query.facets): each count over stats.overview's `signins` is its share of the filter's sign-ins.
   */
  'stats.top': {
    req: z.object({ filter: FilterSpec, column: z.string().max(64), limit: z.number().int().min(1).max(500).default(8) }),
    res: z.object({ values: z.array(z.object({ value: Cell, count: z.number() })), distinct: z.number() }),
  },
} as const;
