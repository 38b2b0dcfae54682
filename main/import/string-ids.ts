// Assigns dictionary ids to strings on the parsing side of an import and remembers which ones are
// new, so the database side only has to store them (see row-inserter.ts).
export class StringIds {
  private readonly ids: Map<string, number>;
  private fresh: [number, string][] = [];

  constructor(
    seed: Iterable<[string, number]>,
    private nextId: number,
  ) {
    this.ids = new Map(seed);
  }

  idOf(value: string | null | undefined): number | null {
    if (value === null || value === undefined || value === '') return null;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(value, id);
      this.fresh.push([id, value]);
    }
    return id;
  }

  /** Strings added since the last call, in id order. */
  takeNew(): [number, string][] {
    const out = this.fresh;
    this.fresh = [];
    return out;
  }
}
