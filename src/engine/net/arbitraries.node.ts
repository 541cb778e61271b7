// fast-check arbitraries shared by this folder's tests. The `.node.ts` suffix keeps this test-only helper out of
// the engine build and its type-check, like the tests themselves.
import fc from 'fast-check';
import { makeAddress } from './address';
import type { Address } from './address';
import type { Family } from './family';
import { familyBits, maxValue } from './family';
import { makePrefix } from './prefix';
import type { Prefix } from './prefix';

/** True for a value parseAddress refuses on purpose: IPv4-mapped IPv6 (::ffff:0:0/96). */
export function isMapped(a: Address): boolean {
  return a.family === 6 && a.value >> 32n === 0xffffn;
}

/** Any address of `family`. */
export function addressIn(family: Family): fc.Arbitrary<Address> {
  return fc.bigInt({ min: 0n, max: maxValue(family) }).map((value) => makeAddress(family, value));
}

/** Any address, IPv6 ones biased towards zero runs so "::" compression is exercised. */
export const anyAddress: fc.Arbitrary<Address> = fc.oneof(
  addressIn(4),
  addressIn(6),
  fc
    .array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xffff })), { minLength: 8, maxLength: 8 })
    .map((parts) => makeAddress(6, parts.reduce((v, p) => (v << 16n) | BigInt(p), 0n))),
);

/** Any prefix of `family`, host bits possibly set. */
export function prefixOf(family: Family): fc.Arbitrary<Prefix> {
  return fc
    .record({ addr: fc.bigInt({ min: 0n, max: maxValue(family) }), len: fc.integer({ min: 0, max: familyBits(family) }) })
    .map(({ addr, len }) => makePrefix(family, addr, len));
}

/** Any prefix of either family. */
export const anyPrefix: fc.Arbitrary<Prefix> = fc.oneof(prefixOf(4), prefixOf(6));

/**
 * Prefixes crowded into a few small address windows of both families, so random sets actually nest, repeat
 * and collide (uniform 128-bit prefixes would almost never overlap).
 */
export const crowdedPrefix: fc.Arbitrary<Prefix> = fc
  .record({
    family: fc.constantFrom<Family>(4, 6),
    window: fc.integer({ min: 0, max: 2 }),
    offset: fc.bigInt({ min: 0n, max: 255n }),
    depth: fc.integer({ min: 0, max: 10 }),
  })
  .map(({ family, window, offset, depth }) => {
    const bits = familyBits(family);
    // 8-bit windows at three bases; `depth` spans lengths from bits-10 (wider than a window) to a host prefix.
    const base = BigInt(window) << BigInt(bits - 2);
    return makePrefix(family, base | offset, bits - depth);
  });

/** Addresses crowded into the same windows as crowdedPrefix. */
export const crowdedAddress: fc.Arbitrary<Address> = fc
  .record({ family: fc.constantFrom<Family>(4, 6), window: fc.integer({ min: 0, max: 2 }), offset: fc.bigInt({ min: 0n, max: 2047n }) })
  .map(({ family, window, offset }) => makeAddress(family, (BigInt(window) << BigInt(familyBits(family) - 2)) | offset));
