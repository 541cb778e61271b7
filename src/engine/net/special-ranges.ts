import type { Address } from './address';
import type { Prefix } from './prefix';
import { readPrefix } from './prefix';
import { containsAddress, containsPrefix, prefixesOverlap } from './range';

/**
 * Address ranges that cannot carry a WireGuard overlay or be dialled as a peer: a packet to them never leaves
 * the host (loopback), is not unicast (multicast, broadcast), means "no address" (unspecified, including IPv4's
 * "this network" 0.0.0.0/8, RFC 1122 3.2.1.3) or stays on one link and is used by the kernel itself (link-local).
 * Documentation ranges (RFC 5737, RFC 3849) are routable-looking examples that are never anyone's real address.
 */
export type SpecialKind = 'unspecified' | 'loopback' | 'link-local' | 'multicast' | 'broadcast' | 'documentation';

export interface SpecialRange {
  readonly kind: SpecialKind;
  readonly prefix: Prefix;
  /** The range as written, for messages. */
  readonly text: string;
}

function range(text: string, kind: SpecialKind): SpecialRange {
  const prefix = readPrefix(text);
  if (typeof prefix === 'string') throw new Error(`special range ${text}: ${prefix}`);
  return { kind, prefix, text };
}

// One table, most specific first where ranges nest (none do today), so a lookup names the narrowest reason.
export const SPECIAL_RANGES: readonly SpecialRange[] = [
  range('0.0.0.0/8', 'unspecified'),
  range('127.0.0.0/8', 'loopback'),
  range('169.254.0.0/16', 'link-local'),
  range('224.0.0.0/4', 'multicast'),
  range('255.255.255.255/32', 'broadcast'),
  range('192.0.2.0/24', 'documentation'),
  range('198.51.100.0/24', 'documentation'),
  range('203.0.113.0/24', 'documentation'),
  range('::/128', 'unspecified'),
  range('::1/128', 'loopback'),
  range('fe80::/10', 'link-local'),
  range('ff00::/8', 'multicast'),
  range('2001:db8::/32', 'documentation'),
];

/** The special range `a` lies in, or null for an ordinary unicast address. */
export function specialRangeOf(a: Address): SpecialRange | null {
  return SPECIAL_RANGES.find((r) => containsAddress(r.prefix, a)) ?? null;
}

/** The special range that holds all of `p`, or null. */
export function specialRangeHolding(p: Prefix): SpecialRange | null {
  return SPECIAL_RANGES.find((r) => containsPrefix(r.prefix, p)) ?? null;
}

/** Every special range `p` overlaps (holds or lies in), in table order. */
export function specialRangesOverlapping(p: Prefix): SpecialRange[] {
  return SPECIAL_RANGES.filter((r) => prefixesOverlap(r.prefix, p));
}

// RFC 2606 and RFC 6761 reserve these names: "example" and example.com/.net/.org for documentation, "test" for
// testing, "invalid" for names that must never resolve. A peer's endpoint under them is a placeholder.
const DOCUMENTATION_NAMES = ['example', 'example.com', 'example.net', 'example.org', 'test', 'invalid'];

/** True when the DNS `name` is one of the reserved documentation names or under one. */
export function isDocumentationName(name: string): boolean {
  const n = name.toLowerCase().replace(/\.$/, '');
  return DOCUMENTATION_NAMES.some((d) => n === d || n.endsWith(`.${d}`));
}
