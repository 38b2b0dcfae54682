// Colours of the map, matching the workbench theme (app.css variables): markers blend the outcome
// colours by count, countries are shaded by sign-in count on a log scale.
export interface OutcomeCounts {
  total: number;
  success: number;
  failure: number;
  interrupted: number;
}

type Rgb = [number, number, number];

const SUCCESS: Rgb = [63, 174, 122];
const FAILURE: Rgb = [229, 83, 75];
const INTERRUPTED: Rgb = [217, 161, 59];
const OTHER: Rgb = [110, 119, 134];
/** Failures and interruptions weigh more: a few failed attempts among many successes still show. */
const PROBLEM_WEIGHT = 4;

/** A theme colour from base.css (light or dark), with the dark value where no document exists (tests). */
function themeColor(name: string, fallback: string): string {
  if (typeof document === 'undefined') return fallback;
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

export const MAP_COLORS = {
  ocean: '#0b0e12',
  get land() {
    return themeColor('--c-map-land', '#1a1f27');
  },
  get border() {
    return themeColor('--c-map-border', '#2c3440');
  },
  borderHover: '#8fb8ff',
  shadeFrom: [33, 45, 64] as Rgb,
  shadeTo: [58, 104, 178] as Rgb,
  travel: '#5b9cff',
  impossible: '#ff5b52',
  stop: '#dfe8f5',
};

function hex([r, g, b]: Rgb): string {
  return `#${[r, g, b]
    .map((v) =>
      Math.round(Math.max(0, Math.min(255, v)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/** Weighted blend of the outcome colours (pure green, red or amber when only one outcome). */
export function outcomeColor(c: OutcomeCounts): string {
  const other = Math.max(0, c.total - c.success - c.failure - c.interrupted);
  const parts: Array<[Rgb, number]> = [
    [SUCCESS, c.success],
    [FAILURE, c.failure * PROBLEM_WEIGHT],
    [INTERRUPTED, c.interrupted * PROBLEM_WEIGHT],
    [OTHER, other],
  ];
  const weight = parts.reduce((a, [, w]) => a + w, 0);
  if (weight === 0) return hex(OTHER);
  const rgb: Rgb = [0, 0, 0];
  for (const [col, w] of parts) for (let i = 0; i < 3; i++) rgb[i]! += (col[i]! * w) / weight;
  return hex(rgb);
}

/** 0..1 on a log scale, so a country with 10 sign-ins is visible next to one with 100,000. */
export function shadeLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.log1p(count) / Math.log1p(max);
}

export function shadeColor(level: number): string {
  return hex(mix(MAP_COLORS.shadeFrom, MAP_COLORS.shadeTo, level));
}

/** Marker radius in px: area proportional to the count (sqrt scale). */
export function markerRadius(count: number, max: number, min = 4, maxRadius = 26): number {
  if (max <= 0) return min;
  return min + (maxRadius - min) * Math.sqrt(Math.min(1, count / max));
}
