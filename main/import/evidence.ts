// Reads an evidence file exactly once, read-only: raw bytes feed the SHA-256 (the case's evidence
// manifest) while gunzip and UTF-16 transcoding turn them into the UTF-8 byte stream that the
// readers split. Offsets in that stream locate each record for the Raw view (raw-record.ts).
import { createHash } from 'node:crypto';
import { constants, createReadStream, promises as fsp, type Stats } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { PassThrough, type Readable } from 'node:stream';
import { Utf8Check } from './utf8-check';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export interface EvidenceStream {
  /** UTF-8 bytes of the (decompressed, transcoded) content. */
  chunks: AsyncIterable<Buffer>;
  compressed: boolean;
  encoding: TextEncoding;
  size: number;
  /** Raw (on-disk) bytes read so far: progress against `size`. */
  bytesRead(): number;
  /** SHA-256 of the bytes read (the file as stored when it was opened); complete once `chunks` is exhausted. */
  sha256(): string;
  /** Invalid UTF-8 sequences or unpaired UTF-16 surrogates (each decoded as U+FFFD) and the offset of the first. */
  invalidText(): { count: number; firstOffset: number };
  /** After `chunks` is exhausted: why the file is not what was opened (size, modification, replaced), or null. */
  changedDuringImport(): Promise<string | null>;
  close(): void;
}

const CHUNK = 1 << 20;

/** A FIFO, device, socket or directory named as evidence (or in a case's manifest): refused, never read. */
export class NotRegularFileError extends Error {
  constructor(path: string, stat: Stats) {
    super(`${path} is ${fileKind(stat)}, not a regular file: refused without reading it`);
  }
}

function fileKind(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * The one way evidence (and case files) are opened: only a regular file. stat() first, so a device is
 * never even opened; O_NONBLOCK so that a FIFO swapped in after the stat cannot block open() waiting
 * for a writer; fstat() of the open handle is what decides.
 */
export async function openRegularFile(path: string): Promise<fsp.FileHandle> {
  const before = await fsp.stat(path);
  if (!before.isFile()) throw new NotRegularFileError(path, before);
  const handle = await fsp.open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new NotRegularFileError(path, stat);
    return handle;
  } catch (e) {
    await handle.close();
    throw e;
  }
}

export async function sniffHead(path: string, length = 64 * 1024): Promise<Buffer> {
  const handle = await openRegularFile(path);
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buf, 0, length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export function isGzip(head: Buffer): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

export function detectEncoding(head: Buffer): TextEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  // UTF-16 without a BOM: ASCII text has a NUL in every other byte.
  const n = Math.min(head.length, 512) & ~1;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  if (n >= 8 && oddNul > n / 4 && evenNul === 0) return 'utf-16le';
  if (n >= 8 && evenNul > n / 4 && oddNul === 0) return 'utf-16be';
  return 'utf-8';
}

export async function openEvidence(path: string, signal?: AbortSignal): Promise<EvidenceStream> {
  const stat = await fsp.stat(path);
  if (!stat.isFile()) throw new NotRegularFileError(path, stat);
  const head = await sniffHead(path, 16);
  const compressed = isGzip(head);
  const textStart = compressed ? await gunzipHead(path) : await sniffHead(path, 4096);
  const encoding = detectEncoding(textStart);
  // Stream set-up stays synchronous from here: data must not flow before every consumer is attached.
  const hash = createHash('sha256');
  let rawBytes = 0;
  // Read exactly the bytes present when the import began: a file that grows is not read past them.
  const raw = createReadStream(path, { flags: 'r', highWaterMark: CHUNK, start: 0, ...(stat.size > 0 ? { end: stat.size - 1 } : {}), ...(signal ? { signal } : {}) });
  const decompressed: Readable = compressed ? raw.pipe(createGunzip({ chunkSize: CHUNK })) : raw.pipe(new PassThrough({ highWaterMark: CHUNK }));
  raw.on('data', (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b) : b;
    hash.update(buf);
    rawBytes += buf.length;
  });
  raw.on('error', (e) => decompressed.destroy(e));
  let digest: string | undefined;
  const utf8 = new Utf8Check();
  return {
    chunks: transcode(decompressed, encoding, utf8),
    compressed,
    encoding,
    size: stat.size,
    bytesRead: () => rawBytes,
    sha256: () => (digest ??= hash.digest('hex')),
    invalidText: () => ({ count: utf8.count, firstOffset: utf8.firstOffset }),
    changedDuringImport: async () => {
      const now = await fsp.stat(path).catch(() => null);
      const sizes = `${stat.size.toLocaleString('en')} bytes when the import began, ${rawBytes.toLocaleString('en')} read`;
      if (!now) return `evidence changed during import: ${sizes}, and the file is gone now`;
      if (now.ino !== stat.ino || now.dev !== stat.dev) return `evidence changed during import: ${sizes}; the file was replaced (now ${now.size.toLocaleString('en')} bytes)`;
      if (rawBytes !== stat.size || now.size !== stat.size) return `evidence changed during import: ${sizes}, ${now.size.toLocaleString('en')} bytes now`;
      if (now.mtimeMs !== stat.mtimeMs) return `evidence changed during import: ${sizes}; it was modified while it was read (same size)`;
      return null;
    },
    close: () => {
      raw.destroy();
      decompressed.destroy();
    },
  };
}

async function* transcode(source: Readable, encoding: TextEncoding, check: Utf8Check): AsyncIterable<Buffer> {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') {
    for await (const chunk of source) {
      check.push(chunk as Buffer);
      yield chunk as Buffer;
    }
    check.end();
    return;
  }
  const decoder = new TextDecoder('utf-16le', { fatal: false });
  let outPos = 0; // offset in the UTF-8 stream handed to the readers
  let odd: Buffer | undefined;
  let first = true;
  for await (const chunk of source) {
    let buf = odd ? Buffer.concat([odd, chunk as Buffer]) : (chunk as Buffer);
    const even = buf.length & ~1;
    odd = even < buf.length ? Buffer.from(buf.subarray(even)) : undefined;
    buf = buf.subarray(0, even);
    if (encoding === 'utf-16be') buf = Buffer.from(buf).swap16();
    let text = decoder.decode(buf, { stream: true });
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    if (text) {
      if (text.includes('\uFFFD')) check.noteReplacements(text, literalReplacementChars(buf), outPos);
      const out = Buffer.from(text, 'utf8');
      outPos += out.length;
      yield out;
    }
  }
  const rest = decoder.decode(); // an unpaired surrogate at the very end
  if (rest) {
    check.noteReplacements(rest, 0, outPos);
    yield Buffer.from(rest, 'utf8');
  }
}

/** U+FFFD code units already present in UTF-16LE input (real text, not replacements). */
function literalReplacementChars(le: Buffer): number {
  let n = 0;
  for (let i = le.indexOf(0xfd); i >= 0; i = le.indexOf(0xfd, i + 1)) if ((i & 1) === 0 && le[i + 1] === 0xff) n++;
  return n;
}

/** First decompressed bytes of a gzip file (for encoding and format sniffing). */
export async function gunzipHead(path: string, length = 64 * 1024): Promise<Buffer> {
  const parts: Buffer[] = [];
  let got = 0;
  const stream = createReadStream(path, { flags: 'r', start: 0, end: 4 * 1024 * 1024 }).pipe(createGunzip());
  try {
    for await (const chunk of stream) {
      parts.push(chunk as Buffer);
      got += (chunk as Buffer).length;
      if (got >= length) break;
    }
  } catch {
    // a truncated or corrupt gzip still yields what it had
  } finally {
    stream.destroy();
  }
  return Buffer.concat(parts).subarray(0, length);
}

/** The first bytes of the decoded text, for format detection. */
export async function textHead(path: string, length = 64 * 1024): Promise<{ text: string; encoding: TextEncoding; compressed: boolean }> {
  const head = await sniffHead(path, length);
  const compressed = isGzip(head);
  const bytes = compressed ? await gunzipHead(path, length) : head;
  const encoding = detectEncoding(bytes);
  let text: string;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const even = bytes.subarray(0, bytes.length & ~1);
    text = new TextDecoder('utf-16le').decode(encoding === 'utf-16be' ? Buffer.from(even).swap16() : even);
  } else text = bytes.toString('utf8');
  return { text: text.replace(/^\uFEFF/, ''), encoding, compressed };
}
