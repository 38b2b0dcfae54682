// The active FilterSpec. The filter bar keeps at most one condition per column; other producers
// (correlation link, timeline brush, later detections) go through the same actions.
import { EMPTY_FILTER, type Condition, type FilterSpec } from '../../shared/model/filter-spec';
import type { SliceCreator } from './types';

export interface FilterSlice {
  filter: FilterSpec;
  /** Replaces every condition on `column` with `condition` (or removes them when null). */
  setColumnCondition(column: string, condition: Condition | null): void;
  removeConditionAt(index: number): void;
  setTimeRange(from: number | undefined, to: number | undefined): void;
  setText(text: string): void;
  clearFilters(): void;
  /** Where the pivot part of the filter (`anyOf`) came from, while the filter still holds it. */
  pivotLabel: { anyOf: readonly Condition[]; label: string } | null;
  /** Replaces the filter with a pivot (shared/model/pivot.ts) named by `label`; the Sign-ins tab opens. */
  applyPivot(filter: FilterSpec, label: string): void;
  removePivot(): void;
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
  applyPivot: (filter, label) => set({ filter, pivotLabel: filter.anyOf ? { anyOf: filter.anyOf, label } : null, selected: null, view: 'signins' }),
  removePivot: () =>
    set((s) => {
      const next = { ...s.filter };
      delete next.anyOf;
      return { filter: next, pivotLabel: null };
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
