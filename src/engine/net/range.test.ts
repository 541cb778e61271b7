import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyPrefix, crowdedAddress, crowdedPrefix } from './arbitraries.node';
import { familyBits } from './family';
import { makeAddress, parseAddress } from './address';
import type { Prefix } from './prefix';
import { networkOf, parsePrefix } from './prefix';
import {
  comparePrefixes,
  containsAddress,
  containsPrefix,
  movedAddress,
  prefixesOverlap,
  prefixFirst,
  prefixLast,
  prefixSize,
} from './range';

const p = (text: string): Prefix => parsePrefix(text);

/** The range of `q` computed the slow way: divide down to the network number and back. */
function slowRange(q: Prefix): [bigint, bigint] {
  const size = 2n ** BigInt(familyBits(q.family) - q.len);
  const first = (q.addr / size) * size;
  return [first, first + size - 1n];
}

describe('ranges', () => {
  it.each([
    ['10.0.0.5/24', '10.0.0.0', '10.0.0.255', 256n],
    ['10.0.0.5/32', '10.0.0.5', '10.0.0.5', 1n],
    ['0.0.0.0/0', '0.0.0.0', '255.255.255.255', 1n << 32n],
    ['fd00::1/64', 'fd00::', 'fd00::ffff:ffff:ffff:ffff', 1n << 64n],
    ['::/0', '::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 1n << 128n],
  ])('%s spans %s..%s (%s addresses)', (text, first, last, size) => {
    expect(prefixFirst(p(text))).toBe(parseAddress(first).value);
    expect(prefixLast(p(text))).toBe(parseAddress(last).value);
    expect(prefixSize(p(text))).toBe(size);
  });

  it('first, last and size agree with plain arithmetic', () => {
    fc.assert(
      fc.property(anyPrefix, (q) => {
        const [first, last] = slowRange(q);
        expect(prefixFirst(q)).toBe(first);
        expect(prefixLast(q)).toBe(last);
        expect(prefixSize(q)).toBe(last - first + 1n);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('containment and overlap', () => {
  it.each([
    ['10.0.0.0/8', '10.1.2.0/24', true],
    ['10.0.0.0/24', '10.0.0.0/24', true],
    ['10.0.0.5/24', '10.0.0.0/25', true],
    ['10.0.0.0/24', '10.0.0.0/8', false],
    ['10.0.0.0/24', '10.0.1.0/24', false],
    ['0.0.0.0/0', 'fd00::/64', false],
    ['::/0', '10.0.0.0/8', false],
    ['::/0', 'fd00::1/128', true],
  ])('containsPrefix(%s, %s) = %s', (outer, inner, expected) => {
    expect(containsPrefix(p(outer), p(inner))).toBe(expected);
  });

  it('containsPrefix and prefixesOverlap agree with the bigint ranges', () => {
    fc.assert(
      fc.property(crowdedPrefix, crowdedPrefix, (a, b) => {
        const [af, al] = slowRange(a);
        const [bf, bl] = slowRange(b);
        const same = a.family === b.family;
        expect(containsPrefix(a, b)).toBe(same && af <= bf && bl <= al);
        expect(prefixesOverlap(a, b)).toBe(same && af <= bl && bf <= al);
        expect(prefixesOverlap(a, b)).toBe(containsPrefix(a, b) || containsPrefix(b, a));
      }),
      { numRuns: 3000 },
    );
  });

  it('containsAddress agrees with the bigint range', () => {
    fc.assert(
      fc.property(crowdedPrefix, crowdedAddress, (q, a) => {
        const [first, last] = slowRange(q);
        expect(containsAddress(q, a)).toBe(q.family === a.family && first <= a.value && a.value <= last);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('comparePrefixes', () => {
  it('sorts by family, start, then shorter first', () => {
    const texts = ['fd00::/64', '10.0.1.0/24', '10.0.0.0/24', '10.0.0.0/8', '10.0.0.0/16', '::/0', '0.0.0.0/0'];
    const sorted = texts.map(p).sort(comparePrefixes);
    expect(sorted).toEqual(['0.0.0.0/0', '10.0.0.0/8', '10.0.0.0/16', '10.0.0.0/24', '10.0.1.0/24', '::/0', 'fd00::/64'].map(p));
  });

  it('is a total order: antisymmetric, transitive, zero only for equal prefixes', () => {
    fc.assert(
      fc.property(crowdedPrefix, crowdedPrefix, crowdedPrefix, (a, b, c) => {
        expect(Math.sign(comparePrefixes(a, b)) + Math.sign(comparePrefixes(b, a))).toBe(0);
        expect(comparePrefixes(a, b) === 0).toBe(a.family === b.family && a.addr === b.addr && a.len === b.len);
        if (comparePrefixes(a, b) <= 0 && comparePrefixes(b, c) <= 0) expect(comparePrefixes(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 3000 },
    );
  });

  it('orders networks before anything they contain', () => {
    fc.assert(
      fc.property(crowdedPrefix, crowdedPrefix, (a, b) => {
        if (containsPrefix(a, b) && a.len < b.len) expect(comparePrefixes(networkOf(a), b)).toBeLessThan(0);
      }),
    );
  });
});

describe('movedAddress', () => {
  it('keeps an address at the same place in a network of the same length', () => {
    expect(movedAddress(parseAddress('10.20.0.9'), p('10.20.0.0/24'), p('10.21.2.0/24'))).toEqual(parseAddress('10.21.2.9'));
    fc.assert(
      fc.property(crowdedPrefix, crowdedPrefix, fc.bigInt({ min: 0n, max: 2n ** 128n - 1n }), (from, other, seed) => {
        if (other.family !== from.family) return;
        const to = { ...other, len: from.len };
        const a = makeAddress(from.family, prefixFirst(from) + (seed % prefixSize(from)));
        const moved = movedAddress(a, from, to);
        expect(containsAddress(to, moved)).toBe(true);
        expect(moved.value - prefixFirst(to)).toBe(a.value - prefixFirst(from));
      }),
    );
  });
});
