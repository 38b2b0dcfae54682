// Dictionary text crosses from a record-parse worker once: the worker numbers each short string the
// first time it sends it, and afterwards sends the number. The reader turns a number into the case's
// dictionary id the first time it meets it in file order, so ids come out as if every string had
// been looked up where it appears. What a worker keeps is bounded: past the bound, new text travels
// as text (real exports' authentication steps carry their times, so most of that text is unique).
import type { StringIds } from './string-ids';

const MAX_REF_LENGTH = 16_384;
/** A worker keeps at most this much text (UTF-16 code units: 64 MB); later new strings travel as text. */
const MAX_KEPT = 32 * 1024 * 1024;

/** A dictionary cell as a record-parse worker sends it: text, or its number in that worker's table. */
export type DictCell = string | number | null;

/** In a record-parse worker: numbers the strings it sends. */
export class StringRefWriter {
  private readonly numbers = new Map<string, number>();
  private fresh: string[] = [];
  private kept = 0;

  ref(text: string | null): DictCell {
    if (text === null || text.length > MAX_REF_LENGTH) return text;
    let n = this.numbers.get(text);
    if (n === undefined) {
      if (this.kept + text.length > MAX_KEPT) return text;
      this.kept += text.length;
      n = this.numbers.size;
      this.numbers.set(text, n);
      this.fresh.push(text);
    }
    return n;
  }

  /** Strings numbered since the last call, in number order: they travel with the batch that uses them first. */
  takeFresh(): string[] {
    const out = this.fresh;
    this.fresh = [];
    return out;
  }
}

/** In the reader: one worker's table, as its batches arrive (in the order the worker sent them). */
export class StringRefReader {
  private readonly texts: string[] = [];
  private ids: (number | null)[] = [];
  private idsOf: StringIds | undefined; // the dictionary `ids` were looked up in

  add(fresh: readonly string[]): void {
    for (const text of fresh) this.texts.push(text);
  }

  idOf(ref: number, dictionary: StringIds): number | null {
    if (dictionary !== this.idsOf) {
      this.ids = [];
      this.idsOf = dictionary;
    }
    let id = this.ids[ref];
    if (id === undefined) {
      id = dictionary.idOf(this.texts[ref]);
      this.ids[ref] = id;
    }
    return id;
  }
}
