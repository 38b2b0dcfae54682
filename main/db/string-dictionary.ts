// Interns repeated text (UPNs, app names, user agents...) into the `strings` table. Sign-in logs are
// mostly the same few thousand strings repeated millions of times, so rows store small integers.
import type { Database, Statement } from 'sql.js';

export class StringDictionary {
  private readonly ids = new Map<string, number>();
  private nextId = 1;
  private insert: Statement | undefined;

  constructor(
    private readonly db: Database,
    private readonly onChange: () => void = () => {},
  ) {
    const res = db.exec('SELECT id, value FROM strings');
    for (const [id, value] of res[0]?.values ?? []) {
      this.ids.set(String(value), Number(id));
      this.nextId = Math.max(this.nextId, Number(id) + 1);
    }
  }

  /** Id of a value, adding it when new; null and empty text stay NULL. */
  intern(value: string | null | undefined): number | null {
    if (value === null || value === undefined || value === '') return null;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(value, id);
      this.insert ??= this.db.prepare('INSERT INTO strings (id, value) VALUES (?, ?)');
      this.insert.run([id, value]);
      this.onChange();
    }
    return id;
  }

  /** Stores a string whose id was assigned elsewhere (the import's encoder). */
  adopt(id: number, value: string): void {
    this.ids.set(value, id);
    this.nextId = Math.max(this.nextId, id + 1);
    this.insert ??= this.db.prepare('INSERT INTO strings (id, value) VALUES (?, ?)');
    this.insert.run([id, value]);
    this.onChange();
  }

  entries(): [string, number][] {
    return [...this.ids];
  }

  /** Every (value, id) without copying them (the dictionary can hold millions). */
  each(): IterableIterator<[string, number]> {
    return this.ids.entries();
  }

  get nextFreeId(): number {
    return this.nextId;
  }

  lookupId(value: string): number | undefined {
    return this.ids.get(value);
  }

  get size(): number {
    return this.ids.size;
  }

  close(): void {
    this.insert?.free();
    this.insert = undefined;
  }
}
