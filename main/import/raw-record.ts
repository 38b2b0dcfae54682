// The verbatim text of one imported record, read back from its evidence file (opened read-only).
// Offsets are positions in the decoded UTF-8 stream of openEvidence(): for plain UTF-8 files that is
// the file's own byte offset (a positional read); gzip and UTF-16 files are decoded again from the start.
import { promises as fsp } from 'node:fs';
import { openEvidence } from './evidence';

export interface RawSource {
  path: string;
  encoding: string | null;
  compressed: boolean;
  /** Size recorded at import: a different size now means the file changed. */
  size?: number | null;
  /** Format label from the import; CSV rows are shown as they are, JSON records pretty-printed. */
  format?: string | null;
}

export interface RawRecord {
  text: string | null;
  note: string | null;
}

export const RAW_CAP_BYTES = 2 * 1024 * 1024;

export async function readRawRecord(source: RawSource, offset: number, length: number): Promise<RawRecord> {
  let size: number;
  try {
    const stat = await fsp.stat(source.path);
    if (!stat.isFile()) return { text: null, note: `evidence file missing: ${source.path} is not a file` };
    size = stat.size;
  } catch {
    return { text: null, note: `evidence file missing: ${source.path}` };
  }
  if (source.size != null && size !== source.size) {
    return { text: null, note: `evidence file changed since import: ${source.path} (was ${source.size} bytes, now ${size})` };
  }
  const wanted = Math.min(length, RAW_CAP_BYTES);
  const plain = !source.compressed && (source.encoding === 'utf-8' || source.encoding === 'utf-8-bom' || source.encoding === null);
  let bytes: Buffer;
  try {
    bytes = plain ? await readPositional(source.path, offset, wanted) : await readDecoded(source.path, offset, wanted);
  } catch (e) {
    return { text: null, note: `evidence file could not be read: ${(e as Error).message}` };
  }
  if (bytes.length < wanted) return { text: null, note: `evidence file is shorter than at import: ${source.path}` };
  const text = bytes.toString('utf8');
  if (length > RAW_CAP_BYTES) return { text, note: `record is ${length.toLocaleString('en')} bytes; showing the first 2 MB` };
  return { text: /csv/i.test(source.format ?? '') ? text : prettyJson(text), note: null };
}

async function readPositional(path: string, offset: number, length: number): Promise<Buffer> {
  const handle = await fsp.open(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    let got = 0;
    while (got < length) {
      const { bytesRead } = await handle.read(buf, got, length - got, offset + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return buf.subarray(0, got);
  } finally {
    await handle.close();
  }
}

/** Runs the import's own decoding (gunzip, UTF-16 → UTF-8) up to the record and cuts it out. */
async function readDecoded(path: string, offset: number, length: number): Promise<Buffer> {
  const evidence = await openEvidence(path);
  const parts: Buffer[] = [];
  let pos = 0;
  let got = 0;
  try {
    for await (const chunk of evidence.chunks) {
      const end = pos + chunk.length;
      if (end > offset) {
        const from = Math.max(0, offset - pos);
        const to = Math.min(chunk.length, offset + length - pos);
        parts.push(Buffer.from(chunk.subarray(from, to)));
        got += to - from;
        if (got >= length) break;
      }
      pos = end;
    }
  } finally {
    evidence.close();
  }
  return Buffer.concat(parts);
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text; // not strict JSON (e.g. a repaired trailing comma): shown exactly as stored
  }
}
