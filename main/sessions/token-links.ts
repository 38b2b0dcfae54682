// Links sessions (correlation ids) that share an SSO session id or a token identifier: the same
// browser session, or the same token used again, possibly from elsewhere (token replay).

export interface SessionLinks {
  /** Per session: the index of its group's first session. */
  group: number[];
  /** Per session: how many sessions its group has. */
  size: number[];
  /** Per session: its group (of two or more) spans several countries. */
  geoChange: boolean[];
  /** Groups of two or more sessions. */
  groups: number;
}

/** `keys[i]`: the link keys of session i ("sid:…", "uti:…"); `countries[i]`: its countries. */
export function linkSessions(keys: readonly string[][], countries: readonly string[][]): SessionLinks {
  const parent = keys.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[i] !== root) [i, parent[i]] = [parent[i]!, root];
    return root;
  };
  const firstWithKey = new Map<string, number>();
  keys.forEach((list, i) => {
    for (const key of list) {
      const first = firstWithKey.get(key);
      if (first === undefined) firstWithKey.set(key, i);
      else {
        const [a, b] = [find(first), find(i)];
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  });
  const group = keys.map((_, i) => find(i));
  const size = new Array<number>(keys.length).fill(0);
  const spread = new Map<number, Set<string>>();
  group.forEach((g, i) => {
    size[g]!++;
    if (countries[i]!.length) {
      const set = spread.get(g) ?? new Set<string>();
      for (const c of countries[i]!) set.add(c);
      spread.set(g, set);
    }
  });
  let groups = 0;
  group.forEach((g, i) => g === i && size[i]! > 1 && groups++);
  return {
    group,
    size: group.map((g) => size[g]!),
    geoChange: group.map((g) => size[g]! > 1 && (spread.get(g)?.size ?? 0) > 1),
    groups,
  };
}
