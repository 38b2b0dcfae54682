// Groups items that share any link (an IP, a session...): connected components by union-find.
export interface Linked {
  id: number;
  links: readonly (number | string)[];
}

/** Components as lists of item ids, each sorted, in order of their smallest id. */
export function components(items: readonly Linked[]): number[][] {
  const parent = new Map<number, number>(items.map((i) => [i.id, i.id]));
  const find = (x: number): number => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    while (parent.get(x) !== root) {
      const next = parent.get(x)!;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  const owner = new Map<number | string, number>();
  for (const item of items) {
    for (const link of item.links) {
      const other = owner.get(link);
      if (other === undefined) owner.set(link, item.id);
      else parent.set(find(item.id), find(other));
    }
  }
  const groups = new Map<number, number[]>();
  for (const item of items) {
    const root = find(item.id);
    const list = groups.get(root);
    if (list) list.push(item.id);
    else groups.set(root, [item.id]);
  }
  return [...groups.values()].map((g) => g.sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!);
}
