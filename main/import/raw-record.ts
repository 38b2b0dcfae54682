// The verbatim text of one imported record, read back from its evidence file (opened read-only).
// Offsets are positions in the decoded UTF-8 stream of openEvidence(): for plain UTF-8 files that is
// the file's own byte offset (a positional read); gzip and UTF-16 files are decoded again from the start.
import type { FileHandle } from 'node:fs/promises';
import { identityOf, sameIdentity, type FileIdentity } from '../cases/evidence-check';
import { openEvidence, openRegularFile } from './evidence';

export interface RawSource {
  path: string;
  encoding: string | null;
  compressed: boolean;
  /** The file as verified against the manifest (size and SHA-256): read only while it is still that file. */
  identity: FileIdentity;
  /** Format label from the import; CSV rows are shown as they are, JSON records pretty-printed. */
  format?: string | null;
}

export interface RawRecord {
  text: string | null;
  note: string | null;
}

export const RAW_CAP_BYTES = 2 * 1024 * 1024;

/** Reads one record back from a verified evidence file (main/cases/evidence-check.ts intactEvidence). */
export async function readRawRecord(source: RawSource, offset: number, length: number): Promise<RawRecord> {
  const wanted = Math.min(length, RAW_CAP_BYTES);
  const plain = !source.compressed && (source.encoding === 'utf-8' || source.encoding === 'utf-8-bom' || source.encoding === null);
  let bytes: Buffer;
  try {
    const handle = await openRegularFile(source.path);
    try {
      if (!sameIdentity(identityOf(await handle.stat()), source.identity)) return { text: null, note: `evidence missing or changed: ${source.path} is not the file that was verified` };
      bytes = plain ? await readPositional(handle, offset, wanted) : await readDecoded(source.path, offset, wanted);
    } finally {
      await handle.close();
    }
  } catch (e) {
    return { text: null, note: `evidence missing or changed: ${(e as Error).message}` };
  }
  if (bytes.length < wanted) return { text: null, note: `evidence file is shorter than at import: ${source.path}` };
  const text = bytes.toString('utf8');
  if (length > RAW_CAP_BYTES) return { text, note: `record is ${length.toLocaleString('en')} bytes; showing the first 2 MB` };
  return { text: /csv/i.test(source.format ?? '') ? text : prettyJson(text), note: null };
}

async function readPositional(handle: FileHandle, offset: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const { bytesRead } = await handle.read(buf, got, length - got, offset + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return buf.subarray(0, got);
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
