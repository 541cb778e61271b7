import type { Prefix } from '../net';
import { asNetwork, highBound, lowBound, networkKey } from '../net';
import type { Bound } from '../net';

/** Items that share one network (same family, address range and length). */
export interface PrefixGroup<T> {
  network: Prefix;
  lo: Bound;
  hi: Bound;
  items: T[];
}

/** Groups tagged prefixes by network, sorted by family, start and length (enclosing first): O(n log n). */
export function groupPrefixes<T>(items: Iterable<{ prefix: Prefix; tag: T }>): PrefixGroup<T>[] {
  const byKey = new Map<number | string, PrefixGroup<T>>();
  for (const { prefix, tag } of items) {
    const key = networkKey(prefix);
    let group = byKey.get(key);
    if (!group) {
      group = { network: asNetwork(prefix), lo: lowBound(prefix), hi: highBound(prefix), items: [] };
      byKey.set(key, group);
    }
    group.items.push(tag);
  }
  return [...byKey.values()].sort(
    (a, b) => a.network.family - b.network.family || (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : a.network.len - b.network.len),
  );
}

/**
 * Calls `visit` with every group and the groups that enclose it (outermost first). Prefixes nest or are disjoint,
 * so after sorting the groups still open at a group form one chain: a stack sweep, O(n · nesting depth), and the
 * depth of distinct nested networks is at most 33 (IPv4) or 129 (IPv6). Never pairwise.
 */
export function sweepNested<T>(
  groups: readonly PrefixGroup<T>[], visit: (group: PrefixGroup<T>, enclosing: readonly PrefixGroup<T>[]) => void,
): void {
  const open: Array<PrefixGroup<T>> = [];
  for (const g of groups) {
    for (let top = open.at(-1); top !== undefined; top = open.at(-1)) {
      if (top.network.family === g.network.family && top.hi >= g.lo) break;
      open.pop();
    }
    visit(g, open);
    open.push(g);
  }
}
