import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyAddress, anyPrefix, isMapped } from './arbitraries.node';
import { NetError } from './net-error';
import type { Prefix } from './prefix';
import {
  addressOf,
  formatPrefix,
  makePrefix,
  hostBits,
  hostPrefix,
  isDefaultRoute,
  isHostPrefix,
  networkOf,
  parsePrefix,
  tryParsePrefix,
} from './prefix';

describe('parsePrefix', () => {
  it.each([
    ['10.0.0.0/24', '10.0.0.0/24'],
    ['10.0.0.5/24', '10.0.0.5/24'],
    ['10.0.0.1', '10.0.0.1/32'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['255.255.255.255/32', '255.255.255.255/32'],
    ['fd00::/64', 'fd00::/64'],
    ['FD00:0::1/128', 'fd00::1/128'],
    ['fd00::1', 'fd00::1/128'],
    ['::/0', '::/0'],
  ])('accepts %j as %s', (text, canonical) => {
    expect(formatPrefix(parsePrefix(text))).toBe(canonical);
  });

  it('keeps host bits as written', () => {
    expect(parsePrefix('10.0.0.5/24')).toEqual({ family: 4, addr: 0x0a000005n, len: 24, v4: 0x0a000005 });
  });

  it.each([
    ['', 'empty'],
    ['10.0.0.0/24\n', 'whitespace'],
    ['10.0.0.0 /24', 'whitespace'],
    ['10.0.0.0/ 24', 'whitespace'],
    ['10.0.0.1/33', 'longer than the 32 bits'],
    ['fd00::/129', 'longer than the 128 bits'],
    ['10.0.0.0/024', 'without leading zeros'],
    ['10.0.0.0/+24', 'without leading zeros'],
    ['10.0.0.0/-1', 'without leading zeros'],
    ['10.0.0.0/0x18', 'without leading zeros'],
    ['10.0.0.0/', 'without leading zeros'],
    ['10.0.0.0/24/8', 'without leading zeros'],
    ['10.0.0.0/1000', 'without leading zeros'],
    ['10.0.0.0/255.255.255.0', 'without leading zeros'],
    ['/24', 'no address'],
    ['10.0.0.300/24', 'four decimal'],
    ['1.2.3/24', 'four decimal'],
    ['0x0a.0.0.0/8', 'four decimal'],
    ['010.0.0.0/8', 'four decimal'],
    ['fe80::%eth0/64', 'zone ids'],
    ['fe80::/64%eth0', 'without leading zeros'],
    ['::ffff:1.2.3.4/128', 'dotted IPv4'],
    ['::ffff:0:0/96', 'IPv4-mapped'],
    ['$(x)/24', 'neither'],
    ['10.0.0.0/24;id', 'without leading zeros'],
    [`fd00::/64${'0'.repeat(60)}`, 'longer than 64'],
  ])('rejects %j (%s)', (text, why) => {
    expect(tryParsePrefix(text)).toBeNull();
    expect(() => parsePrefix(text)).toThrow(why);
  });

  it('names the text in its error', () => {
    expect(() => parsePrefix('10.0.0.300/24')).toThrow(/^"10\.0\.0\.300\/24" is not an IPv4 or IPv6 prefix: /);
    try {
      parsePrefix('10.0.0.300/24');
    } catch (e) {
      expect(e).toBeInstanceOf(NetError);
      expect((e as NetError).input).toBe('10.0.0.300/24');
    }
  });

  it('round-trips: parse(format(p)) = p for every acceptable prefix', () => {
    fc.assert(
      fc.property(anyPrefix, (p) => {
        const text = formatPrefix(p);
        if (isMapped(addressOf(p))) {
          expect(tryParsePrefix(text)).toBeNull();
          return;
        }
        expect(parsePrefix(text)).toEqual(p);
        expect(formatPrefix(parsePrefix(text))).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatPrefix', () => {
  it('refuses malformed prefixes', () => {
    expect(() => formatPrefix(makePrefix(4, 0n, 33))).toThrow(NetError);
    expect(() => formatPrefix(makePrefix(4, 0n, 1.5))).toThrow(NetError);
    expect(() => formatPrefix(makePrefix(6, 1n << 128n, 64))).toThrow(NetError);
  });
});

describe('host bits and networks', () => {
  const p = (text: string): Prefix => parsePrefix(text);

  it.each([
    ['10.0.0.5/24', true, '10.0.0.0/24'],
    ['10.0.0.0/24', false, '10.0.0.0/24'],
    ['10.0.0.5/32', false, '10.0.0.5/32'],
    ['10.255.0.0/8', true, '10.0.0.0/8'],
    ['1.2.3.4/0', true, '0.0.0.0/0'],
    ['fd00::1/64', true, 'fd00::/64'],
    ['fd00:0:0:1::/64', false, 'fd00:0:0:1::/64'],
  ])('%s: hostBits %s, network %s', (text, bits, network) => {
    expect(hostBits(p(text))).toBe(bits);
    expect(formatPrefix(networkOf(p(text)))).toBe(network);
  });

  it('every prefix made from text, a network or an address carries its IPv4 address as the number v4 (0 for IPv6)', () => {
    const agrees = (x: Prefix) => x.v4 === (x.family === 4 ? Number(x.addr) : 0);
    fc.assert(
      fc.property(anyPrefix, anyAddress, (q, a) => {
        const parsed = parsePrefix(formatPrefix(q));
        expect([parsed, networkOf(q), networkOf(parsed), hostPrefix(a)].every(agrees)).toBe(true);
      }),
    );
    expect(parsePrefix('255.255.255.255').v4).toBe(0xffffffff);
    expect(parsePrefix('fd00::1/64').v4).toBe(0);
  });

  it('hostPrefix and isHostPrefix', () => {
    fc.assert(
      fc.property(anyAddress, (a) => {
        const h = hostPrefix(a);
        expect(isHostPrefix(h)).toBe(true);
        expect(h.addr).toBe(a.value);
        expect(hostBits(h)).toBe(false);
      }),
    );
    expect(isHostPrefix(p('10.0.0.0/31'))).toBe(false);
    expect(isHostPrefix(p('fd00::/127'))).toBe(false);
  });

  it('isDefaultRoute', () => {
    expect(isDefaultRoute(p('0.0.0.0/0'))).toBe(true);
    expect(isDefaultRoute(p('::/0'))).toBe(true);
    expect(isDefaultRoute(p('0.0.0.0/1'))).toBe(false);
    expect(isDefaultRoute(p('::/1'))).toBe(false);
  });

  it('networkOf is idempotent and clears exactly the host bits', () => {
    fc.assert(
      fc.property(anyPrefix, (q) => {
        const n = networkOf(q);
        expect(hostBits(n)).toBe(false);
        expect(networkOf(n)).toEqual(n);
        expect(n.len).toBe(q.len);
        expect(hostBits(q)).toBe(n.addr !== q.addr);
      }),
    );
  });
});
