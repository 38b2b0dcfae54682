// The pre-screening half of a triage import: which records may match, decided on their bytes before
// any JSON.parse or normalization. A record can only match when, for every kind of the filter that
// can be screened (users, apps, IPv4), one of its needles occurs in the record's bytes. Whole chunks
// are searched with Buffer#indexOf for an anchor of each needle (its `@`, a run of non-letters, or the
// case variants of its first letters), and a hit is confirmed byte by byte around the anchor, folding
// A-Z. The screen may let through records that do not match (the confirming half drops them), never
// the other way round.
import type { ImportFilter } from '../../../shared/model/import-filter';
import { asciiLower, rangeOf } from './filter-match';

interface Needle {
  bytes: Buffer; // A-Z folded to a-z when `fold`
  anchorAt: number; // where the anchor sits in the needle
  fold: boolean;
}

interface AnchorGroup {
  anchor: Buffer;
  needles: Needle[];
}

/** One screened kind (users, apps or IPs): anchors to search and the hits of the current chunk. */
interface Kind {
  groups: AnchorGroup[];
  starts: number[]; // absolute [start, end) of each hit, sorted by start after a scan
  ends: number[];
}

const BACKSLASH_U = Buffer.from('\\u');
const BACKSLASH_SLASH = Buffer.from('\\/');

export class ByteScreen {
  private readonly kinds: Kind[];
  /** JSON escapes that could spell a needle's characters: `\u0040` for `@`, `\/` for `/`. */
  private readonly escapes: Buffer[];
  private escapeAt: number[] = [];
  private chunkStart = 0;
  private chunkEnd = 0;
  private json = false;

  constructor(filter: ImportFilter) {
    const kinds = [textKind(filter.users), textKind(filter.apps), ipKind(filter.ips)];
    this.kinds = kinds.filter((k): k is Kind => k !== null);
    const slash = [...(filter.users ?? []), ...(filter.apps ?? [])].some((t) => t.includes('/'));
    this.escapes = slash ? [BACKSLASH_U, BACKSLASH_SLASH] : [BACKSLASH_U];
  }

  /** False when no kind of the filter can be screened on bytes (time bounds only, IPv6): every record is a candidate. */
  get active(): boolean {
    return this.kinds.length > 0;
  }

  /** Finds the hits of one chunk (`base`: its absolute offset). `json`: JSON escapes may hide needles. */
  scan(chunk: Buffer, base: number, json: boolean): void {
    this.chunkStart = base;
    this.chunkEnd = base + chunk.length;
    this.json = json;
    for (const kind of this.kinds) scanKind(kind, chunk, base);
    this.escapeAt = [];
    if (json) for (const e of this.escapes) for (let i = chunk.indexOf(e); i >= 0; i = chunk.indexOf(e, i + 1)) this.escapeAt.push(base + i);
    this.escapeAt.sort((a, b) => a - b);
  }

  /**
   * May the record at absolute `[offset, offset + length)` match? A record not wholly inside the
   * scanned chunk (it began in an earlier one) is searched on its own `bytes` when given, else let through.
   */
  mayMatch(offset: number, length: number, bytes?: Buffer): boolean {
    const end = offset + length;
    if (!this.active) return true;
    if (offset < this.chunkStart || end > this.chunkEnd) return bytes === undefined || this.recordMayMatch(bytes);
    if (firstAtOrAfter(this.escapeAt, offset) < end) return true;
    return this.kinds.every((k) => hasHitWithin(k, offset, end));
  }

  private recordMayMatch(bytes: Buffer): boolean {
    if (this.json && this.escapes.some((e) => bytes.includes(e))) return true;
    return this.kinds.every((k) => k.groups.some((g) => !eachHit(g, bytes, () => false)));
  }
}

function textKind(items: readonly string[] | undefined): Kind | null {
  if (!items?.length) return null;
  return kindOf(items.map((t) => needleOf(Buffer.from(asciiLower(t.trim())), true)));
}

/** IPv4 addresses and ranges by their dotted text (the prefix's whole octets); IPv6 text has too many spellings to screen. */
function ipKind(items: readonly string[] | undefined): Kind | null {
  if (!items?.length) return null;
  const needles: AnchoredNeedle[] = [];
  for (const text of items) {
    const range = rangeOf(text);
    const octets = Math.floor(range.prefix / 8);
    if (range.bytes.length !== 4 || octets === 0) return null;
    const dotted = [...range.bytes.subarray(0, octets)].join('.') + (octets < 4 ? '.' : '');
    needles.push(needleOf(Buffer.from(dotted), false));
  }
  return kindOf(needles);
}

interface AnchoredNeedle {
  needle: Needle;
  anchors: Buffer[]; // byte strings searched for it
}

/**
 * The anchor searched for a needle: its `@` (rare in sign-in records outside user names), else its
 * longest run of non-letters when 3 bytes or more (cased the same everywhere), else every A-Z case
 * of its first 3 bytes (at most 8 searches).
 */
function needleOf(bytes: Buffer, fold: boolean): AnchoredNeedle {
  if (!fold) return { needle: { bytes, anchorAt: 0, fold }, anchors: [bytes] };
  const at = bytes.indexOf(0x40);
  if (at >= 0) return { needle: { bytes, anchorAt: at, fold }, anchors: [bytes.subarray(at, at + 1)] };
  const run = longestNonLetterRun(bytes);
  if (run.length >= 3) return { needle: { bytes, anchorAt: run.start, fold }, anchors: [bytes.subarray(run.start, run.start + Math.min(run.length, 8))] };
  const head = bytes.subarray(0, Math.min(3, bytes.length));
  let variants = [Buffer.from(head)];
  head.forEach((b, i) => {
    if (b < 0x61 || b > 0x7a) return;
    variants = variants.flatMap((v) => {
      const upper = Buffer.from(v);
      upper[i] = b - 0x20;
      return [v, upper];
    });
  });
  return { needle: { bytes, anchorAt: 0, fold }, anchors: variants };
}

function kindOf(needles: AnchoredNeedle[]): Kind {
  const groups = new Map<string, AnchorGroup>();
  for (const { needle, anchors } of needles) {
    for (const anchor of anchors) {
      const key = anchor.toString('latin1');
      const g = groups.get(key) ?? { anchor, needles: [] };
      g.needles.push(needle);
      groups.set(key, g);
    }
  }
  return { groups: [...groups.values()], starts: [], ends: [] };
}

function longestNonLetterRun(bytes: Buffer): { start: number; length: number } {
  let best = { start: 0, length: 0 };
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && !isLetter(bytes[i]!)) continue;
    if (i - start > best.length) best = { start, length: i - start };
    start = i + 1;
  }
  return best;
}

function isLetter(b: number): boolean {
  return (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
}

function scanKind(kind: Kind, chunk: Buffer, base: number): void {
  const hits: [number, number][] = [];
  for (const g of kind.groups) eachHit(g, chunk, (start, end) => void hits.push([base + start, base + end]));
  hits.sort((a, b) => a[0] - b[0]);
  kind.starts = hits.map((h) => h[0]);
  kind.ends = hits.map((h) => h[1]);
}

/** Calls `onHit` with each needle occurrence of the group in `buf` until it returns false; false when it did. */
function eachHit(g: AnchorGroup, buf: Buffer, onHit: (start: number, end: number) => boolean | void): boolean {
  for (let p = buf.indexOf(g.anchor); p >= 0; p = buf.indexOf(g.anchor, p + 1)) {
    for (const n of g.needles) {
      const start = p - n.anchorAt;
      if (start >= 0 && start + n.bytes.length <= buf.length && equalAt(buf, start, n) && onHit(start, start + n.bytes.length) === false) return false;
    }
  }
  return true;
}

function equalAt(chunk: Buffer, start: number, n: Needle): boolean {
  const want = n.bytes;
  for (let i = 0; i < want.length; i++) {
    let b = chunk[start + i]!;
    if (n.fold && b >= 0x41 && b <= 0x5a) b |= 0x20;
    if (b !== want[i]) return false;
  }
  return true;
}

function hasHitWithin(kind: Kind, offset: number, end: number): boolean {
  for (let i = firstIndexAtOrAfter(kind.starts, offset); i < kind.starts.length && kind.starts[i]! < end; i++) if (kind.ends[i]! <= end) return true;
  return false;
}

/** The first value ≥ `x` in a sorted array, or Infinity. */
function firstAtOrAfter(sorted: readonly number[], x: number): number {
  const i = firstIndexAtOrAfter(sorted, x);
  return i < sorted.length ? sorted[i]! : Infinity;
}

function firstIndexAtOrAfter(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
