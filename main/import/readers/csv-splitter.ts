// RFC 4180 CSV records from a byte stream, with each record's byte offset and length for the Raw
// view (papaparse's streaming mode gives neither; see docs/dependencies.md). Quoted fields may hold
// delimiters, doubled quotes and line breaks.

export interface CsvRecord {
  fields: string[];
  offset: number;
  length: number;
  index: number; // 0 = header row
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

export class CsvRecordSplitter {
  private fields: string[] = [];
  private field: Buffer[] = []; // pieces of the current field across chunks
  private inQuotes = false;
  private pendingQuote = false; // saw a quote inside quotes at the end of a chunk
  private recordStart = 0;
  private base = 0;
  private index = 0;
  private recordBytes = 0;
  private oversized = false;

  constructor(
    private readonly delimiter: number,
    private readonly onRecord: (r: CsvRecord) => void,
    private readonly onOversized: (index: number, offset: number) => void,
    private readonly maxRecordBytes = 64 * 1024 * 1024,
  ) {}

  push(chunk: Buffer): void {
    const n = chunk.length;
    let fieldStart = 0;
    let i = 0;
    if (this.base === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
      i = fieldStart = 3; // UTF-8 BOM
      this.recordStart = 3;
    }
    while (i < n) {
      const b = chunk[i]!;
      if (this.pendingQuote) {
        this.pendingQuote = false;
        if (b === QUOTE) {
          this.addPiece(chunk, i, i + 1); // "" inside quotes is one quote
          fieldStart = i + 1;
          i++;
          continue;
        }
        this.inQuotes = false; // the quote closed the field
        fieldStart = i;
      }
      if (this.inQuotes) {
        const q = chunk.indexOf(QUOTE, i);
        if (q < 0) {
          i = n;
          break;
        }
        this.addPiece(chunk, fieldStart, q);
        this.pendingQuote = true;
        i = q + 1;
        fieldStart = i;
        continue;
      }
      if (b === QUOTE && this.field.length === 0 && fieldStart === i) {
        this.inQuotes = true;
        fieldStart = i + 1;
      } else if (b === this.delimiter) {
        this.endField(chunk, fieldStart, i);
        fieldStart = i + 1;
      } else if (b === LF || b === CR) {
        this.endField(chunk, fieldStart, i);
        const end = b === CR && chunk[i + 1] === LF ? i + 2 : i + 1;
        this.endRecord(this.base + i);
        this.recordStart = this.base + end;
        i = end;
        fieldStart = i;
        continue;
      }
      i++;
    }
    this.addPiece(chunk, fieldStart, n);
    this.recordBytes = this.base + n - this.recordStart;
    if (this.recordBytes > this.maxRecordBytes && !this.oversized) {
      this.oversized = true;
      this.field = [];
      this.fields = [];
    }
    this.base += n;
  }

  end(): void {
    if (this.pendingQuote) {
      this.pendingQuote = false;
      this.inQuotes = false;
    }
    if (this.field.length || this.fields.length) {
      this.fields.push(this.takeField());
      this.endRecord(this.base);
    }
  }

  /** True when the file ended inside a quoted field (a truncated last record). */
  get endedInQuotes(): boolean {
    return this.inQuotes && !this.pendingQuote;
  }

  private addPiece(chunk: Buffer, start: number, end: number): void {
    if (end > start && !this.oversized) this.field.push(chunk.subarray(start, end));
  }

  private endField(chunk: Buffer, start: number, end: number): void {
    this.addPiece(chunk, start, end);
    this.fields.push(this.takeField());
  }

  private takeField(): string {
    const parts = this.field;
    this.field = [];
    if (parts.length === 0) return '';
    return parts.length === 1 ? parts[0]!.toString('utf8') : Buffer.concat(parts).toString('utf8');
  }

  private endRecord(endOffset: number): void {
    const fields = this.fields;
    this.fields = [];
    const offset = this.recordStart;
    if (this.oversized) {
      this.oversized = false;
      this.onOversized(this.index++, offset);
      return;
    }
    if (fields.length === 1 && fields[0] === '') return; // blank line
    this.onRecord({ fields, offset, length: endOffset - offset, index: this.index++ });
  }
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
