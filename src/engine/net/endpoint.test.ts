import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAddress } from './address';
import { anyAddress, isMapped } from './arbitraries.node';
import type { Endpoint } from './endpoint';
import { formatEndpoint, parseEndpoint } from './endpoint';
import { NetError } from './net-error';

describe('parseEndpoint', () => {
  it.each([
    ['203.0.113.10:51820', { host: '203.0.113.10', port: 51820, kind: 'ipv4' }, '203.0.113.10:51820'],
    ['[2001:db8::1]:51820', { host: '2001:db8::1', port: 51820, kind: 'ipv6' }, '[2001:db8::1]:51820'],
    ['[2001:DB8:0::0:1]:1', { host: '2001:db8::1', port: 1, kind: 'ipv6' }, '[2001:db8::1]:1'],
    ['db.example.com:51820', { host: 'db.example.com', port: 51820, kind: 'dns' }, 'db.example.com:51820'],
    ['DB-1.Example.COM:65535', { host: 'db-1.example.com', port: 65535, kind: 'dns' }, 'db-1.example.com:65535'],
    ['localhost:51820', { host: 'localhost', port: 51820, kind: 'dns' }, 'localhost:51820'],
    ['1password.com:443', { host: '1password.com', port: 443, kind: 'dns' }, '1password.com:443'],
    ['xn--bcher-kva.example:51820', { host: 'xn--bcher-kva.example', port: 51820, kind: 'dns' }, 'xn--bcher-kva.example:51820'],
    [`${'a'.repeat(63)}.example:1`, { host: `${'a'.repeat(63)}.example`, port: 1, kind: 'dns' }, `${'a'.repeat(63)}.example:1`],
  ] as const)('accepts %j', (text, endpoint, canonical) => {
    expect(parseEndpoint(text)).toEqual(endpoint);
    expect(formatEndpoint(parseEndpoint(text))).toBe(canonical);
  });

  const longName = `${Array(4).fill('a'.repeat(62)).join('.')}.b`; // 253 characters: the longest allowed
  it('accepts a 253-character name and refuses 254', () => {
    expect(longName).toHaveLength(253);
    expect(parseEndpoint(`${longName}:1`).host).toBe(longName);
    expect(() => parseEndpoint(`${longName}c:1`)).toThrow('longer than 253');
  });

  it.each([
    ['', 'empty'],
    ['203.0.113.10', ':port'],
    ['203.0.113.10:', 'port must be'],
    ['203.0.113.10:0', 'port must be'],
    ['203.0.113.10:65536', 'port must be'],
    ['203.0.113.10:051820', 'port must be'],
    ['203.0.113.10:+51820', 'port must be'],
    ['203.0.113.10:5182O', 'port must be'],
    ['203.0.113.10:51820 ', 'whitespace'],
    [' 203.0.113.10:51820', 'whitespace'],
    ['203.0.113.10:51820\nPostUp = id', 'whitespace'],
    ['203.0.113.300:51820', 'four decimal'],
    ['1.2.3:51820', 'four decimal'],
    ['010.0.0.1:51820', 'four decimal'],
    ['0x0a.0.0.1:51820', 'numeric address'],
    ['0x0a000001:51820', 'numeric address'],
    ['167772161:51820', 'four decimal'],
    ['example.123:51820', 'numeric address'],
    ['2001:db8::1:51820', 'needs brackets'],
    ['[2001:db8::1]', ']:port'],
    ['[2001:db8::1]51820', ':port'],
    ['[2001:db8::1%eth0]:51820', 'zone ids'],
    ['[203.0.113.10]:51820', 'only IPv6'],
    ['[::ffff:1.2.3.4]:51820', 'dotted IPv4'],
    ['[[::1]]:51820', 'well-formed'],
    ['[::1:51820', ']:port'],
    ['[::1]x:51820', ']:port'],
    ['$(x):51820', 'not a DNS label'],
    ['a;b:51820', 'not a DNS label'],
    ['db_1.example.com:51820', 'not a DNS label'],
    ['-db.example.com:51820', 'not a DNS label'],
    ['db-.example.com:51820', 'not a DNS label'],
    ['db..example.com:51820', 'empty label'],
    ['db.example.com.:51820', 'empty label'],
    ['.example.com:51820', 'empty label'],
    [`${'a'.repeat(64)}.example:1`, 'not a DNS label'],
    ['bücher.example:51820', 'non-ASCII'],
    ['user@host:51820', 'not a DNS label'],
  ])('rejects %j (%s)', (text, why) => {
    expect(() => parseEndpoint(text)).toThrow(NetError);
    expect(() => parseEndpoint(text)).toThrow(why);
  });

  it('names the text in its error', () => {
    expect(() => parseEndpoint('x:0')).toThrow(/^"x:0" is not a host:port endpoint: /);
  });

  it('round-trips every address endpoint through its canonical text', () => {
    fc.assert(
      fc.property(anyAddress, fc.integer({ min: 1, max: 65535 }), (a, port) => {
        if (isMapped(a)) return;
        const host = formatAddress(a);
        const text = a.family === 6 ? `[${host}]:${port}` : `${host}:${port}`;
        const e = parseEndpoint(text);
        expect(e).toEqual({ host, port, kind: a.family === 6 ? 'ipv6' : 'ipv4' });
        expect(formatEndpoint(e)).toBe(text);
      }),
    );
  });
});

describe('formatEndpoint', () => {
  it.each<[Endpoint, string]>([
    [{ host: 'DB.Example.com', port: 51820, kind: 'dns' }, 'db.example.com:51820'],
    [{ host: '2001:0db8::1', port: 51820, kind: 'ipv6' }, '[2001:db8::1]:51820'],
  ])('canonicalises %j', (e, text) => {
    expect(formatEndpoint(e)).toBe(text);
  });

  it.each<Endpoint>([
    { host: 'db.example.com', port: 0, kind: 'dns' },
    { host: 'db.example.com', port: 51820.5, kind: 'dns' },
    { host: 'db.example.com\nPostUp = id', port: 51820, kind: 'dns' },
    { host: '2001:db8::1', port: 51820, kind: 'ipv4' },
    { host: '203.0.113.10', port: 51820, kind: 'ipv6' },
    { host: '203.0.113.10', port: 51820, kind: 'dns' },
    { host: 'db.example.com', port: 51820, kind: 'ipv4' },
    { host: '[::1]', port: 51820, kind: 'ipv6' },
  ])('refuses the hand-built %j', (e) => {
    expect(() => formatEndpoint(e)).toThrow(NetError);
  });
});
