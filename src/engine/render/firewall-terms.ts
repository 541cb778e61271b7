import { addressOf, formatAddress, formatPrefix, isHostPrefix } from '../net';
import type { Family, Prefix } from '../net';

/** A named address set of a ruleset. */
export interface NamedSet {
  name: string;
  family: Family;
  elements: string[];
}

/** Prefixes grouped by family, IPv4 first; families with none are left out. */
export function byFamily(list: readonly Prefix[]): Array<[Family, Prefix[]]> {
  const out: Array<[Family, Prefix[]]> = [];
  for (const family of [4, 6] as const) {
    const of = list.filter((p) => p.family === family);
    if (of.length > 0) out.push([family, of]);
  }
  return out;
}

/** One address, or an anonymous set; host prefixes are written as plain addresses (nft and iptables alike). */
export function addressList(list: readonly Prefix[]): string {
  const items = list.map(addressText);
  return items.length === 1 ? (items[0] ?? '') : `{ ${items.join(', ')} }`;
}

/** A host route as a bare address, anything else as `addr/len`, both from the parsed form. */
export function addressText(p: Prefix): string {
  return isHostPrefix(p) ? formatAddress(addressOf(p)) : formatPrefix(p);
}

/** A set name from allow-listed parts: ids are `[a-z0-9-]`, and `-` becomes `_`, which no id contains. */
export function setName(role: string, flowId: string, end: string, family: Family): string {
  return `${role}_${flowId.replace(/-/g, '_')}_${end}_v${family}`;
}
