// Links sessions (correlation ids) that share an SSO session id or a token identifier: the same
// browser session, or the same token used again, possibly from elsewhere (token replay). Keys are
// joined as the build reads them (union-find), so no per-session key lists are kept.

export interface SessionLinks {
  /** Per session: the index of its group's first session. */
  group: Int32Array;
  /** Per session: how many sessions its group has. */
  size: Int32Array;
  /** Per session: its group (of two or more) spans several countries. */
  geoChange: boolean[];
  /** Groups of two or more sessions. */
  groups: number;
}

export class SessionLinker {
  private readonly parent: Int32Array;
  // one map per kind of key: a session id and a token id with the same text are not the same key
  private readonly firstWithSid = new Map<string, number>();
  private readonly firstWithUti = new Map<string, number>();

  constructor(readonly sessions: number) {
    this.parent = new Int32Array(sessions);
    for (let i = 0; i < sessions; i++) this.parent[i] = i;
  }

  /** Session `i` holds SSO session id `sid` and token identifier `uti` (either may be absent). */
  add(i: number, sid: string | null, uti: string | null): void {
    if (sid) this.join(this.firstWithSid, sid, i);
    if (uti) this.join(this.firstWithUti, uti, i);
  }

  /** The groups (each named by its lowest session index); `countriesOf(i)`: session i's countries. */
  finish(countriesOf: (i: number) => readonly string[]): SessionLinks {
    const n = this.sessions;
    const group = new Int32Array(n);
    const size = new Int32Array(n);
    for (let i = 0; i < n; i++) size[(group[i] = this.find(i))]!++;
    const spread = new Map<number, Set<string>>();
    let groups = 0;
    for (let i = 0; i < n; i++) {
      const g = group[i]!;
      if (g === i && size[i]! > 1) groups++;
      if (size[g]! <= 1) continue;
      const countries = countriesOf(i);
      if (countries.length) {
        const set = spread.get(g) ?? new Set<string>();
        for (const c of countries) set.add(c);
        spread.set(g, set);
      }
    }
    const sizes = new Int32Array(n);
    const geoChange: boolean[] = new Array<boolean>(n);
    for (let i = 0; i < n; i++) {
      sizes[i] = size[group[i]!]!;
      geoChange[i] = sizes[i]! > 1 && (spread.get(group[i]!)?.size ?? 0) > 1;
    }
    return { group, size: sizes, geoChange, groups };
  }

  private join(first: Map<string, number>, key: string, i: number): void {
    const seen = first.get(key);
    if (seen === undefined) first.set(key, i);
    else {
      const [a, b] = [this.find(seen), this.find(i)];
      // the lower index becomes the root: a group is named by its first session whatever the read order
      if (a !== b) this.parent[Math.max(a, b)] = Math.min(a, b);
    }
  }

  private find(i: number): number {
    const parent = this.parent;
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[i] !== root) {
      const next = parent[i]!;
      parent[i] = root;
      i = next;
    }
    return root;
  }
}
