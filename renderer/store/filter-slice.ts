// The active FilterSpec and what its special parts stand for (a pivot's label, a rid list's label).
// The filter bar keeps at most one condition per column; other producers (correlation link, timeline
// brush, detections) go through the same setters. Switching view or cursor along with a new filter is
// for renderer/actions/navigate.ts, not for this slice.
import { EMPTY_FILTER, type Condition, type FilterSpec } from '../../shared/model/filter-spec';
import type { SliceCreator } from './types';

export interface RidsFilterLabel {
  /** The exact array put in the filter: the label applies while the filter still holds it. */
  rids: readonly number[];
  label: string;
}

export interface FilterSlice {
  filter: FilterSpec;
  /** What a "Show sign-ins" rid filter stands for (the filter bar names it). */
  ridsFilterLabel: RidsFilterLabel | null;
  /** Replaces every condition on `column` with `condition` (or removes them when null). */
  setColumnCondition(column: string, condition: Condition | null): void;
  removeConditionAt(index: number): void;
  setTimeRange(from: number | undefined, to: number | undefined): void;
  setText(text: string): void;
  clearFilters(): void;
  /** Where the pivot part of the filter (`anyOf`) came from, while the filter still holds it. */
  pivotLabel: { anyOf: readonly Condition[]; label: string } | null;
  /** Replaces the filter with a pivot (shared/model/pivot.ts) named by `label`. */
  applyPivot(filter: FilterSpec, label: string): void;
  removePivot(): void;
  /** Exactly these sign-ins (every other filter is dropped), named by `label`. */
  showRids(rids: number[], label: string): void;
  removeRids(): void;
  /** Replaces the whole filter (a saved view): the rid list's label no longer applies. */
  replaceFilter(filter: FilterSpec): void;
  /** Only sign-ins carrying one of these tags (an empty list removes the tag filter). */
  setTagFilter(tags: string[]): void;
}

export const createFilterSlice: SliceCreator<FilterSlice> = (set) => ({
  filter: EMPTY_FILTER,
  setColumnCondition: (column, condition) =>
    set((s) => {
      const others = s.filter.conditions.filter((c) => c.column !== column);
      return { filter: { ...s.filter, conditions: condition ? [...others, condition] : others } };
    }),
  removeConditionAt: (index) => set((s) => ({ filter: { ...s.filter, conditions: s.filter.conditions.filter((_, i) => i !== index) } })),
  setTimeRange: (timeFrom, timeTo) => set((s) => ({ filter: withTime(s.filter, timeFrom, timeTo) })),
  setText: (text) =>
    set((s) => {
      const trimmed = text.trim();
      const next = { ...s.filter };
      if (trimmed) next.text = trimmed;
      else delete next.text;
      return { filter: next };
    }),
  clearFilters: () => set({ filter: EMPTY_FILTER }),
  pivotLabel: null,
  applyPivot: (filter, label) => set({ filter, pivotLabel: filter.anyOf ? { anyOf: filter.anyOf, label } : null }),
  removePivot: () =>
    set((s) => {
      const next = { ...s.filter };
      delete next.anyOf;
      return { filter: next, pivotLabel: null };
    }),
  ridsFilterLabel: null,
  showRids: (rids, label) => set({ filter: { conditions: [], rids }, ridsFilterLabel: { rids, label } }),
  removeRids: () =>
    set((s) => {
      const next = { ...s.filter };
      delete next.rids;
      return { filter: next, ridsFilterLabel: null };
    }),
  replaceFilter: (filter) => set({ filter, ridsFilterLabel: null }),
  setTagFilter: (tags) =>
    set((s) => {
      const next = { ...s.filter };
      if (tags.length) next.tags = tags;
      else delete next.tags;
      return { filter: next };
    }),
});

function withTime(filter: FilterSpec, from: number | undefined, to: number | undefined): FilterSpec {
  const next = { ...filter };
  delete next.timeFrom;
  delete next.timeTo;
  if (from !== undefined) next.timeFrom = Math.floor(from);
  if (to !== undefined) next.timeTo = Math.ceil(to);
  return next;
}
