import { describe, expect, it } from 'vitest';
import type { Host } from '../model/design';
import { formatPrefix, parsePrefix, rangeOf } from '../net';
import type { Prefix } from '../net';
import { hostAllowedIPs, summarisablePools } from './allowed-ips';
import { Routes } from './routes';

const P = parsePrefix;
const host = { id: 'hub' } as Host;
const POOLS = [P('10.20.0.0/24'), P('10.21.0.0/24')].map((prefix) => ({ prefix, range: rangeOf(prefix) }));

/** A route table of `hub` from [peer, prefix] pairs, in that order. */
function routesOf(pairs: ReadonlyArray<readonly [string, string]>): Routes {
  const routes = new Routes();
  for (const [peer, prefix] of pairs) routes.of('hub').add(peer, P(prefix));
  return routes;
}

const texts = (lists: Map<string, Prefix[]>) => Object.fromEntries([...lists].map(([peer, l]) => [peer, l.map(formatPrefix)]));

describe('summarisablePools', () => {
  const pairs = (routes: Routes) => [...routes.listOf('hub')];

  it('lets a pool stand in when two or more of its routes all sit behind one peer', () => {
    const routes = routesOf([['a', '10.20.0.5/32'], ['a', '10.20.0.6/32'], ['b', '10.21.0.1/32']]);
    expect(summarisablePools(pairs(routes), [], POOLS).map(([pool, peer]) => `${formatPrefix(pool)} ${peer}`)).toEqual(['10.20.0.0/24 a']);
  });

  it('keeps the routes when they sit behind two peers: one pool entry would send the other peer\'s addresses astray', () => {
    const routes = routesOf([['a', '10.20.0.5/32'], ['b', '10.20.0.6/32']]);
    expect(summarisablePools(pairs(routes), [], POOLS)).toEqual([]);
  });

  it('keeps them when the host holds an address of the pool: its own address must not route to a peer', () => {
    const routes = routesOf([['a', '10.20.0.5/32'], ['a', '10.20.0.6/32']]);
    expect(summarisablePools(pairs(routes), [P('10.20.0.1/32')], POOLS)).toEqual([]);
  });

  it('keeps them when a route covers the pool (a default route, a /16): the pool would take traffic from it', () => {
    const routes = routesOf([['a', '10.20.0.5/32'], ['a', '10.20.0.6/32'], ['a', '10.0.0.0/8']]);
    expect(summarisablePools(pairs(routes), [], POOLS)).toEqual([]);
  });
});

describe('hostAllowedIPs', () => {
  it('summarises, then sorts each peer\'s list by family, start and length', () => {
    const routes = routesOf([['a', '2001:db8::1/128'], ['a', '10.20.0.6/32'], ['a', '10.20.0.5/32'], ['b', '10.30.0.0/16'], ['b', '10.21.0.9/32']]);
    expect(texts(hostAllowedIPs(host, [], routes, POOLS, new Map()))).toEqual({
      a: ['10.20.0.0/24', '2001:db8::1/128'],
      b: ['10.21.0.9/32', '10.30.0.0/16'],
    });
  });

  it('takes an explicit list for a peer as written (networks, unique, sorted), and its routes not at all', () => {
    const routes = routesOf([['a', '10.20.0.5/32'], ['a', '10.20.0.6/32'], ['b', '10.21.0.9/32']]);
    const explicit = new Map([['a', ['192.168.1.7/24', '10.9.0.0/16', '192.168.1.0/24']], ['c', []]]);
    expect(texts(hostAllowedIPs(host, [], routes, POOLS, explicit))).toEqual({
      a: ['10.9.0.0/16', '192.168.1.0/24'],
      b: ['10.21.0.9/32'],
      c: [],
    });
  });

  it('gives a host without routes no lists', () => {
    expect(hostAllowedIPs({ id: 'b' } as Host, [], routesOf([]), POOLS, new Map()).size).toBe(0);
  });
});
