import type { Address } from './address';
import { NetError, quote } from './net-error';
import { plural } from '../text/plural';
import type { Prefix } from './prefix';
import { formatPrefix, hostPrefix } from './prefix';
import { prefixFirst, prefixLast } from './range';

/**
 * The lowest and highest assignable values of `pool`. IPv4 subnets shorter than /31 lose their network and
 * broadcast addresses; IPv6 subnets lose the all-zero subnet-router anycast address (RFC 4291 2.6.1). A /31, /32,
 * /127 or /128 keeps every address, as point-to-point links do (RFC 3021, RFC 6164).
 */
function assignable(pool: Prefix): { lo: bigint; hi: bigint } {
  const first = prefixFirst(pool);
  const last = prefixLast(pool);
  if (pool.family === 4) return pool.len < 31 ? { lo: first + 1n, hi: last - 1n } : { lo: first, hi: last };
  return pool.len < 127 ? { lo: first + 1n, hi: last } : { lo: first, hi: last };
}

function byValue(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Lowest free host addresses in `pool` not in `used` (other-family and out-of-pool entries are ignored), as host
 * prefixes (/32 or /128). Skips reserved addresses (see `assignable`). Throws NetError naming the pool when it
 * has fewer than `count` free. Sorts the used values inside the pool and walks the gaps, so a /64 with thousands
 * of used addresses costs O(u log u + count), never a scan of the pool.
 */
export function allocateAddresses(pool: Prefix, used: Iterable<Address>, count: number): Prefix[] {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count must be a whole number >= 0, got ${count}`);
  const { lo, hi } = assignable(pool);
  const taken: bigint[] = [];
  for (const a of used) if (a.family === pool.family && a.value >= lo && a.value <= hi) taken.push(a.value);
  taken.sort(byValue);

  const found: Prefix[] = [];
  const take = (value: bigint): void => {
    found.push(hostPrefix({ family: pool.family, value }));
  };
  let next = lo;
  for (const t of taken) {
    if (found.length === count) break;
    while (next < t && found.length < count) take(next++);
    // Duplicates in `used` leave `next` already past t.
    if (next === t) next++;
  }
  while (next <= hi && found.length < count) take(next++);

  if (found.length < count) {
    const name = formatPrefix(pool);
    throw new NetError(`pool ${quote(name)} is full: ${plural(count, 'address')} needed, ${freeCount(lo, hi, taken)} free`, name);
  }
  return found;
}

/**
 * How many addresses allocateAddresses could still hand out from `pool` (reserved ones and those in `used` left
 * out): what a design's parser checks, so that completing a parsed design never finds a pool full.
 */
export function freeAddresses(pool: Prefix, used: Iterable<Address>): bigint {
  const { lo, hi } = assignable(pool);
  const taken: bigint[] = [];
  for (const a of used) if (a.family === pool.family && a.value >= lo && a.value <= hi) taken.push(a.value);
  return freeCount(lo, hi, taken);
}

function freeCount(lo: bigint, hi: bigint, taken: readonly bigint[]): bigint {
  return hi >= lo ? hi - lo + 1n - BigInt(new Set(taken).size) : 0n;
}
