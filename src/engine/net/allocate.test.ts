import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Address } from './address';
import { formatAddress, makeAddress, parseAddress } from './address';
import { allocateAddresses, freeAddresses } from './allocate';
import { NetError } from './net-error';
import type { Prefix } from './prefix';
import { formatPrefix, makePrefix, parsePrefix } from './prefix';
import { prefixFirst } from './range';

const addrs = (...texts: string[]): Address[] => texts.map(parseAddress);
const texts = (prefixes: Prefix[]): string[] => prefixes.map(formatPrefix);
const alloc = (pool: string, used: Address[], count: number): string[] =>
  texts(allocateAddresses(parsePrefix(pool), used, count));

describe('allocateAddresses', () => {
  it('skips the IPv4 network address and hands out the lowest free hosts', () => {
    expect(alloc('10.0.0.0/24', [], 3)).toEqual(['10.0.0.1/32', '10.0.0.2/32', '10.0.0.3/32']);
  });

  it('skips used addresses, in any order and with duplicates', () => {
    const used = addrs('10.0.0.3', '10.0.0.1', '10.0.0.1', '10.0.0.5');
    expect(alloc('10.0.0.0/24', used, 3)).toEqual(['10.0.0.2/32', '10.0.0.4/32', '10.0.0.6/32']);
  });

  it('ignores used addresses of the other family or outside the pool', () => {
    const used = addrs('10.0.1.1', 'fd00::1', '9.255.255.255');
    expect(alloc('10.0.0.0/24', used, 1)).toEqual(['10.0.0.1/32']);
  });

  it('accepts a pool written with host bits', () => {
    expect(alloc('10.0.0.66/30', [], 2)).toEqual(['10.0.0.65/32', '10.0.0.66/32']);
  });

  it('never hands out the IPv4 broadcast address', () => {
    expect(() => alloc('10.0.0.0/30', [], 3)).toThrow(NetError);
    expect(alloc('10.0.0.0/30', addrs('10.0.0.1'), 1)).toEqual(['10.0.0.2/32']);
  });

  it('uses both addresses of a /31 and the one of a /32 (point-to-point, RFC 3021)', () => {
    expect(alloc('10.0.0.0/31', [], 2)).toEqual(['10.0.0.0/32', '10.0.0.1/32']);
    expect(alloc('10.0.0.9/32', [], 1)).toEqual(['10.0.0.9/32']);
  });

  it('skips the IPv6 subnet-router anycast address but uses the last one', () => {
    expect(alloc('fd00::/64', [], 2)).toEqual(['fd00::1/128', 'fd00::2/128']);
    expect(alloc('fd00::/126', [], 3)).toEqual(['fd00::1/128', 'fd00::2/128', 'fd00::3/128']);
    expect(alloc('fd00::/127', [], 2)).toEqual(['fd00::/128', 'fd00::1/128']);
    expect(alloc('fd00::/120', addrs('fd00::1', 'fd00::2'), 1)).toEqual(['fd00::3/128']);
  });

  it('returns nothing for count 0, even from a full pool', () => {
    expect(alloc('10.0.0.0/31', addrs('10.0.0.0', '10.0.0.1'), 0)).toEqual([]);
  });

  it('rejects a count that is not a whole number', () => {
    expect(() => alloc('10.0.0.0/24', [], -1)).toThrow(RangeError);
    expect(() => alloc('10.0.0.0/24', [], 1.5)).toThrow(RangeError);
  });

  it('throws a NetError naming the pool when it is full', () => {
    const used = addrs('10.0.0.1', '10.0.0.2', '10.0.0.2');
    try {
      alloc('10.0.0.0/30', used, 1);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(NetError);
      expect((e as NetError).input).toBe('10.0.0.0/30');
      expect((e as NetError).message).toBe('pool "10.0.0.0/30" is full: 1 address needed, 0 free');
    }
    expect(() => alloc('10.0.0.0/29', addrs('10.0.0.1'), 6)).toThrow('6 addresses needed, 5 free');
    expect(() => alloc('fd00::/128', addrs('fd00::'), 1)).toThrow('pool "fd00::/128" is full');
  });

  it('counts the free addresses it would hand out: reserved and used ones (counted once) left out', () => {
    expect(freeAddresses(parsePrefix('10.0.0.0/29'), addrs('10.0.0.1', '10.0.0.1', '10.0.0.7', '10.0.1.1', 'fd00::1'))).toBe(5n);
    expect(freeAddresses(parsePrefix('10.0.0.0/30'), addrs('10.0.0.1', '10.0.0.2'))).toBe(0n);
    expect(freeAddresses(parsePrefix('fd00::/128'), [])).toBe(1n);
    expect(freeAddresses(parsePrefix('fd00::/64'), addrs('fd00::5'))).toBe(2n ** 64n - 2n);
    // Exactly as many as allocation hands out before it says the pool is full.
    expect(alloc('10.0.0.0/29', addrs('10.0.0.1', '10.0.0.7'), 4)).toHaveLength(4);
  });

  it('fills a /64 around 5,000 scattered used addresses without scanning the pool', () => {
    const pool = parsePrefix('fd00:1::/64');
    const base = prefixFirst(pool);
    // The first 4,000 hosts are taken, then every other one up to 6,000: the free ones are 4001, 4003, ...
    const used: Address[] = [];
    for (let i = 1n; i <= 4000n; i++) used.push(makeAddress(6, base + i));
    for (let i = 4002n; i <= 6000n; i += 2n) used.push(makeAddress(6, base + i));
    used.reverse();
    const got = allocateAddresses(pool, used, 1200).map((q) => q.addr - base);
    const expected = [...Array(1000).keys()].map((i) => 4001n + 2n * BigInt(i)).concat([...Array(200).keys()].map((i) => 6001n + BigInt(i)));
    expect(got).toEqual(expected);
    expect(formatAddress({ family: 6, value: base + (got[0] ?? 0n) })).toBe('fd00:1::fa1');
  });

  it('agrees with a brute-force scan on small pools', () => {
    const pool = fc.record({ base: fc.integer({ min: 0, max: 255 }), len: fc.integer({ min: 24, max: 32 }) });
    fc.assert(
      fc.property(pool, fc.array(fc.integer({ min: 0, max: 300 })), fc.integer({ min: 0, max: 20 }), ({ base, len }, offsets, count) => {
        const p = makePrefix(4, (10n << 24n) | (BigInt(base) << 8n), len);
        const first = prefixFirst(p);
        const size = 1n << BigInt(32 - len);
        const used = offsets.map((o) => makeAddress(4, first + BigInt(o) - 20n));
        const taken = new Set(used.map((a) => a.value));
        const free: bigint[] = [];
        for (let v = first; v < first + size; v++) {
          const reserved = len < 31 && (v === first || v === first + size - 1n);
          if (!reserved && !taken.has(v)) free.push(v);
        }
        if (free.length < count) expect(() => allocateAddresses(p, used, count)).toThrow(NetError);
        else expect(allocateAddresses(p, used, count).map((q) => q.addr)).toEqual(free.slice(0, count));
      }),
      { numRuns: 1000 },
    );
  });
});
