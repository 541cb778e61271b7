import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freePrefixLike } from './free-prefix';
import { formatPrefix, hostBits, makePrefix, parsePrefix } from './prefix';
import type { Prefix } from './prefix';
import { containsPrefix, prefixesOverlap } from './range';

const free = (wanted: string, taken: string[]) => {
  const p = freePrefixLike(parsePrefix(wanted), taken.map(parsePrefix));
  return p && formatPrefix(p);
};

describe('freePrefixLike', () => {
  it('takes the next block of the same size', () => {
    expect(free('192.168.1.0/24', ['192.168.1.0/24'])).toBe('192.168.2.0/24');
  });

  it('jumps past taken ranges of any size, nested or not', () => {
    expect(free('10.20.0.0/24', ['10.20.0.0/16', '10.21.0.0/24', '10.21.1.0/25'])).toBe('10.21.2.0/24');
  });

  it('wraps round to the start of the private range', () => {
    expect(free('192.168.255.0/24', ['192.168.255.0/24'])).toBe('192.168.0.0/24');
  });

  it('answers null when the range is full or the prefix is not private', () => {
    expect(free('192.168.1.0/24', ['192.168.0.0/16'])).toBeNull();
    expect(free('198.51.100.0/24', [])).toBeNull();
  });

  it('works for IPv6 unique local ranges', () => {
    expect(free('fd00:1::/64', ['fd00:1::/64', 'fd00:1:0:1::/64'])).toBe('fd00:1:0:2::/64');
  });
});

describe('freePrefixLike, on random crowded ranges', () => {
  // Prefixes inside 192.168.0.0/16, of lengths 16-28, so a range fills and wraps often.
  const inBlock: fc.Arbitrary<Prefix> = fc.record({ addr: fc.integer({ min: 0, max: 0xffff }), len: fc.integer({ min: 16, max: 28 }) })
    .map(({ addr, len }) => makePrefix(4, 0xc0a80000n + BigInt(addr), len));

  it('gives a network of the wanted length, in the same private range, clear of everything taken', () => {
    fc.assert(fc.property(inBlock, fc.array(inBlock, { maxLength: 12 }), (wanted, taken) => {
      const got = freePrefixLike(wanted, taken);
      if (got === null) return;
      expect(got.len).toBe(wanted.len);
      expect(hostBits(got)).toBe(false);
      expect(containsPrefix(parsePrefix('192.168.0.0/16'), got)).toBe(true);
      expect(taken.filter((t) => prefixesOverlap(t, got))).toEqual([]);
    }), { numRuns: 500 });
  });
});
