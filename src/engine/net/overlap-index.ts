import type { Address } from './address';
import { asNetwork, highBound, lowBound, networkKey } from './bounds';
import type { Bound } from './bounds';
import type { Family } from './family';
import type { Prefix } from './prefix';

/** A prefix with its owner (a host, a lan, a peer's AllowedIPs entry...). */
export interface Tagged<T> {
  readonly prefix: Prefix;
  readonly tag: T;
}

/** Items that share one network (same family, address range and length). */
export interface PrefixGroup<T> {
  network: Prefix;
  lo: Bound;
  hi: Bound;
  items: T[];
}

/** Groups tagged prefixes by network, sorted by family, start and length (enclosing first): O(n log n). */
export function groupPrefixes<T>(items: Iterable<Tagged<T>>): PrefixGroup<T>[] {
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

/**
 * Every pair of items whose ranges overlap, each pair once: [enclosing, enclosed], or two items on one network in
 * input order. The sweep of sweepNested: O(n log n + pairs).
 */
export function findOverlaps<T>(items: readonly Tagged<T>[]): Array<[Tagged<T>, Tagged<T>]> {
  const pairs: Array<[Tagged<T>, Tagged<T>]> = [];
  sweepNested(groupPrefixes(items.map((item) => ({ prefix: item.prefix, tag: item }))), (group, enclosing) => {
    for (const outer of enclosing) for (const a of outer.items) for (const b of group.items) pairs.push([a, b]);
    const here = group.items;
    for (let i = 0; i < here.length; i++) for (let j = i + 1; j < here.length; j++) pairs.push([here[i] as Tagged<T>, here[j] as Tagged<T>]);
  });
  return pairs;
}

/** Whether an address, or a prefix's network, meets any of a set of networks (see rangeTest). */
export interface RangeTest {
  holds(a: Address): boolean;
  meets(p: Prefix): boolean;
}

/**
 * A test against `prefixes` without grouping or pairs, for "does anything here meet any of those at all": the
 * networks sorted by start with the furthest end so far, and one binary search per question (the last network
 * starting at or before its end; it meets one exactly when the furthest end up to there reaches its start).
 * O(n log n) to build, O(log n) a question.
 */
export function rangeTest(prefixes: Iterable<Prefix>): RangeTest {
  const ranges: Array<{ family: Family; lo: Bound; hi: Bound }> = [];
  for (const p of prefixes) ranges.push({ family: p.family, lo: lowBound(p), hi: highBound(p) });
  ranges.sort((a, b) => a.family - b.family || (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
  const reach: Bound[] = [];
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i] as (typeof ranges)[number];
    const before = i > 0 && (ranges[i - 1] as (typeof ranges)[number]).family === r.family ? reach[i - 1] as Bound : r.hi;
    reach.push(before > r.hi ? before : r.hi);
  }
  const meets = (family: Family, lo: Bound, hi: Bound): boolean => {
    // The last network of this family whose start is at or before `hi`.
    let a = 0;
    let b = ranges.length - 1;
    let found = -1;
    while (a <= b) {
      const m = (a + b) >> 1;
      const r = ranges[m] as (typeof ranges)[number];
      if (r.family < family || (r.family === family && r.lo <= hi)) {
        if (r.family === family) found = m;
        a = m + 1;
      } else {
        b = m - 1;
      }
    }
    return found >= 0 && (reach[found] as Bound) >= lo;
  };
  return {
    holds(a) {
      const v = a.family === 4 ? a.v4 : a.value;
      return meets(a.family, v, v);
    },
    meets(p) {
      return meets(p.family, lowBound(p), highBound(p));
    },
  };
}
