// Links sessions (correlation ids) that share an SSO session id or a token identifier: the same
// browser session or the same token used again, possibly from elsewhere (token replay).
export class TokenLinks {
  private readonly parent: number[] = [];
  private readonly firstByKey = new Map<string, number>();

  /** Registers session `index` (0, 1, 2... in order). */
  addSession(index: number): void {
    this.parent[index] = index;
  }

  /** `kind` keeps session ids and token ids apart should they ever collide. */
  link(index: number, kind: 'sid' | 'uti', value: string | null): void {
    if (!value) return;
    const key = `${kind}:${value}`;
    const first = this.firstByKey.get(key);
    if (first === undefined) this.firstByKey.set(key, index);
    else this.union(first, index);
  }

  /** The group of a session: the smallest index in it. */
  group(index: number): number {
    let root = index;
    while (this.parent[root] !== root) root = this.parent[root]!;
    let node = index;
    while (this.parent[node] !== root) {
      const next = this.parent[node]!;
      this.parent[node] = root;
      node = next;
    }
    return root;
  }

  private union(a: number, b: number): void {
    const ra = this.group(a);
    const rb = this.group(b);
    if (ra < rb) this.parent[rb] = ra;
    else if (rb < ra) this.parent[ra] = rb;
  }
}
