import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAddress } from './address';
import { addressIn, prefixOf } from './arbitraries.node';
import { parseEndpoint } from './endpoint';
import { parsePrefix } from './prefix';
import { containsAddress, prefixesOverlap } from './range';
import { isDocumentationName, SPECIAL_RANGES, specialRangeOf } from './special-ranges';
import { documentationRangeOf, endpointProblem, lanProblem, overlayAddressProblem, poolProblem } from './usable';

const addr = (s: string) => overlayAddressProblem(parseAddress(s));

describe('special ranges', () => {
  it.each([
    ['127.0.0.1', 'loopback'], ['127.255.255.254', 'loopback'], ['::1', 'loopback'],
    ['224.0.0.1', 'multicast'], ['239.255.255.255', 'multicast'], ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'], ['0.0.0.0', 'unspecified'], ['0.0.0.1', 'unspecified'], ['::', 'unspecified'],
    ['169.254.1.1', 'link-local'], ['fe80::1', 'link-local'], ['febf::1', 'link-local'],
    ['192.0.2.1', 'documentation'], ['198.51.100.7', 'documentation'], ['203.0.113.10', 'documentation'],
    ['2001:db8::1', 'documentation'],
  ])('%s is %s', (a, kind) => {
    expect(specialRangeOf(parseAddress(a))?.kind).toBe(kind);
  });

  it.each(['10.0.0.1', '1.1.1.1', '126.255.255.255', '128.0.0.1', '223.255.255.255', '254.255.255.255', 'fd10::1', '2001:db9::1', 'fec0::1', '::2'])(
    '%s is ordinary', (a) => expect(specialRangeOf(parseAddress(a))).toBeNull(),
  );

  it('property: an address is in a special range exactly when some table entry contains it', () => {
    fc.assert(fc.property(fc.oneof(addressIn(4), addressIn(6)), (a) => {
      expect(specialRangeOf(a) !== null).toBe(SPECIAL_RANGES.some((r) => containsAddress(r.prefix, a)));
    }), { numRuns: 2000 });
  });
});

describe('what each field may hold', () => {
  it('overlay addresses: none of loopback, multicast, broadcast, unspecified, link-local', () => {
    for (const a of ['127.0.0.1', '::1', '224.0.0.5', 'ff02::2', '255.255.255.255', '0.0.0.0', '::', '169.254.0.9', 'fe80::9']) {
      expect(addr(a), a).toMatch(/^is (loopback|multicast|broadcast|unspecified|link-local) \(/);
    }
    expect(addr('10.10.0.1')).toBeNull();
    // The lab runs on documentation addresses: they are usable.
    expect(addr('203.0.113.1')).toBeNull();
  });

  it('pools: not overlapping a range an overlay address may not be in; 0.0.0.0/0 would hand out 0.0.0.1', () => {
    expect(poolProblem(parsePrefix('0.0.0.0/0'))).toMatch(/^overlaps unspecified \(0\.0\.0\.0\/8\)/);
    expect(poolProblem(parsePrefix('::/0'))).toMatch(/^overlaps unspecified/);
    expect(poolProblem(parsePrefix('127.0.0.0/24'))).toMatch(/^is loopback/);
    expect(poolProblem(parsePrefix('169.254.0.0/16'))).toMatch(/^is link-local/);
    expect(poolProblem(parsePrefix('169.0.0.0/8'))).toMatch(/^overlaps link-local/);
    expect(poolProblem(parsePrefix('fe80::/64'))).toMatch(/^is link-local/);
    expect(poolProblem(parsePrefix('224.1.0.0/16'))).toMatch(/^is multicast/);
    expect(poolProblem(parsePrefix('10.10.0.0/24'))).toBeNull();
    expect(poolProblem(parsePrefix('fd10:10::/64'))).toBeNull();
  });

  it('property: a pool has a problem exactly when it overlaps a non-documentation special range', () => {
    fc.assert(fc.property(fc.oneof(prefixOf(4), prefixOf(6)), (p) => {
      const bad = SPECIAL_RANGES.some((r) => r.kind !== 'documentation' && prefixesOverlap(r.prefix, p));
      expect(poolProblem(p) !== null).toBe(bad);
    }), { numRuns: 2000 });
  });

  it('lans: not inside loopback, multicast, broadcast or unspecified space; a default route through a gateway is fine', () => {
    expect(lanProblem(parsePrefix('127.0.0.0/8'))).toMatch(/^is loopback/);
    expect(lanProblem(parsePrefix('239.1.0.0/16'))).toMatch(/^is multicast/);
    expect(lanProblem(parsePrefix('0.0.0.0/8'))).toMatch(/^is unspecified/);
    expect(lanProblem(parsePrefix('0.0.0.0/0'))).toBeNull();
    expect(lanProblem(parsePrefix('172.31.0.0/16'))).toBeNull();
  });

  it('endpoints: an address literal that cannot be dialled; names are not resolved', () => {
    for (const e of ['127.0.0.1:51820', '[::1]:51820', '224.0.0.1:51820', '255.255.255.255:51820', '0.0.0.0:51820', '[::]:51820']) {
      expect(endpointProblem(parseEndpoint(e)), e).not.toBeNull();
    }
    expect(endpointProblem(parseEndpoint('localhost:51820'))).toBeNull();
    expect(endpointProblem(parseEndpoint('198.51.100.1:51820'))).toBeNull();
  });

  it('documentation endpoints: RFC 5737 and RFC 3849 ranges, RFC 2606/6761 names', () => {
    expect(documentationRangeOf(parseEndpoint('203.0.113.10:51820'))).toBe('203.0.113.0/24');
    expect(documentationRangeOf(parseEndpoint('[2001:db8::1]:51820'))).toBe('2001:db8::/32');
    expect(documentationRangeOf(parseEndpoint('192.0.3.1:51820'))).toBeNull();
    for (const n of ['example', 'db1.example', 'example.com', 'db.EXAMPLE.net', 'a.example.org', 'pg.test', 'x.invalid']) {
      expect(isDocumentationName(n), n).toBe(true);
    }
    for (const n of ['example.co', 'myexample.com', 'db.example.de', 'testing', 'db.internal']) expect(isDocumentationName(n), n).toBe(false);
  });
});
