/**
 * Fast bulk Graph output for benchmarks (1M-5M records). Real records are
 * generated once for one weekday of background traffic, serialized once, and
 * cut into byte templates at the fields that must stay unique (id,
 * correlationId, uniqueTokenIdentifier, timestamps). Each output record is a
 * template with fresh bytes spliced in, assembled straight into large
 * buffers: no JSON.stringify and no per-record strings.
 */
import { Rng } from './prng';
import { createScenario } from './scenario';
import { buildSignIn } from './build-signin';
import { Sink } from './writers/sink';
import { DAY_MS } from './time-format';

export interface BulkOptions {
  seed: number;
  records: number;
  /** 'graph' = one `value` page, 'array' = bare array, 'jsonl' = one object per line. */
  shape?: 'graph' | 'array' | 'jsonl';
  gzip?: boolean;
  /** Users in the template tenant (default 200). */
  users?: number;
  /** Time span the records are spread over (default 7 days from `start`). */
  days?: number;
  start?: string;
  /** Default: newest first, as Graph returns them. */
  order?: 'asc' | 'desc';
}

export interface BulkResult {
  path: string;
  records: number;
  bytes: number;
  templates: number;
  elapsedMs: number;
}

const enum Slot {
  Id,
  Corr,
  Uti,
  Time,
}
const MARK = '\u0001'; // JSON.stringify never emits it raw, so it is a safe cut marker
const CODES: Record<string, Slot> = { I: Slot.Id, C: Slot.Corr, U: Slot.Uti, T: Slot.Time };
const TIME_RE = /"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/g;
const BUFFER_SIZE = 8 << 20;

interface Template {
  literals: Buffer[];
  slots: Slot[];
  size: number;
}

function makeTemplates(seed: number, users: number): Template[] {
  const scenario = createScenario({ seed, users, days: 3 });
  const planted = new Set(scenario.groundTruth.attacks.flatMap((a) => a.requestIds));
  return scenario
    .daySpecs(1)
    .filter((s) => !planted.has(s.id))
    .map((spec) => {
      const s = buildSignIn(spec).signIn;
      const json = JSON.stringify(s).split(s.id).join(`${MARK}I`).split(s.correlationId).join(`${MARK}C`).split(s.uniqueTokenIdentifier).join(`${MARK}U`).replace(TIME_RE, `"${MARK}T"`);
      const pieces = json.split(MARK);
      const literals = [pieces[0]!, ...pieces.slice(1).map((p) => p.slice(1))].map((p) => Buffer.from(p, 'utf8'));
      const slots = pieces.slice(1).map((p) => CODES[p[0]!]!);
      return { literals, slots, size: literals.reduce((n, b) => n + b.length, 0) + slots.length * 36 + 2 };
    });
}

const HEX = new Uint8Array(512);
for (let i = 0; i < 256; i++) {
  const h = i.toString(16).padStart(2, '0');
  HEX[i * 2] = h.charCodeAt(0);
  HEX[i * 2 + 1] = h.charCodeAt(1);
}
const B64 = Buffer.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_');
const DASH = 45;

/** Write a version-4 GUID (36 bytes) at `p`; request ids end in "00" like real ones. */
function putGuid(buf: Buffer, p: number, rng: Rng, requestId: boolean): number {
  let q = p;
  for (let w = 0; w < 4; w++) {
    const n = rng.u32();
    for (let k = 3; k >= 0; k--) {
      const byte = (n >>> (k * 8)) & 255;
      buf[q++] = HEX[byte * 2]!;
      buf[q++] = HEX[byte * 2 + 1]!;
    }
  }
  // Insert dashes by shifting the 32 hex digits into 8-4-4-4-12 form.
  buf.copyWithin(p + 24, p + 20, p + 32);
  buf.copyWithin(p + 19, p + 16, p + 20);
  buf.copyWithin(p + 14, p + 12, p + 16);
  buf.copyWithin(p + 9, p + 8, p + 12);
  buf[p + 8] = DASH;
  buf[p + 13] = DASH;
  buf[p + 18] = DASH;
  buf[p + 23] = DASH;
  buf[p + 14] = 52; // '4'
  buf[p + 19] = HEX[(8 + (buf[p + 19]! & 3)) * 2 + 1]!; // variant 8..b
  if (requestId) buf[p + 34] = buf[p + 35] = 48; // '00'
  return p + 36;
}

/** 16 random bytes as unpadded base64url (22 chars), like newer uniqueTokenIdentifiers. */
function putToken(buf: Buffer, p: number, rng: Rng): number {
  for (let i = 0; i < 22; i += 5) {
    const n = rng.u32();
    for (let k = 0; k < 5 && i + k < 22; k++) buf[p + i + k] = B64[(n >>> (k * 6)) & 63]!;
  }
  return p + 22;
}

function repeat(buf: Buffer, p: number, from: number, length: number): number {
  buf.copyWithin(p, from, from + length);
  return p + length;
}

export async function writeGraphBulk(path: string, options: BulkOptions): Promise<BulkResult> {
  const began = performance.now();
  const shape = options.shape ?? 'graph';
  const total = Math.max(0, Math.floor(options.records));
  const templates = makeTemplates(options.seed >>> 0, options.users ?? 200);
  const rng = new Rng(options.seed >>> 0).fork('bulk');
  const start = Date.parse(`${options.start ?? '2025-03-03'}T00:00:00Z`);
  const span = (options.days ?? 7) * DAY_MS;
  const desc = (options.order ?? 'desc') === 'desc';
  const sink = new Sink(path, options.gzip ?? false);
  const head = shape === 'graph' ? '{"@odata.context":"https://graph.microsoft.com/beta/$metadata#auditLogs/signIns","value":[' : shape === 'array' ? '[' : '';
  let buf = Buffer.allocUnsafe(BUFFER_SIZE);
  let pos = buf.write(head, 0, 'latin1');
  let second = -1;
  const time = Buffer.alloc(20);

  for (let i = 0; i < total; i++) {
    const t = templates[Math.floor(rng.next() * templates.length)]!;
    if (pos + t.size > BUFFER_SIZE) {
      await sink.writeBytes(buf.subarray(0, pos)); // the stream keeps this buffer; start a new one
      buf = Buffer.allocUnsafe(BUFFER_SIZE);
      pos = 0;
    }
    const slot = desc ? total - 1 - i : i;
    const sec = Math.floor((start + ((slot + rng.next()) * span) / total) / 1000);
    if (sec !== second) {
      second = sec;
      time.write(new Date(sec * 1000).toISOString().slice(0, 19) + 'Z', 0, 'latin1');
    }
    if (i > 0 && shape !== 'jsonl') buf[pos++] = 44; // ','
    pos += t.literals[0]!.copy(buf, pos);
    let id = -1;
    let corr = -1;
    let uti = -1;
    for (let k = 0; k < t.slots.length; k++) {
      const s = t.slots[k]!;
      // id also fills originalRequestId: repeat the bytes already written for this record.
      if (s === Slot.Time) pos += time.copy(buf, pos);
      else if (s === Slot.Id) pos = id < 0 ? putGuid(buf, (id = pos), rng, true) : repeat(buf, pos, id, 36);
      else if (s === Slot.Corr) pos = corr < 0 ? putGuid(buf, (corr = pos), rng, false) : repeat(buf, pos, corr, 36);
      else pos = uti < 0 ? putToken(buf, (uti = pos), rng) : repeat(buf, pos, uti, 22);
      pos += t.literals[k + 1]!.copy(buf, pos);
    }
    if (shape === 'jsonl') buf[pos++] = 10;
  }
  pos += buf.write(shape === 'graph' ? ']}\n' : shape === 'array' ? ']\n' : '', pos, 'latin1');
  await sink.writeBytes(buf.subarray(0, pos));
  await sink.close();
  return { path, records: total, bytes: sink.bytesIn, templates: templates.length, elapsedMs: Math.round(performance.now() - began) };
}
