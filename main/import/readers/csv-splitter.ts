// RFC 4180 CSV records from a byte stream, with each record's byte offset and length for the Raw
// view (papaparse's streaming mode gives neither; see docs/dependencies.md). Quoted fields may hold
// delimiters, doubled quotes and line breaks. Rows are found first and split into fields only when
// read: a triage import screens each row on its bytes, and the rows it skips are never split.

export interface CsvRecord {
  /** Decoded on first read: a triage import screens a row on its bytes and never splits the rows it skips. */
  readonly fields: string[];
  offset: number;
  length: number;
  index: number; // 0 = header row
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * Finds the rows (their byte ranges) in one pass that only follows quotes: a quote opens a quoted field
 * when it is a field's first byte, a doubled quote inside one is a quote, and a line break outside
 * quotes ends the row (CRLF, LF or CR). Fields are split from a row's bytes when its `fields` are read.
 */
export class CsvRecordSplitter {
  private inQuotes = false;
  private pendingQuote = false; // saw a quote inside quotes at the end of a chunk
  private atFieldStart = true; // a quote here opens a quoted field
  private recordStart = 0;
  private parts: Buffer[] = []; // copies of the bytes of a row begun in earlier chunks
  private base = 0;
  private index = 0;
  private oversized = false;
  private oversizedFieldEnds = false; // a delimiter came after the row went over the limit (end() reports it then)

  constructor(
    private readonly delimiter: number,
    private readonly onRecord: (r: CsvRecord) => void,
    private readonly onOversized: (index: number, offset: number) => void,
    private readonly maxRecordBytes = 64 * 1024 * 1024,
  ) {}

  /** The chunk is not copied: rows keep a view of it until their fields are read. */
  push(chunk: Buffer): void {
    const n = chunk.length;
    const delimiter = this.delimiter;
    let i = 0;
    if (this.base === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
      i = 3; // UTF-8 BOM
      this.recordStart = 3;
    }
    let { inQuotes, pendingQuote, atFieldStart } = this;
    while (i < n) {
      const b = chunk[i]!;
      if (pendingQuote) {
        pendingQuote = false;
        if (b === QUOTE) {
          i++; // "" inside quotes is one quote
          continue;
        }
        inQuotes = false; // the quote closed the field; `b` follows it
      }
      if (inQuotes) {
        const q = chunk.indexOf(QUOTE, i);
        if (q < 0) {
          i = n;
          break;
        }
        pendingQuote = true;
        i = q + 1;
        continue;
      }
      if (b === QUOTE && atFieldStart) {
        inQuotes = true;
        atFieldStart = false;
      } else if (b === delimiter) {
        atFieldStart = true;
        if (this.oversized) this.oversizedFieldEnds = true;
      } else if (b === LF || b === CR) {
        const end = b === CR && chunk[i + 1] === LF ? i + 2 : i + 1;
        this.endRecord(chunk, this.base + i);
        this.recordStart = this.base + end;
        atFieldStart = true;
        i = end;
        continue;
      } else atFieldStart = false;
      i++;
    }
    this.inQuotes = inQuotes;
    this.pendingQuote = pendingQuote;
    this.atFieldStart = atFieldStart;
    this.carryRecord(chunk);
    this.base += n;
  }

  end(): void {
    if (this.pendingQuote) {
      this.pendingQuote = false;
      this.inQuotes = false;
    }
    // The last row without a line break: reported when it holds anything (over the limit: once a field ended).
    if (this.oversized ? this.oversizedFieldEnds : this.recordStart < this.base) this.endRecord(Buffer.alloc(0), this.base);
  }

  /** True when the file ended inside a quoted field (a truncated last record). */
  get endedInQuotes(): boolean {
    return this.inQuotes && !this.pendingQuote;
  }

  /** Keeps the unfinished row's bytes of this chunk (copied, so that only the rows read keep their chunk alive). */
  private carryRecord(chunk: Buffer): void {
    const start = Math.max(0, this.recordStart - this.base);
    if (start >= chunk.length || this.oversized) return;
    if (this.base + chunk.length - this.recordStart > this.maxRecordBytes) {
      this.oversized = true;
      this.oversizedFieldEnds = false;
      this.parts = [];
      return;
    }
    this.parts.push(Buffer.from(chunk.subarray(start)));
  }

  private endRecord(chunk: Buffer, endOffset: number): void {
    const offset = this.recordStart;
    const length = endOffset - offset;
    if (this.oversized) {
      this.oversized = false;
      this.onOversized(this.index++, offset);
      return;
    }
    const startInChunk = Math.max(0, offset - this.base);
    const endInChunk = endOffset - this.base;
    let row: CsvRow;
    if (this.parts.length) {
      row = new CsvRow(Buffer.concat([...this.parts, chunk.subarray(startInChunk, endInChunk)], length), 0, this.delimiter, offset, length, this.index);
      this.parts = [];
    } else row = new CsvRow(chunk, startInChunk, this.delimiter, offset, length, this.index);
    if (length <= 2 && row.fields.length === 1 && row.fields[0] === '') return; // a blank line (or "")
    this.index++;
    this.onRecord(row);
  }
}

/** A row as found: its bytes (in its chunk, or copied when it spanned chunks), split into fields when first read. */
class CsvRow implements CsvRecord {
  private split: string[] | null = null;

  constructor(
    private bytes: Buffer | null,
    private readonly start: number, // of the row in `bytes`
    private readonly delimiter: number,
    readonly offset: number,
    readonly length: number,
    readonly index: number,
  ) {}

  get fields(): string[] {
    if (this.split === null) {
      this.split = splitFields(this.bytes!, this.start, this.start + this.length, this.delimiter);
      this.bytes = null; // the chunk may go
    }
    return this.split;
  }
}

/**
 * The fields of one row's bytes (no line break outside quotes in them), by the rules of `push`: a quoted
 * field runs to its closing quote, a doubled quote inside stands for one, and any text after the closing
 * quote up to the delimiter belongs to the field too. A field's bytes are decoded whole, once.
 */
function splitFields(bytes: Buffer, start: number, end: number, delimiter: number): string[] {
  const fields: string[] = [];
  const pieces: number[] = []; // [from, to) byte ranges of the field being read, reused
  for (let i = start; ;) {
    let run = i; // where the field's unquoted text begins
    if (i < end && bytes[i] === QUOTE) {
      for (let from = i + 1; ;) {
        const q = bytes.indexOf(QUOTE, from);
        const stop = q < 0 || q >= end ? end : q;
        if (stop + 1 < end && bytes[stop + 1] === QUOTE) {
          pieces.push(from, stop + 1); // up to and with the first quote of the pair: one quote
          from = stop + 2;
          continue;
        }
        if (stop > from) pieces.push(from, stop);
        run = Math.min(end, stop + 1);
        break;
      }
    }
    let d = run;
    while (d < end && bytes[d] !== delimiter) d++;
    if (d > run) pieces.push(run, d);
    fields.push(decode(bytes, pieces));
    pieces.length = 0;
    if (d >= end) return fields;
    i = d + 1;
  }
}

function decode(bytes: Buffer, pieces: number[]): string {
  if (pieces.length === 0) return '';
  if (pieces.length === 2) return bytes.toString('utf8', pieces[0], pieces[1]);
  const parts: Buffer[] = [];
  for (let k = 0; k < pieces.length; k += 2) parts.push(bytes.subarray(pieces[k], pieces[k + 1]));
  return Buffer.concat(parts).toString('utf8');
}

/** The delimiter of a header line: the most frequent of , ; and tab outside quotes. */
export function detectDelimiter(headerLine: string): number {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let inQuotes = false;
  for (const ch of headerLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return best![0].charCodeAt(0);
}
