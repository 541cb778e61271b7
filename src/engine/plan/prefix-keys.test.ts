import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPrefix, networkOf, prefixFirst, prefixLast } from '../net';
import type { Prefix } from '../net';
import { bounds, inRange, networkKey, rangeOf } from './prefix-keys';

const prefix: fc.Arbitrary<Prefix> = fc.oneof(
  fc.record({ family: fc.constant(4 as const), addr: fc.bigInt({ min: 0n, max: 2n ** 32n - 1n }), len: fc.integer({ min: 0, max: 32 }) }),
  fc.record({ family: fc.constant(6 as const), addr: fc.bigInt({ min: 0n, max: 2n ** 128n - 1n }), len: fc.integer({ min: 0, max: 128 }) }),
);

describe('prefix keys', () => {
  it('give the same bounds as the bigint prefix math', () => {
    fc.assert(fc.property(prefix, (p) => {
      const { lo, hi } = bounds(p);
      expect([BigInt(lo), BigInt(hi)]).toEqual([prefixFirst(p), prefixLast(p)]);
    }));
  });

  it('name a network: equal keys exactly for equal networks', () => {
    fc.assert(fc.property(prefix, prefix, (a, b) => {
      expect(networkKey(a) === networkKey(b)).toBe(formatPrefix(networkOf(a)) === formatPrefix(networkOf(b)));
    }));
  });

  it('test containment of an address', () => {
    fc.assert(fc.property(prefix, prefix, (p, q) => {
      const a = { family: q.family, value: q.addr };
      expect(inRange(rangeOf(p), a)).toBe(p.family === a.family && prefixFirst(p) <= a.value && a.value <= prefixLast(p));
    }));
  });
});
