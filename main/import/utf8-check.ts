// Counts the invalid UTF-8 sequences of a byte stream, the ones that decoding replaces with U+FFFD,
// and where the first one is (also the unpaired surrogates of UTF-16 input, see noteReplacements), so an import can say that text was replaced instead of doing it silently.
// Valid chunks cost one native check (buffer.isUtf8); only a chunk with a bad sequence is scanned.
import { isUtf8 } from 'node:buffer';

export class Utf8Check {
  count = 0;
  firstOffset = -1;
  private pos = 0; // stream offset of the next byte to check
  private carry: Buffer | null = null; // a sequence cut at the end of the previous chunk

  push(chunk: Buffer): void {
    let buf = chunk;
    let start = this.pos;
    if (this.carry) {
      buf = Buffer.concat([this.carry, chunk]);
      start -= this.carry.length;
      this.carry = null;
    }
    const cut = buf.length - incompleteTail(buf);
    const body = buf.subarray(0, cut);
    if (!isUtf8(body)) this.scan(body, start);
    if (cut < buf.length) this.carry = Buffer.from(buf.subarray(cut));
    this.pos += chunk.length;
  }

  /** Call after the last chunk: what was held back is scanned as the end of the stream. */
  end(): void {
    if (this.carry) this.scan(this.carry, this.pos - this.carry.length);
    this.carry = null;
  }

  /** The WHATWG decoder's rule: each maximal invalid subpart becomes one U+FFFD. */
  private scan(buf: Buffer, base: number): void {
    const n = buf.length;
    let i = 0;
    while (i < n) {
      const b = buf[i]!;
      if (b < 0x80) {
        i++;
        continue;
      }
      let need = 0;
      let lower = 0x80;
      let upper = 0xbf;
      if (b >= 0xc2 && b <= 0xdf) need = 1;
      else if (b >= 0xe0 && b <= 0xef) {
        need = 2;
        if (b === 0xe0) lower = 0xa0;
        if (b === 0xed) upper = 0x9f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        need = 3;
        if (b === 0xf0) lower = 0x90;
        if (b === 0xf4) upper = 0x8f;
      } else {
        this.mark(base + i);
        i++;
        continue;
      }
      let j = 1;
      for (; j <= need; j++) {
        const c = i + j < n ? buf[i + j]! : -1;
        if (c < lower || c > upper) break;
        lower = 0x80;
        upper = 0xbf;
      }
      if (j <= need) {
        this.mark(base + i);
        i += j; // the offending byte starts the next sequence
      } else i += need + 1;
    }
  }

  /**
   * For text decoded elsewhere (UTF-16): U+FFFD in `text` beyond the `literal` ones of its input are
   * replacements; `base` is the text's offset in the UTF-8 stream.
   */
  noteReplacements(text: string, literal: number, base: number): void {
    const first = text.indexOf('\uFFFD');
    if (first < 0) return;
    const found = text.split('\uFFFD').length - 1 - literal;
    if (found <= 0) return;
    if (this.firstOffset < 0 && literal === 0) this.firstOffset = base + Buffer.byteLength(text.slice(0, first));
    this.count += found;
  }

  private mark(offset: number): void {
    this.count++;
    if (this.firstOffset < 0) this.firstOffset = offset;
  }
}

/** Bytes at the end that begin a multi-byte sequence the chunk does not finish (0 to 3). */
function incompleteTail(buf: Buffer): number {
  for (let k = 1; k <= Math.min(3, buf.length); k++) {
    const b = buf[buf.length - k]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    if (b < 0xc0) return 0;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return need > k ? k : 0;
  }
  return 0;
}
