// Tiny collection helpers shared by rules.
export function groupBy<K, T>(items: Iterable<T>, key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

export function countDistinct<T>(items: readonly T[], pick: (t: T) => unknown): number {
  return new Set(items.map(pick).filter((v) => v !== null && v !== undefined)).size;
}
