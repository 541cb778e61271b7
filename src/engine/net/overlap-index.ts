import type { Prefix } from './prefix';
import { comparePrefixes, prefixFirst, prefixLast } from './range';

/** A prefix with its owner (a host, a lan, a peer's AllowedIPs entry...). */
export interface Tagged<T> {
  readonly prefix: Prefix;
  readonly tag: T;
}

/**
 * Every pair of items whose ranges overlap, each pair once, as [earlier, later] in comparePrefixes order.
 * Two prefixes either nest or are disjoint, so after sorting by start (enclosing first) the ranges still open at an
 * item form a chain that all contain it: a stack sweep finds every pair in O(n log n + pairs).
 */
export function findOverlaps<T>(items: readonly Tagged<T>[]): Array<[Tagged<T>, Tagged<T>]> {
  const sorted = items
    .map((item) => ({ item, first: prefixFirst(item.prefix), last: prefixLast(item.prefix) }))
    .sort((a, b) => comparePrefixes(a.item.prefix, b.item.prefix));
  const pairs: Array<[Tagged<T>, Tagged<T>]> = [];
  const open: typeof sorted = [];
  for (const entry of sorted) {
    for (let top = open.at(-1); top !== undefined; top = open.at(-1)) {
      if (top.item.prefix.family === entry.item.prefix.family && top.last >= entry.first) break;
      open.pop();
    }
    for (const outer of open) pairs.push([outer.item, entry.item]);
    open.push(entry);
  }
  return pairs;
}
