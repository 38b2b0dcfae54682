// Finds JSON record boundaries in a byte stream without parsing: records are the elements of
// top-level arrays (also several arrays back to back, as Microsoft-Extractor-Suite writes), the
// elements of a top-level object's "value"/"records" array (Graph pages, Event Hub batches, also
// several pages back to back), or top-level objects themselves (JSONL, one pretty-printed record).
// Each record is then JSON.parse'd on its own: 4x faster than streaming parsers here, bounded memory,
// and the exact bytes of every record for the Raw view (docs/performance.md).
// A record object that ends in the chunk where it began is found by one tight scan (`recordEnd`:
// strings skipped with indexOf, in JSONL bounded by the line's end); everything else, and any record
// that scan gives up on, goes through the byte walk of `push`, which keeps the state across chunks.

export interface SplitRecord {
  bytes: Buffer; // the record's bytes (a view into the chunk when it did not straddle chunks)
  offset: number; // absolute byte offset of the record's first byte in the decoded stream
  index: number; // 0-based record number in the file
}

export interface SplitProblem {
  index: number;
  offset: number;
  message: string;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NL = 0x0a;
const WRAPPER_KEYS = new Set(['value', 'records']);

export class JsonRecordSplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private recordDepth = -1; // depth at which the current record started (-1: not in a record)
  private recordStart = -1; // absolute offset
  private parts: Buffer[] = []; // bytes of a record begun in earlier chunks
  private partsBytes = 0;
  private oversized = false;
  private tooDeep = false;
  private topObjectStart = -1; // top-level object that may still turn out to be a wrapper
  private wrapperDepth = -1; // depth of the wrapper's value array, when inside one
  private lastKeyStart = -1; // last string seen directly inside the top-level object (absolute)
  private lastKey = '';
  private keyText: string | null = null; // text of the string being read, while it may be a page key
  private stringStart = -1;
  private readingContext = false; // the string being read is the value of a page's "@odata.context"
  private context: string | null = null;
  private lineMode = false; // JSONL: records never span lines, so a line break inside one is an error
  private sawNewlineInRecord = false;
  private garbageReported = false;
  private inScalar = false; // inside an array element that is not an object (reported once)
  private linePrefixes = false; // syslog-style lines: text before each line's JSON object is skipped
  private inPrefix = false;
  /** Lines whose JSON object came after a non-JSON prefix (syslog header, timestamp): count and the first. */
  readonly prefixes = { lines: 0, firstOffset: -1, first: '' };
  private nextIndex = 0;
  private chunkBase = 0;
  /** What the file turned out to hold: top-level arrays, wrapper pages by key, top-level object records. */
  readonly containers = { arrays: 0, valuePages: 0, recordsPages: 0, objects: 0 };

  constructor(
    private readonly onRecord: (r: SplitRecord) => void,
    private readonly onProblem: (p: SplitProblem) => void,
    private readonly maxRecordBytes = 64 * 1024 * 1024,
    /** Sign-ins nest a few levels; deeper records are refused before JSON.parse and the normalizers recurse. */
    private readonly maxDepth = 100,
  ) {}

  /** Each line may start with text before its JSON object (a syslog header, a timestamp): skip it, counted. */
  allowLinePrefixes(): void {
    this.linePrefixes = true;
  }

  /** `@odata.context` of the Graph page being read (names what its records are), null outside one. */
  get pageContext(): string | null {
    return this.context;
  }

  get recordsSeen(): number {
    return this.nextIndex;
  }

  push(chunk: Buffer): void {
    const n = chunk.length;
    const base = this.chunkBase;
    let i = 0;
    let nextNl = -1;
    while (i < n) {
      if (this.inString) {
        if (this.lineMode && nextNl < i) nextNl = indexOrEnd(chunk, NL, i);
        const q = this.findStringEnd(chunk, i);
        if (this.lineMode && nextNl < (q < 0 ? n : q)) {
          this.lineBroken();
          i = nextNl + 1;
          continue;
        }
        if (this.keyText !== null) this.collectKey(chunk, i, q < 0 ? n : q);
        if (q < 0) {
          i = n;
          break;
        }
        this.inString = false;
        if (this.keyText !== null) {
          if (this.readingContext && !this.keyText.startsWith('\u0000')) this.context = this.keyText;
          this.readingContext = false;
          this.lastKey = this.keyText;
          this.lastKeyStart = this.stringStart;
          this.keyText = null;
        }
        i = q + 1;
        continue;
      }
      const b = chunk[i]!;
      if (this.linePrefixes && this.depth === 0 && (this.inPrefix || (b !== 0x7b && !isSpaceOrComma(b)))) {
        i = this.skipPrefix(chunk, base, i);
        continue;
      }
      if (this.inScalar && (b === 0x2c || b === 0x5d)) this.inScalar = false;
      if (this.recordDepth < 0 && !isSpaceOrComma(b) && b !== 0x7b && b !== 0x5b && b !== 0x5d && this.atArrayElement()) {
        this.scalarElement(chunk, base, i); // a string, number, true/false/null where a record was expected
      }
      if (b === QUOTE) {
        this.inString = true;
        this.escaped = false;
        this.stringStart = base + i;
        // strings directly inside a top-level object may be the "value"/"records" key of a page
        if (this.depth === 1 && this.topObjectStart >= 0 && this.wrapperDepth < 0) {
          this.keyText = '';
          this.readingContext = this.lastKey === '@odata.context' && this.lastKeyStart > this.topObjectStart;
        }
      } else if (b === 0x7b /* { */ || b === 0x5b /* [ */) {
        this.open(chunk, base, i, b === 0x5b);
        // an object record that just began: found whole by the fast scan when it ends in this chunk
        const close = b === 0x7b && this.recordDepth === this.depth - 1 ? this.recordEndInChunk(chunk, i + 1) : -1;
        if (close >= 0) {
          this.close(chunk, base, close);
          i = close + 1;
          continue;
        }
      } else if (b === 0x7d /* } */ || b === 0x5d /* ] */) {
        this.close(chunk, base, i);
      } else if (b === NL) {
        if (this.recordDepth >= 0) {
          if (this.lineMode) this.lineBroken();
          else this.sawNewlineInRecord = true;
        }
      } else if (this.depth === 0 && !isSpaceOrComma(b)) {
        this.garbage(chunk, base, i);
        const nl = chunk.indexOf(NL, i);
        i = nl < 0 ? n : nl;
        continue;
      }
      i++;
    }
    this.carryRecord(chunk, base);
    this.chunkBase += n;
  }

  /** Call once after the last chunk. */
  end(): void {
    if (this.recordDepth >= 0 || this.topObjectStart >= 0) {
      const offset = this.recordStart >= 0 ? this.recordStart : this.topObjectStart;
      this.onProblem({ index: this.nextIndex++, offset, message: 'file ends inside this record (truncated)' });
    } else if (this.depth > 0) {
      this.onProblem({ index: this.nextIndex, offset: this.chunkBase, message: 'file ends inside an array (truncated after the last complete record)' });
    }
    this.resetRecord();
  }

  /**
   * The fast path through an object record that just opened at `from - 1` (state as `open` left it):
   * the position of its closing brace when the record ends in this chunk and holds nothing the byte
   * walk of `push` would treat specially, else -1, and `push` walks the record byte by byte as before.
   * Special, for a line-delimited file: a line break (the record is broken); for a top-level object: a
   * `"value"`/`"records"` string before an array (a page wrapper) and an `"@odata.context"` string (a
   * page context); always: nesting deeper than the limit, and a record right after a scalar array
   * element (the walk clears that flag at the record's first comma). A record taken here leaves the
   * state as the walk would: its keys are only read inside a top-level object, whose `open` resets them.
   */
  private recordEndInChunk(chunk: Buffer, from: number): number {
    if (this.inScalar) return -1;
    const topObject = this.recordDepth === 0;
    if (topObject && !this.lineMode) return -1; // the first record decides line mode (a line break inside it)
    return recordEnd(chunk, from, this.maxDepth, this.lineMode, topObject);
  }

  private findStringEnd(chunk: Buffer, from: number): number {
    let i = from;
    if (this.escaped) {
      this.escaped = false;
      i++;
    }
    for (;;) {
      const q = chunk.indexOf(QUOTE, i);
      const stop = q < 0 ? chunk.length : q;
      let slashes = 0;
      for (let k = stop - 1; k >= i && chunk[k] === BACKSLASH; k--) slashes++;
      if (q < 0) {
        this.escaped = slashes % 2 === 1;
        return -1;
      }
      if (slashes % 2 === 0) return q;
      i = q + 1;
    }
  }

  private collectKey(chunk: Buffer, from: number, to: number): void {
    const start = this.keyText === '' && this.stringStart >= this.chunkBase ? Math.max(from, this.stringStart - this.chunkBase + 1) : from;
    if (this.keyText!.length + (to - start) > (this.readingContext ? 1000 : 16)) this.keyText = '\u0000too long';
    else this.keyText += chunk.toString('latin1', start, to);
  }

  private open(chunk: Buffer, base: number, i: number, isArray: boolean): void {
    const d = this.depth;
    this.depth++;
    if (d === 1 && isArray && this.recordDepth === 0 && WRAPPER_KEYS.has(this.lastKey) && this.lastKeyStart > this.topObjectStart) {
      this.resetRecord(); // the top-level object is a page wrapper ({"value":[...]}), not a record
      this.wrapperDepth = this.depth;
      if (this.lastKey === 'value') this.containers.valuePages++;
      else this.containers.recordsPages++;
      return;
    }
    if (this.recordDepth >= 0) {
      if (this.depth - this.recordDepth > this.maxDepth) this.tooDeep = true; // nested inside a record
      return;
    }
    if (d === 0 && isArray) this.containers.arrays++;
    if (d === 0 && !isArray) {
      this.topObjectStart = base + i; // a record, unless it holds a "value"/"records" array
      this.lastKey = '';
      this.context = null;
      this.beginRecord(base + i, 0);
      return;
    }
    const elementDepth = this.wrapperDepth >= 0 ? this.wrapperDepth : 1;
    // An array element is a record even when it is not an object, so that it is reported, never silently passed over.
    if (d === elementDepth && (this.wrapperDepth >= 0 || this.topObjectStart < 0)) this.beginRecord(base + i, d);
  }

  private close(chunk: Buffer, base: number, i: number): void {
    this.depth--;
    if (this.depth < 0) {
      this.depth = 0;
      this.garbage(chunk, base, i);
      return;
    }
    if (this.recordDepth >= 0 && this.depth === this.recordDepth) {
      if (this.recordDepth === 0) this.containers.objects++;
      this.emitRecord(chunk, base, i + 1);
      if (this.recordDepth === 0 && !this.sawNewlineInRecord && this.nextIndex === 1) this.lineMode = true;
      this.resetRecord();
      if (this.depth === 0) this.topObjectStart = -1;
      return;
    }
    if (this.wrapperDepth >= 0 && this.depth < this.wrapperDepth) this.wrapperDepth = -1;
    if (this.depth === 0) this.topObjectStart = -1;
  }

  private beginRecord(offset: number, depth: number): void {
    this.recordStart = offset;
    this.recordDepth = depth;
    this.parts = [];
    this.partsBytes = 0;
    this.oversized = false;
    this.tooDeep = false;
    this.sawNewlineInRecord = false;
  }

  private emitRecord(chunk: Buffer, base: number, endInChunk: number): void {
    const index = this.nextIndex++;
    const offset = this.recordStart;
    const startInChunk = Math.max(0, offset - base);
    const length = this.partsBytes + (endInChunk - startInChunk);
    if (this.oversized || length > this.maxRecordBytes) {
      this.onProblem({ index, offset, message: `record is ${(length / 1048576).toFixed(1)} MB, over the ${this.maxRecordBytes / 1048576} MB limit for one record; skipped` });
      return;
    }
    if (this.tooDeep) {
      this.onProblem({ index, offset, message: `record nests deeper than ${this.maxDepth} levels (${(length / 1024).toFixed(0)} KB); skipped` });
      return;
    }
    const tail = chunk.subarray(startInChunk, endInChunk);
    const bytes = this.parts.length ? Buffer.concat([...this.parts, tail], length) : tail;
    this.onRecord({ bytes, offset, index });
  }

  /** Keeps the unfinished record's bytes of this chunk (copied: the chunk buffer is reused). */
  private carryRecord(chunk: Buffer, base: number): void {
    if (this.recordDepth < 0 || this.oversized) return;
    const start = Math.max(0, this.recordStart - base);
    if (this.partsBytes + chunk.length - start > this.maxRecordBytes) {
      this.oversized = true;
      this.parts = [];
      return;
    }
    this.parts.push(Buffer.from(chunk.subarray(start)));
    this.partsBytes += chunk.length - start;
  }

  /** JSONL resynchronisation: the record open on this line is broken; start afresh on the next line. */
  private lineBroken(): void {
    if (this.recordDepth >= 0) {
      this.onProblem({ index: this.nextIndex++, offset: this.recordStart, message: 'line ends inside this record (truncated or malformed JSON line)' });
    }
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.topObjectStart = -1;
    this.wrapperDepth = -1;
    this.resetRecord();
  }

  /** Between the elements of a top-level array or a page's "value"/"records" array. */
  private atArrayElement(): boolean {
    return this.wrapperDepth >= 0 ? this.depth === this.wrapperDepth : this.depth === 1 && this.topObjectStart < 0;
  }

  /** An array element that is not an object: one problem per element (its text is then passed over). */
  private scalarElement(chunk: Buffer, base: number, i: number): void {
    if (this.inScalar) return;
    this.inScalar = true;
    const preview = chunk.toString('utf8', i, Math.min(chunk.length, i + 40)).split(/[,\]\r\n]/, 1)[0]!;
    this.onProblem({ index: this.nextIndex++, offset: base + i, message: `array element is not a JSON object: ${preview}; skipped` });
  }

  /** Skips a line's prefix up to its `{` (returned position), or to the end of the chunk or line. */
  private skipPrefix(chunk: Buffer, base: number, i: number): number {
    const nl = indexOrEnd(chunk, NL, i);
    const brace = objectStart(chunk, i, nl);
    const found = brace >= 0;
    if (!this.inPrefix) {
      this.inPrefix = true;
      if (this.prefixes.lines === 0) {
        this.prefixes.firstOffset = base + i;
        this.prefixes.first = chunk
          .toString('utf8', i, Math.min(found ? brace : nl, i + 60))
          .trim()
          .replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
      }
    }
    if (found) {
      this.inPrefix = false;
      this.prefixes.lines++;
      return brace;
    }
    if (nl < chunk.length) {
      this.inPrefix = false;
      this.garbage(chunk, base, i); // a line with no JSON object at all
      return nl + 1;
    }
    return chunk.length; // the prefix goes on in the next chunk
  }

  private garbage(chunk: Buffer, base: number, i: number): void {
    if (this.garbageReported) return;
    this.garbageReported = true;
    const preview = chunk.toString('utf8', i, Math.min(chunk.length, i + 40)).replace(/\s+/g, ' ');
    this.onProblem({ index: this.nextIndex, offset: base + i, message: `unexpected text outside any JSON record: "${preview}"` });
  }

  private resetRecord(): void {
    this.recordDepth = -1;
    this.recordStart = -1;
    this.parts = [];
    this.partsBytes = 0;
    this.oversized = false;
    this.tooDeep = false;
  }
}

/**
 * Where the object opened just before `from` closes in `chunk` (brace depth outside strings, a quote
 * ending a string unless an odd run of backslashes precedes it), or -1 for the exceptions that
 * `recordEndInChunk` names. Strings are skipped with `indexOf`: 2-3x faster than the walk of `push`.
 */
function recordEnd(chunk: Buffer, from: number, maxDepth: number, lineMode: boolean, topObject: boolean): number {
  const limit = lineMode ? indexOrEnd(chunk, NL, from) : chunk.length; // JSONL: a raw line break cannot be inside a record
  let backslash = nextBackslash(chunk, from, limit); // strings before it hold no escape: their end is the next quote
  let depth = 1;
  let keyStart = -1; // the last string directly inside a top-level object: a page wrapper's key?
  let keyEnd = -1;
  for (let i = from; i < limit; i++) {
    const b = chunk[i]!;
    if (b === QUOTE) {
      const start = i + 1;
      const q = chunk.indexOf(QUOTE, start);
      if (q < 0 || q >= limit) return -1;
      if (q < backslash) i = q;
      else {
        for (i = start; chunk[i] !== QUOTE; i += chunk[i] === BACKSLASH ? 2 : 1) if (i >= limit) return -1;
        if (i >= limit) return -1;
        backslash = nextBackslash(chunk, i, limit);
      }
      if (topObject && depth === 1) {
        if (isKey(chunk, start, i, ODATA_CONTEXT)) return -1;
        keyStart = start;
        keyEnd = i;
      }
    } else if (b === 0x7b || b === 0x5b) {
      if (topObject && depth === 1 && b === 0x5b && (isKey(chunk, keyStart, keyEnd, VALUE) || isKey(chunk, keyStart, keyEnd, RECORDS))) return -1;
      if (++depth > maxDepth) return -1;
    } else if ((b === 0x7d || b === 0x5d) && --depth === 0) return i;
  }
  return -1;
}

function nextBackslash(chunk: Buffer, from: number, limit: number): number {
  const i = chunk.indexOf(BACKSLASH, from);
  return i < 0 || i > limit ? limit : i;
}

const VALUE = Buffer.from('value');
const RECORDS = Buffer.from('records');
const ODATA_CONTEXT = Buffer.from('@odata.context');

function isKey(chunk: Buffer, start: number, end: number, key: Buffer): boolean {
  if (end - start !== key.length) return false;
  for (let k = 0; k < key.length; k++) if (chunk[start + k] !== key[k]) return false;
  return true;
}

function isSpaceOrComma(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0d || b === NL || b === 0x2c || b === 0xef || b === 0xbb || b === 0xbf;
}

/** The first `{` before `end` that opens an object (`{"` or `{}`, spaces allowed), or -1. */
function objectStart(chunk: Buffer, from: number, end: number): number {
  for (let b = chunk.indexOf(0x7b, from); b >= 0 && b < end; b = chunk.indexOf(0x7b, b + 1)) {
    let j = b + 1;
    while (j < end && (chunk[j] === 0x20 || chunk[j] === 0x09 || chunk[j] === 0x0d)) j++;
    if (j >= chunk.length || chunk[j] === QUOTE || chunk[j] === 0x7d) return b;
  }
  return -1;
}

function indexOrEnd(chunk: Buffer, byte: number, from: number): number {
  const i = chunk.indexOf(byte, from);
  return i < 0 ? chunk.length : i;
}
