import { makeAddress } from './address';
import type { Address } from './address';
import type { Prefix } from './prefix';
import { hostMask } from './prefix';

/** The first address value of `p`'s network (host bits cleared). */
export function prefixFirst(p: Prefix): bigint {
  return p.addr & ~hostMask(p);
}

/** The last address value of `p`'s network (host bits set). */
export function prefixLast(p: Prefix): bigint {
  return p.addr | hostMask(p);
}

/** The number of addresses `p` covers: 2^(bits - len). */
export function prefixSize(p: Prefix): bigint {
  return hostMask(p) + 1n;
}

/** True when `inner`'s range lies within `outer`'s network, both of one family. */
export function containsPrefix(outer: Prefix, inner: Prefix): boolean {
  return (
    outer.family === inner.family &&
    prefixFirst(outer) <= prefixFirst(inner) &&
    prefixLast(inner) <= prefixLast(outer)
  );
}

/** True when `a` lies within `p`'s network. */
export function containsAddress(p: Prefix, a: Address): boolean {
  return p.family === a.family && prefixFirst(p) <= a.value && a.value <= prefixLast(p);
}

/** True when the two ranges share an address; prefixes nest or are disjoint, so one then contains the other. */
export function prefixesOverlap(a: Prefix, b: Prefix): boolean {
  return a.family === b.family && prefixFirst(a) <= prefixLast(b) && prefixFirst(b) <= prefixLast(a);
}

/** `a` moved from `from`'s network to the same place in `to`'s: a service's address when its lan is renumbered. */
export function movedAddress(a: Address, from: Prefix, to: Prefix): Address {
  return makeAddress(a.family, a.value - prefixFirst(from) + prefixFirst(to));
}

function sign(d: bigint | number): number {
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/**
 * Sort order: family (4 first), network start, length (shorter, i.e. enclosing, first), then the address as
 * written, so prefixes that differ only in host bits still sort deterministically.
 */
export function comparePrefixes(a: Prefix, b: Prefix): number {
  return (
    sign(a.family - b.family) ||
    sign(prefixFirst(a) - prefixFirst(b)) ||
    sign(a.len - b.len) ||
    sign(a.addr - b.addr)
  );
}
