import { describe, expect, it } from 'vitest';
import { formatPrefix } from '../net';
import { fixtureDesign } from '../testing/fixture-design';
import { parseHost, ParsedHosts } from './parsed-host';
import { ParsedTexts } from '../net';

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

describe('ParsedTexts', () => {
  const gw = fixtureDesign('site-to-site').hosts.find((h) => h.id === 'gw-vpc');
  if (!gw) throw new Error('fixture changed');

  it('reads a text the plan before parsed instead of parsing it again, and gives the same values', () => {
    const first = new ParsedTexts();
    const before = parseHost(gw, undefined, first);
    const after = parseHost(gw, undefined, first.next());
    expect(after.addresses[0]).toBe(before.addresses[0]);
    expect(after.hostRoutes[0]).toBe(before.hostRoutes[0]);
    expect(after.lans[0]).toBe(before.lans[0]);
    expect(after.endpointAddress).toBe(before.endpointAddress);
    expect(after).toEqual(parseHost(gw));
  });

  it('keeps only the plan before: a text the last plan did not use is parsed again, so old texts do not pile up', () => {
    const first = new ParsedTexts();
    const before = parseHost(gw, undefined, first);
    const second = first.next();
    parseHost({ ...gw, addresses: ['10.10.2.9/32'], lans: [], endpoint: null, services: [] }, undefined, second);
    const third = parseHost(gw, undefined, second.next());
    expect(third.addresses[0]).not.toBe(before.addresses[0]);
    expect(third).toEqual(before);
  });

  it('parses an edited text anew: the plan after an edit is the plan of the edited design', () => {
    const first = new ParsedTexts();
    parseHost(gw, undefined, first);
    const edited = { ...gw, addresses: ['10.10.2.3/24'], endpoint: '[2001:db8::7]:51999', lans: ['172.30.0.0/16'] };
    expect(parseHost(edited, undefined, first.next())).toEqual(parseHost(edited));
  });
});
