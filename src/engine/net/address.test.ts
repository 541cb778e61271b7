import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAddress, parseAddress, tryParseAddress } from './address';
import { anyAddress, isMapped } from './arbitraries.node';
import { NetError } from './net-error';

/** An independent reading of the accepted grammar, used as the oracle for fuzzing. */
function oracle(text: string): bigint | null {
  const v4 = /^(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})$/.exec(text);
  if (v4) {
    const octets = v4.slice(1).map(Number);
    return octets.every((o) => o <= 255) ? octets.reduce((v, o) => (v << 8n) | BigInt(o), 0n) : null;
  }
  if (!/^[0-9a-fA-F:]+$/.test(text)) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string | undefined): string[] => (s === undefined || s === '' ? [] : s.split(':'));
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  const all = [...head, ...tail];
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return null;
  if (halves.length === 2 ? all.length > 7 : all.length !== 8) return null;
  const parts = [...head, ...Array<string>(8 - all.length).fill('0'), ...tail];
  const value = parts.reduce((v, g) => (v << 16n) | BigInt(`0x${g}`), 0n);
  return value >> 32n === 0xffffn ? null : value;
}

describe('parseAddress', () => {
  it.each([
    ['0.0.0.0', 4, 0n],
    ['10.0.0.1', 4, 0x0a000001n],
    ['255.255.255.255', 4, 0xffffffffn],
    ['::', 6, 0n],
    ['::1', 6, 1n],
    ['fd00::1', 6, 0xfd00n << 112n | 1n],
    ['FD00:0:0:0:0:0:0:1', 6, 0xfd00n << 112n | 1n],
    ['2001:0db8::0001', 6, 0x20010db8n << 96n | 1n],
    ['1:2:3:4:5:6:7::', 6, 0x0001000200030004000500060007_0000n],
    ['::102:304', 6, 0x01020304n],
  ] as const)('accepts %j', (text, family, value) => {
    expect(parseAddress(text)).toEqual({ family, value, v4: family === 4 ? Number(value) : 0 });
  });

  it.each([
    ['', 'empty'],
    [' 10.0.0.1', 'whitespace'],
    ['10.0.0.1 ', 'whitespace'],
    ['10.0.0.1\n', 'whitespace'],
    ['10.0.0.1\nrm -rf /', 'whitespace'],
    ['\t::1', 'whitespace'],
    ['１0.0.0.1', 'non-ASCII'],
    ['$(x)', 'neither'],
    ['`id`', 'neither'],
    ['10.0.0.1;reboot', 'four decimal'],
    ['10.0.0.300', 'four decimal'],
    ['10.0.0.1/33', 'four decimal'],
    ['1.2.3', 'four decimal'],
    ['1.2.3.4.5', 'four decimal'],
    ['0x0a.0.0.1', 'four decimal'],
    ['010.0.0.1', 'four decimal'],
    ['10.0.0.01', 'four decimal'],
    ['10.0.0.', 'four decimal'],
    ['167772161', 'four decimal'],
    ['-1.0.0.0', 'four decimal'],
    ['fe80::1%eth0', 'zone ids'],
    ['fe80::1%1', 'zone ids'],
    ['::ffff:1.2.3.4', 'dotted IPv4'],
    ['::1.2.3.4', 'dotted IPv4'],
    ['64:ff9b::192.0.2.1', 'dotted IPv4'],
    ['::ffff:102:304', 'IPv4-mapped'],
    ['::FFFF:0:0', 'IPv4-mapped'],
    ['0:0:0:0:0:ffff:ffff:ffff', 'IPv4-mapped'],
    [':::', 'well-formed'],
    ['1::2::3', 'well-formed'],
    [':1::', 'well-formed'],
    ['::1:', 'well-formed'],
    ['::2:3:4:5:6:7:', 'well-formed'],
    ['1:2:3:4:5:6:7', 'well-formed'],
    ['1:2:3:4:5:6:7:8:9', 'well-formed'],
    ['1:2:3:4:5:6:7::8', 'well-formed'],
    ['12345::', 'well-formed'],
    ['g::1', 'well-formed'],
    ['[::1]', 'well-formed'],
    ['0'.repeat(30) + ':' + '0'.repeat(40), 'longer than 64'],
  ])('rejects %j (%s)', (text, why) => {
    expect(tryParseAddress(text)).toBeNull();
    expect(() => parseAddress(text)).toThrow(why);
  });

  it('throws a NetError that carries the input and quotes it safely', () => {
    const text = 'x\ny';
    try {
      parseAddress(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(NetError);
      expect((e as NetError).input).toBe(text);
      expect((e as NetError).message).toMatch(/^"x\\ny" is not an IPv4 or IPv6 address: /);
    }
  });

  it('rejects non-strings that slip past the types', () => {
    expect(tryParseAddress(10 as unknown as string)).toBeNull();
    expect(() => parseAddress(undefined as unknown as string)).toThrow(NetError);
  });

  it('agrees with an independent reading of the grammar on hostile fuzz', () => {
    const token = fc.constantFrom('0', '1', '01', '255', '256', 'f', 'F', 'ffff', '12345', ':', '::', '.', '%', 'x', '/', ' ', '\n');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 14 }).map((t) => t.join('')), (text) => {
        expect(tryParseAddress(text)?.value ?? null).toBe(oracle(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with the oracle on near-misses: valid addresses with one character edited', () => {
    const edit = fc.record({
      at: fc.nat(),
      op: fc.constantFrom('insert', 'delete', 'replace'),
      ch: fc.constantFrom('0', 'a', 'G', ':', '.', '%', ' ', '\n', '/'),
    });
    fc.assert(
      fc.property(anyAddress, edit, (a, { at, op, ch }) => {
        const text = formatAddress(a);
        const i = at % (text.length + 1);
        const edited =
          op === 'insert' ? text.slice(0, i) + ch + text.slice(i)
          : op === 'delete' ? text.slice(0, i) + text.slice(i + 1)
          : text.slice(0, i) + ch + text.slice(i + 1);
        expect(tryParseAddress(edited)?.value ?? null).toBe(oracle(edited));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('formatAddress', () => {
  // RFC 5952 section 4 examples.
  it.each([
    ['2001:db8:0:0:0:0:2:1', '2001:db8::2:1'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:DB8::1', '2001:db8::1'],
    ['0:0:0:0:0:0:0:0', '::'],
    ['1:0:0:0:0:0:0:0', '1::'],
    ['10.1.2.3', '10.1.2.3'],
  ])('%s -> %s', (text, canonical) => {
    expect(formatAddress(parseAddress(text))).toBe(canonical);
  });

  it('refuses values outside the family', () => {
    expect(() => formatAddress({ family: 4, value: 1n << 32n })).toThrow(NetError);
    expect(() => formatAddress({ family: 6, value: -1n })).toThrow(NetError);
    expect(() => formatAddress({ family: 5 as 4, value: 1n })).toThrow(NetError);
  });

  it('round-trips: parse(format(a)) = a, and format is a fixed point', () => {
    fc.assert(
      fc.property(anyAddress, (a) => {
        const text = formatAddress(a);
        if (isMapped(a)) {
          expect(tryParseAddress(text)).toBeNull();
          return;
        }
        expect(parseAddress(text)).toEqual(a);
        expect(formatAddress(parseAddress(text))).toBe(text);
        expect(text).toBe(text.toLowerCase());
        expect(text).not.toMatch(/(^|:)0[0-9a-f]/);
      }),
      { numRuns: 2000 },
    );
  });
});
