import { describe, expect, it } from 'vitest';
import { formatPrefix } from '../net';
import { fixtureDesign } from '../testing/fixture-design';
import { parsedHost } from './parsed-host';

describe('parsedHost', () => {
  const gw = fixtureDesign('site-to-site').hosts.find((h) => h.id === 'gw-vpc');
  if (!gw) throw new Error('fixture changed');

  it('parses addresses, lans, endpoint and services once per host object', () => {
    const p = parsedHost(gw);
    expect(p.hostRoutes.map(formatPrefix)).toEqual(['10.10.2.2/32']);
    expect(p.lans.map(formatPrefix)).toEqual(['172.31.0.0/16']);
    expect([p.endpoint, p.endpointKind, p.endpointPort]).toEqual(['203.0.113.20:51820', 'ipv4', 51820]);
    expect(formatPrefix(p.services.get('orders-rds') as never)).toBe('172.31.5.20/32');
    expect(parsedHost(gw)).toBe(p);
  });

  it('parses again when a text of the same object was changed in place', () => {
    const h = { ...gw, lans: [...gw.lans] };
    const before = parsedHost(h);
    h.lans[0] = '172.30.0.0/16';
    h.endpoint = 'vpc.example.com:51821';
    const after = parsedHost(h);
    expect(after).not.toBe(before);
    expect(after.lans.map(formatPrefix)).toEqual(['172.30.0.0/16']);
    expect([after.endpoint, after.endpointKind, after.endpointAddress]).toEqual(['vpc.example.com:51821', 'dns', null]);
  });
});
