import { describe, expect, it } from 'vitest';
import { formatFieldError, parseDesign } from './parse-design';

type Json = Record<string, unknown>;
const design = (hosts: Json[], network: Json = {}, failover: Json[] = []) => ({ format: 'wg-designer/1', network, hosts, failover });
const errorsOf = (json: unknown) => {
  const r = parseDesign(json);
  return r.ok ? [] : r.errors.map(formatFieldError);
};

describe('values that parse but cannot work are field errors', () => {
  it.each([
    ['loopback', '127.0.0.5'], ['loopback v6', '::1'], ['multicast', '224.0.0.9'], ['multicast v6', 'ff02::1'],
    ['broadcast', '255.255.255.255'], ['unspecified', '0.0.0.0'], ['unspecified v6', '::'],
    ['link-local', '169.254.3.3/32'], ['link-local v6', 'fe80::3/128'],
  ])('a %s host address names hosts[i].addresses[j]', (_kind, a) => {
    const errors = errorsOf(design([{ id: 'app-1', role: 'app' }, { id: 'pg', role: 'db', addresses: ['10.10.0.1/32', a] }]));
    expect(errors).toEqual([expect.stringMatching(/^hosts\[1\] \(pg\)\.addresses\[1\]: is (loopback|multicast|broadcast|unspecified|link-local) \(/)]);
  });

  it.each([
    ['0.0.0.0/0', /overlaps unspecified/], ['127.0.0.0/16', /is loopback/], ['224.10.0.0/24', /is multicast/],
    ['169.254.0.0/24', /is link-local/], ['255.255.255.255/32', /is broadcast/],
  ])('a pool %s names network.pools.app', (pool, why) => {
    const errors = errorsOf(design([{ id: 'app-1', role: 'app' }], { pools: { app: pool } }));
    expect(errors[0]).toMatch(/^network\.pools\.app: /);
    expect(errors[0]).toMatch(why);
  });

  it('an IPv6 pool in link-local or multicast space names network.pools.ipv6', () => {
    expect(errorsOf(design([{ id: 'a', role: 'app' }], { pools: { ipv6: 'fe80::/64' } }))).toEqual([expect.stringMatching(/^network\.pools\.ipv6: is link-local/)]);
    expect(errorsOf(design([{ id: 'a', role: 'app' }], { pools: { ipv6: 'ff05::/64' } }))).toEqual([expect.stringMatching(/^network\.pools\.ipv6: is multicast/)]);
  });

  it.each(['127.0.0.1:51820', '[::1]:51820', '239.0.0.1:51820', '255.255.255.255:51820', '0.0.0.0:51820', '[::]:51820'])(
    'the endpoint %s names hosts[i].endpoint', (endpoint) => {
      expect(errorsOf(design([{ id: 'a', role: 'app' }, { id: 'pg', role: 'db', endpoint }]))).toEqual([
        expect.stringMatching(/^hosts\[1\] \(pg\)\.endpoint: is (loopback|multicast|broadcast|unspecified) /),
      ]);
    },
  );

  it('a lan in loopback or multicast space names hosts[i].lans[j]; a default route is a route', () => {
    expect(errorsOf(design([{ id: 'gw', role: 'gateway', lans: ['10.20.0.0/24', '127.0.0.0/8'] }]))).toEqual([
      expect.stringMatching(/^hosts\[0\] \(gw\)\.lans\[1\]: is loopback/),
    ]);
    expect(errorsOf(design([{ id: 'gw', role: 'gateway', lans: ['0.0.0.0/0'] }]))).toEqual([]);
  });

  it('the same address twice on one host, also written differently, names the second', () => {
    expect(errorsOf(design([{ id: 'pg', role: 'db', addresses: ['10.10.0.1/32', 'fd10::1/128', '10.10.0.1'] }]))).toEqual([
      expect.stringMatching(/^hosts\[0\] \(pg\)\.addresses\[2\]: 10\.10\.0\.1 is already addresses\[0\] of this host/),
    ]);
  });

  it('an IPv4 address equal to its pool\'s broadcast names the field; a /31 pool has none', () => {
    expect(errorsOf(design([{ id: 'a', role: 'app' }, { id: 'pg', role: 'db', addresses: ['10.10.0.255/32'] }]))).toEqual([
      expect.stringMatching(/^hosts\[1\] \(pg\)\.addresses\[0\]: 10\.10\.0\.255\/32 is the broadcast address of the db pool 10\.10\.0\.0\/24/),
    ]);
    expect(errorsOf(design([{ id: 'pg', role: 'db', addresses: ['10.10.0.1/32'] }], { pools: { db: '10.10.0.0/31' } }))).toEqual([]);
  });

  it.each(['ansible', 'docs', 'monitoring', 'failover'])('a host id "%s" (a bundle folder) names hosts[i].id', (id) => {
    expect(errorsOf(design([{ id: 'a', role: 'app' }, { id, role: 'db' }]))).toEqual([
      expect.stringMatching(new RegExp(`^hosts\\[1\\] \\(${id}\\)\\.id: "${id}" is a folder of the bundle`)),
    ]);
  });

  it('a failover address that cannot be an overlay address names failover[i].address', () => {
    const hosts = [{ id: 'pg-1', role: 'db' }, { id: 'pg-2', role: 'db' }];
    expect(errorsOf(design(hosts, {}, [{ id: 'g', address: '127.0.0.1', primary: 'pg-1', replica: 'pg-2' }]))).toEqual([
      expect.stringMatching(/^failover\[0\] \(g\)\.address: is loopback/),
    ]);
  });
});
