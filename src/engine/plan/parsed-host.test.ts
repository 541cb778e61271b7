import { describe, expect, it } from 'vitest';
import { formatPrefix } from '../net';
import { fixtureDesign } from '../testing/fixture-design';
import { parsedHost, withSteadyHosts } from './parsed-host';

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

  it('compares a host\'s texts once per steady span, and again in the next one', () => {
    const h = { ...gw, lans: [...gw.lans] };
    const first = parsedHost(h);
    const inside = withSteadyHosts(() => {
      const a = parsedHost(h);
      // The engine never edits a design while it plans it: within the span the parse checked first is taken.
      h.lans[0] = '172.29.0.0/16';
      const b = withSteadyHosts(() => parsedHost(h));
      return { a, b };
    });
    expect(inside.a).toBe(first);
    expect(inside.b).toBe(first);
    // Outside the span, and in any later one, the edited text is seen.
    const after = parsedHost(h);
    expect(after).not.toBe(first);
    expect(after.lans.map(formatPrefix)).toEqual(['172.29.0.0/16']);
    h.lans[0] = '172.28.0.0/16';
    expect(withSteadyHosts(() => parsedHost(h)).lans.map(formatPrefix)).toEqual(['172.28.0.0/16']);
  });

  it('ends the span when the work throws', () => {
    const h = { ...gw, lans: [...gw.lans] };
    expect(() => withSteadyHosts(() => {
      parsedHost(h);
      throw new Error('boom');
    })).toThrow('boom');
    h.lans[0] = '172.27.0.0/16';
    expect(parsedHost(h).lans.map(formatPrefix)).toEqual(['172.27.0.0/16']);
  });
});
