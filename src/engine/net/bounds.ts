import type { Address } from './address';
import { networkOf } from './prefix';
import type { Prefix } from './prefix';
import { prefixFirst, prefixLast } from './range';

// The same answers as range.ts (bounds.test.ts checks it), IPv4 in plain numbers: the plan and its validation handle
// tens of thousands of prefixes per edit, and bigint arithmetic allocates on every step.

/**
 * Lists up to this long are scanned; longer ones (a hub's peers, tunnels or firewall chain) get a map. The one
 * threshold of the engine: below it a scan costs less than building and keeping a map, and answers the same.
 */
export const SCAN_LIMIT = 16;

/** An address as a sort key: a plain number for IPv4 (no allocation), a bigint for IPv6. */
export type Bound = number | bigint;

/**
 * The first and last address of `p`'s network. IPv4 is done in plain numbers: the plan and its validation handle
 * tens of thousands of prefixes per edit, and bigint arithmetic allocates on every step.
 */
export function bounds(p: Prefix): { lo: Bound; hi: Bound } {
  return { lo: lowBound(p), hi: highBound(p) };
}

/** The first address of `p`'s network, without allocating for IPv4 (see `bounds`). */
export function lowBound(p: Prefix): Bound {
  if (p.family === 6) return prefixFirst(p);
  // 32-bit integer masks: several times faster than `a - a % 2 ** k`, which V8 does in floating point.
  return p.len === 0 ? 0 : (p.v4 & (-1 << (32 - p.len))) >>> 0;
}

/** The last address of `p`'s network, without allocating for IPv4 (see `bounds`). */
export function highBound(p: Prefix): Bound {
  if (p.family === 6) return prefixLast(p);
  return p.len === 0 ? 0xffffffff : (p.v4 | ~(-1 << (32 - p.len))) >>> 0;
}

/** A key naming `p`'s network (family, start and length): a number for IPv4, a string for IPv6. */
export function networkKey(p: Prefix): number | string {
  if (p.family === 6) return `${prefixFirst(p)}/${p.len}`;
  return (lowBound(p) as number) * 64 + p.len;
}

/** Whether `p`'s network holds `a`, without allocating for IPv4: the address agrees with `p` on its first len bits. */
export function holdsAddress(p: Prefix, a: Address): boolean {
  if (p.family !== a.family) return false;
  if (p.family === 6) return p.len === 128 ? p.addr === a.value : prefixFirst(p) <= a.value && a.value <= prefixLast(p);
  return p.len === 0 || ((p.v4 ^ a.v4) >>> (32 - p.len)) === 0;
}

/** A key naming one address: a number for IPv4, a string for IPv6. */
export function addressKey(a: Address): number | string {
  return a.family === 4 ? a.v4 : `6:${a.value}`;
}

/** Bounds with their family, for repeated containment tests against one prefix. */
export interface Range {
  family: 4 | 6;
  lo: Bound;
  hi: Bound;
}

/** The range of `p`'s network, for `inRange`. */
export function rangeOf(p: Prefix): Range {
  return { family: p.family, ...bounds(p) };
}

/** True when `a` lies in `r`. */
export function inRange(r: Range, a: Address): boolean {
  if (r.family !== a.family) return false;
  const v = a.family === 4 ? a.v4 : a.value;
  return r.lo <= v && v <= r.hi;
}

/** Where a network lies against `r`: 0 apart, 1 inside `r`, 2 overlapping `r` without being inside it. */
export type Placement = 0 | 1 | 2;

/**
 * Where the network from `lo` to `hi` (family `family`, as lowBound and highBound give them) lies against `r`: one
 * call per range for a network whose bounds were worked out once (a host's routes against the network's pools).
 * CIDR blocks either nest or are apart, so range containment is prefix containment.
 */
export function placeAgainst(r: Range, family: 4 | 6, lo: Bound, hi: Bound): Placement {
  if (r.family !== family || hi < r.lo || lo > r.hi) return 0;
  return r.lo <= lo && hi <= r.hi ? 1 : 2;
}

/**
 * `p` as its network: `p` itself when it already is one (a host route, or a lan parsed as its network), so the
 * plan's routes share the parsed prefixes instead of a copy per route. IPv4 is checked without bigint work.
 */
export function asNetwork(p: Prefix): Prefix {
  if (p.len === (p.family === 4 ? 32 : 128)) return p;
  if (p.family === 4) return lowBound(p) === p.v4 ? p : networkOf(p);
  return prefixFirst(p) === p.addr ? p : networkOf(p);
}

/** True when `inner`'s network lies within `outer`'s (containsPrefix without allocating for IPv4). */
export function holdsNetwork(outer: Prefix, inner: Prefix): boolean {
  return outer.family === inner.family && inner.len >= outer.len && lowBound(outer) <= lowBound(inner) && highBound(inner) <= highBound(outer);
}

/** True when the two networks share an address (prefixesOverlap without allocating for IPv4). */
export function networksOverlap(a: Prefix, b: Prefix): boolean {
  return a.family === b.family && lowBound(a) <= highBound(b) && lowBound(b) <= highBound(a);
}

/** Family, network start, length: comparePrefixes' order for networks (host bits ignored). */
export function compareNetworks(a: Prefix, b: Prefix): number {
  if (a.family !== b.family) return a.family - b.family;
  const x = lowBound(a);
  const y = lowBound(b);
  return x < y ? -1 : x > y ? 1 : a.len - b.len;
}

/**
 * Sorts `list` in place in compareNetworks order. Up to SCAN_LIMIT entries by insertion: V8's sort allocates a work
 * area per call, and an AllowedIPs list mostly holds two to four networks (4.5 MB per plan of 5,000 routed hosts).
 */
export function sortNetworks(list: Prefix[]): Prefix[] {
  if (list.length > SCAN_LIMIT) return list.sort(compareNetworks);
  for (let i = 1; i < list.length; i++) {
    const p = list[i] as Prefix;
    let j = i - 1;
    for (; j >= 0 && compareNetworks(list[j] as Prefix, p) > 0; j--) list[j + 1] = list[j] as Prefix;
    list[j + 1] = p;
  }
  return list;
}
