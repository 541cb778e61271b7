import { describe, expect, it } from 'vitest';
import { formatPrefix } from '../net';
import { fixtureDesign } from '../testing/fixture-design';
import { parseHost, ParsedHosts } from './parsed-host';

describe('parseHost', () => {
  const gw = fixtureDesign('site-to-site').hosts.find((h) => h.id === 'gw-vpc');
  if (!gw) throw new Error('fixture changed');

  it('parses addresses, lans, endpoint and services', () => {
    const p = parseHost(gw);
    expect(p.hostRoutes.map(formatPrefix)).toEqual(['10.10.2.2/32']);
    expect(p.lans.map(formatPrefix)).toEqual(['172.31.0.0/16']);
    expect([p.endpoint, p.endpointKind, p.endpointPort]).toEqual(['203.0.113.20:51820', 'ipv4', 51820]);
    expect(formatPrefix(p.services.get('orders-rds') as never)).toBe('172.31.5.20/32');
  });

  it('routes a service as the lan that holds it, and names it by its address', () => {
    const target = parseHost(gw).serviceTargets.get('orders-rds');
    expect(target?.destinations.map(formatPrefix)).toEqual(['172.31.5.20/32']);
    expect(target?.routeDestinations.map(formatPrefix)).toEqual(['172.31.0.0/16']);
    const outside = parseHost({ ...gw, lans: [] }).serviceTargets.get('orders-rds');
    expect(outside?.routeDestinations.map(formatPrefix)).toEqual(['172.31.5.20/32']);
  });

  it('reads a DNS endpoint without an address', () => {
    const p = parseHost({ ...gw, endpoint: 'vpc.example.com:51821' });
    expect([p.endpoint, p.endpointKind, p.endpointAddress]).toEqual(['vpc.example.com:51821', 'dns', null]);
  });
});

describe('ParsedHosts', () => {
  const gw = fixtureDesign('site-to-site').hosts[0];
  if (!gw) throw new Error('fixture changed');

  it('parses each host object once, and keeps two tables apart', () => {
    const a = new ParsedHosts();
    expect(a.of(gw)).toBe(a.of(gw));
    expect(new ParsedHosts().of(gw)).not.toBe(a.of(gw));
    expect(a.of({ ...gw })).not.toBe(a.of(gw));
  });
});
