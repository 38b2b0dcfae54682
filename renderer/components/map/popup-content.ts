// Popup of a location (or of several merged at this zoom): where, how many sign-ins with what
// outcome, and the actions. Built from DOM nodes with text only (see dom.ts).
import type { z } from 'zod';
import type { GeoPoint } from '../../../shared/model/geo';
import { formatCount, formatPercent } from '../../format/numbers';
import { button, el } from './dom';
import type { OutcomeCounts } from './map-colors';

export type Point = z.infer<typeof GeoPoint>;

const SOURCE_LABELS: Record<string, string> = {
  log: 'location in the log',
  gazetteer: 'city from the log, placed with the gazetteer',
  'gazetteer-region': 'region from the log, placed with the gazetteer',
  'city-mmdb': 'IP city database',
  'asn-mmdb': 'IP ASN database',
  'country-mmdb': 'IP country database (country centre)',
  'country-centroid': 'country centre',
};

export function placeLabel(p: Pick<Point, 'city' | 'country'>): string {
  return [p.city, p.country].filter(Boolean).join(', ') || 'Unknown place';
}

export function sumCounts(points: readonly Point[]): OutcomeCounts & { users: number; ips: number } {
  const s = { total: 0, success: 0, failure: 0, interrupted: 0, users: 0, ips: 0 };
  for (const p of points) {
    s.total += p.total;
    s.success += p.success;
    s.failure += p.failure;
    s.interrupted += p.interrupted;
    s.users += p.users;
    s.ips += p.ips;
  }
  return s;
}

function outcomeRows(c: OutcomeCounts): HTMLElement {
  const bar = el('div', 'stack-bar map-stack');
  const table = el('div', 'mp-outcomes');
  for (const [key, label] of [
    ['success', 'Success'],
    ['failure', 'Failure'],
    ['interrupted', 'Interrupted'],
  ] as const) {
    const n = c[key];
    const seg = el('span', `stack-seg st-${key}`);
    seg.style.width = `${(n / Math.max(1, c.total)) * 100}%`;
    bar.append(seg);
    if (n > 0) table.append(el('span', 'mp-outcome', el('span', `dot st-${key}`), ` ${label} `, el('strong', undefined, formatCount(n)), el('span', 'muted', ` ${formatPercent(n, c.total)}`)));
  }
  return el('div', undefined, bar, table);
}

export interface PopupActions {
  filterPlace(p: Point): void;
  zoomTo(points: readonly Point[]): void;
}

export function pointPopup(points: readonly Point[], actions: PopupActions): HTMLElement {
  const sum = sumCounts(points);
  const single = points.length === 1 ? points[0]! : null;
  const root = el('div', 'map-popup');
  root.dataset.testid = 'map-popup';
  if (single) {
    root.append(el('div', 'mp-title', placeLabel(single)));
    const how = single.source ? (SOURCE_LABELS[single.source] ?? single.source) : 'unknown source';
    const within = single.uncertaintyKm ? ` · within ~${formatCount(single.uncertaintyKm)} km` : '';
    root.append(el('div', 'mp-sub muted', `${single.lat.toFixed(2)}, ${single.lon.toFixed(2)} · ${how}${within}`));
  } else {
    root.append(el('div', 'mp-title', `${points.length} places merged at this zoom`));
    const places = el('div', 'mp-places');
    for (const p of [...points].sort((a, b) => b.total - a.total).slice(0, 5)) places.append(el('span', 'mp-place', el('span', undefined, placeLabel(p)), el('span', 'muted', formatCount(p.total))));
    if (points.length > 5) places.append(el('span', 'muted', `+${points.length - 5} more`));
    root.append(places);
  }
  root.append(el('div', 'mp-total', el('strong', undefined, formatCount(sum.total)), ' sign-ins'));
  root.append(outcomeRows(sum));
  if (single) root.append(el('div', 'mp-sub muted', `${formatCount(single.users)} users · ${formatCount(single.ips)} IP addresses`));
  const actionsRow = el('div', 'mp-actions');
  if (single) actionsRow.append(button(single.city ? `Filter to ${placeLabel(single)}` : `Filter to ${single.country ?? 'this country'}`, 'btn small primary', () => actions.filterPlace(single)));
  actionsRow.append(button(single ? 'Zoom here' : 'Zoom in', 'btn small', () => actions.zoomTo(points)));
  root.append(actionsRow);
  return root;
}
