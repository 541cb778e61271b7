import type { Address } from './address';
import { holdsAddress } from './bounds';
import type { Prefix } from './prefix';

/** Per length present (longest first), the items by their network's prefix bits (see `leadingBits`). */
interface FamilyTable<I> {
  lengths: number[];
  byLength: Array<Map<number | bigint, I> | undefined>;
}

/**
 * The first `len` bits of an address, as a map key: a 32-bit integer for IPv4 (V8 hashes it unboxed, and no bigint
 * is made per probe), a bigint for IPv6. `>>> 32` would shift by nothing, hence the /0 case.
 */
function leadingBits(family: 4 | 6, value: bigint, v4: number, len: number): number | bigint {
  if (family === 4) return len === 0 ? 0 : (v4 >>> (32 - len)) | 0;
  return value >> BigInt(128 - len);
}

function buildTable<I extends { readonly prefix: Prefix }>(items: readonly I[], family: 4 | 6): FamilyTable<I> {
  const table: FamilyTable<I> = { lengths: [], byLength: [] };
  for (const item of items) {
    const { prefix } = item;
    if (prefix.family !== family) continue;
    let slots = table.byLength[prefix.len];
    if (slots === undefined) {
      table.byLength[prefix.len] = slots = new Map();
      table.lengths.push(prefix.len);
    }
    const key = leadingBits(family, prefix.addr, prefix.v4, prefix.len);
    // The first item for a network wins, so the answer does not depend on later duplicates.
    if (!slots.has(key)) slots.set(key, item);
  }
  table.lengths.sort((a, b) => b - a);
  return table;
}

/**
 * Builds a longest-prefix-match lookup over `items` (like the kernel's route lookup or WireGuard's AllowedIPs
 * cryptokey routing): the returned function gives the most specific item containing an address, or null. Among
 * items with the same network and length the first one wins (list the winner of a tie first). Up to `scanUpTo`
 * items are scanned, with nothing built (a plan's SCAN_LIMIT: a spoke's few routes, thousands of times over);
 * beyond, a lookup probes one hash map per distinct length, each family's maps built on its first lookup.
 */
export function longestMatch<I extends { readonly prefix: Prefix }>(items: readonly I[], scanUpTo = 0): (a: Address) => I | null {
  if (items.length <= scanUpTo) {
    return (a: Address): I | null => {
      let best: I | null = null;
      for (const item of items) if ((best === null || item.prefix.len > best.prefix.len) && holdsAddress(item.prefix, a)) best = item;
      return best;
    };
  }
  let v4: FamilyTable<I> | null = null;
  let v6: FamilyTable<I> | null = null;
  return (a: Address): I | null => {
    const { lengths, byLength } = a.family === 4 ? (v4 ??= buildTable(items, 4)) : (v6 ??= buildTable(items, 6));
    const bits = a.v4;
    for (const len of lengths) {
      const hit = byLength[len]?.get(leadingBits(a.family, a.value, bits, len));
      if (hit !== undefined) return hit;
    }
    return null;
  };
}
