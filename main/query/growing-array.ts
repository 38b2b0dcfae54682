// Typed arrays that grow by doubling up to a known bound: result sets are usually much smaller than
// the case, so allocating the case's row count up front would waste tens of MB per query.
type NumberArray = Int32Array | Float64Array;

const FIRST = 1 << 16;

export class GrowingArray<T extends NumberArray> {
  private buf: T;
  private n = 0;

  constructor(
    private readonly make: (length: number) => T,
    private readonly bound: number,
  ) {
    this.buf = make(Math.min(bound, FIRST));
  }

  push(v: number): void {
    if (this.n === this.buf.length) {
      const next = this.make(Math.max(this.n + 1, Math.min(this.bound, this.n * 2)));
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.n++] = v;
  }

  values(): T {
    return this.n === this.buf.length ? this.buf : (this.buf.slice(0, this.n) as T);
  }
}

export const int32s = (bound: number) => new GrowingArray((n) => new Int32Array(n), bound);
export const float64s = (bound: number) => new GrowingArray((n) => new Float64Array(n), bound);
