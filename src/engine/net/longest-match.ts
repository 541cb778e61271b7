import type { Address } from './address';
import { familyBits } from './family';
import type { Family } from './family';
import type { Tagged } from './overlap-index';
import { prefixFirst } from './range';

/** Per length, the items keyed by their network value shifted down to the prefix bits. */
interface FamilyTable<T> {
  lengths: number[];
  byLength: Map<number, Map<bigint, Tagged<T>>>;
}

function buildTable<T>(items: readonly Tagged<T>[], family: Family): FamilyTable<T> {
  const bits = familyBits(family);
  const byLength = new Map<number, Map<bigint, Tagged<T>>>();
  for (const item of items) {
    const { prefix } = item;
    if (prefix.family !== family) continue;
    let table = byLength.get(prefix.len);
    if (table === undefined) byLength.set(prefix.len, (table = new Map()));
    const key = prefixFirst(prefix) >> BigInt(bits - prefix.len);
    // The first item for a network wins, so the answer does not depend on later duplicates.
    if (!table.has(key)) table.set(key, item);
  }
  return { lengths: [...byLength.keys()].sort((a, b) => b - a), byLength };
}

/**
 * Builds a longest-prefix-match lookup over `items` (like the kernel's route lookup or WireGuard's AllowedIPs
 * cryptokey routing): the returned function gives the most specific item containing an address, or null. Among
 * items with the same network and length the first one wins. A lookup probes one hash map per distinct length.
 */
export function longestMatch<T>(items: readonly Tagged<T>[]): (a: Address) => Tagged<T> | null {
  const tables = { 4: buildTable(items, 4), 6: buildTable(items, 6) } as const;
  return (a: Address): Tagged<T> | null => {
    const { lengths, byLength } = tables[a.family];
    const bits = familyBits(a.family);
    for (const len of lengths) {
      const hit = byLength.get(len)?.get(a.value >> BigInt(bits - len));
      if (hit !== undefined) return hit;
    }
    return null;
  };
}
