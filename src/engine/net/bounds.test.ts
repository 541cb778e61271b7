import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeAddress } from './address';
import { asNetwork, bounds, compareNetworks, holdsAddress, holdsNetwork, highBound, inRange, lowBound, networkKey, networksOverlap, placeAgainst, rangeOf, SCAN_LIMIT, sortNetworks } from './bounds';
import { addressOf, makePrefix, networkOf, parsePrefix, formatPrefix } from './prefix';
import type { Prefix } from './prefix';
import { comparePrefixes, containsPrefix, prefixesOverlap, prefixFirst, prefixLast } from './range';

const prefix: fc.Arbitrary<Prefix> = fc.oneof(
  fc.record({ addr: fc.bigInt({ min: 0n, max: 2n ** 32n - 1n }), len: fc.integer({ min: 0, max: 32 }) }).map(({ addr, len }) => makePrefix(4, addr, len)),
  fc.record({ addr: fc.bigInt({ min: 0n, max: 2n ** 128n - 1n }), len: fc.integer({ min: 0, max: 128 }) }).map(({ addr, len }) => makePrefix(6, addr, len)),
);

describe('sortNetworks', () => {
  it('orders like Array.prototype.sort with compareNetworks, short lists (insertion) and long ones alike', () => {
    fc.assert(fc.property(fc.array(prefix, { maxLength: SCAN_LIMIT * 3 }), (list) => {
      const expected = [...list].sort(compareNetworks).map((p) => formatPrefix(networkOf(p)));
      const sorted = sortNetworks([...list]);
      expect(sorted).toHaveLength(list.length);
      expect(sorted.map((p) => formatPrefix(networkOf(p)))).toEqual(expected);
      // Each entry of the input is there once: a sort moves entries, it never copies one over another.
      expect(new Set(sorted).size).toBe(new Set(list).size);
    }));
  });
});

describe('network containment, overlap and order', () => {
  it('agree with the bigint prefix math', () => {
    fc.assert(fc.property(prefix, prefix, (a, b) => {
      expect(holdsNetwork(a, b)).toBe(containsPrefix(a, b));
      expect(networksOverlap(a, b)).toBe(prefixesOverlap(a, b));
      expect(Math.sign(compareNetworks(a, b))).toBe(Math.sign(comparePrefixes(networkOf(a), networkOf(b))));
    }));
  });

  it('placeAgainst says apart, inside or across as holdsNetwork and networksOverlap do', () => {
    const place = (a: Prefix, b: Prefix) => placeAgainst(rangeOf(a), b.family, lowBound(b), highBound(b));
    fc.assert(fc.property(prefix, prefix, (a, b) => {
      expect(place(a, b)).toBe(!prefixesOverlap(a, b) ? 0 : containsPrefix(a, b) ? 1 : 2);
    }));
    fc.assert(fc.property(prefix, fc.integer({ min: 0, max: 128 }), (a, extra) => {
      const inner = { ...a, len: Math.min(a.len + extra, a.family === 4 ? 32 : 128) };
      expect(place(a, inner)).toBe(1);
      expect(place(inner, a)).toBe(inner.len === a.len ? 1 : 2);
    }));
  });

  it('agree on nested and sibling networks (a random pair is rarely either)', () => {
    fc.assert(fc.property(prefix, fc.integer({ min: 0, max: 128 }), (a, extra) => {
      const inner = { ...a, len: Math.min(a.len + extra, a.family === 4 ? 32 : 128) };
      expect(holdsNetwork(a, inner)).toBe(true);
      expect(networksOverlap(inner, a)).toBe(true);
      expect(holdsNetwork(inner, a)).toBe(containsPrefix(inner, a));
    }));
  });
});

describe('prefix keys', () => {
  it('give the same bounds as the bigint prefix math', () => {
    fc.assert(fc.property(prefix, (p) => {
      const { lo, hi } = bounds(p);
      expect([BigInt(lo), BigInt(hi)]).toEqual([prefixFirst(p), prefixLast(p)]);
    }));
  });

  it('give the bigint bounds at the edges of the 32-bit masks (lengths 0, 1, 31, 32; the top bit set)', () => {
    for (const text of ['0.0.0.0/0', '255.255.255.255/0', '128.0.0.1/1', '127.255.255.255/1', '255.255.255.254/31', '255.255.255.255/32', '0.0.0.0/32']) {
      const p = parsePrefix(text);
      const { lo, hi } = bounds(p);
      expect([text, BigInt(lo), BigInt(hi)]).toEqual([text, prefixFirst(p), prefixLast(p)]);
    }
  });

  it('name a network: equal keys exactly for equal networks', () => {
    fc.assert(fc.property(prefix, prefix, (a, b) => {
      expect(networkKey(a) === networkKey(b)).toBe(formatPrefix(networkOf(a)) === formatPrefix(networkOf(b)));
    }));
  });

  it('test containment of an address', () => {
    fc.assert(fc.property(prefix, prefix, (p, q) => {
      const a = addressOf(q);
      const expected = p.family === a.family && prefixFirst(p) <= a.value && a.value <= prefixLast(p);
      expect(inRange(rangeOf(p), a)).toBe(expected);
      expect(holdsAddress(p, a)).toBe(expected);
      // An address drawn inside p, so the property also runs where it holds (random pairs rarely nest).
      const inside = makeAddress(p.family, prefixFirst(p) + (q.addr % (prefixLast(p) - prefixFirst(p) + 1n)));
      expect(holdsAddress(p, inside)).toBe(true);
    }));
  });

  it('asNetwork gives the network, and the prefix itself when it already is one', () => {
    fc.assert(fc.property(prefix, (p) => {
      const n = asNetwork(p);
      expect(n).toEqual(networkOf(p));
      expect(n === p).toBe(p.addr === networkOf(p).addr);
    }));
    const lan = parsePrefix('172.16.5.0/24');
    expect(asNetwork(lan)).toBe(lan);
    expect(formatPrefix(asNetwork(parsePrefix('172.16.5.9/24')))).toBe('172.16.5.0/24');
    expect(formatPrefix(asNetwork(parsePrefix('2001:db8::1/64')))).toBe('2001:db8::/64');
  });
});
