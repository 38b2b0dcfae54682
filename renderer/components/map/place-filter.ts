// Map clicks become filter conditions of the workbench (the map, the grid and the timeline all
// follow): a country click filters on the country; shift/ctrl-click adds it to the ones already
// picked; clicking a picked country removes it.
import type { Condition } from '../../../shared/model/filter-spec';
import { useStore } from '../../store/store';
import type { Point } from './popup-content';

export function clickCountry(iso2: string, additive: boolean): void {
  const store = useStore.getState();
  const current = store.filter.conditions.find((c) => c.column === 'country' && c.op === 'in');
  const picked = (current?.values ?? []).map(String);
  let next: string[];
  if (picked.includes(iso2)) next = picked.filter((c) => c !== iso2);
  else next = additive ? [...picked, iso2] : [iso2];
  store.setColumnCondition('country', next.length ? { column: 'country', op: 'in', values: next } : null);
}

/**
 * A location as conditions on the sign-in's own country and city. Only exact when the point was
 * placed from the log's location (source 'log'); otherwise the country is the closest filter the
 * columns allow.
 */
export function placeConditions(p: Point): Condition[] {
  if (!p.country) return [];
  const out: Condition[] = [{ column: 'country', op: 'in', values: [p.country] }];
  if (p.city && p.source === 'log') out.push({ column: 'city', op: 'in', values: [p.city] });
  return out;
}

export function filterToPlace(p: Point): void {
  const store = useStore.getState();
  const conditions = placeConditions(p);
  if (!conditions.some((c) => c.column === 'city')) store.setColumnCondition('city', null);
  for (const c of conditions) store.setColumnCondition(c.column, c);
}
