import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsAddress, formatPrefix, makeAddress, makePrefix, parseAddress, parsePrefix } from '../net';
import type { PeerPlan } from '../plan/types';
import { RouteTable } from './route-table';

const peer = (hostId: string, allowed: string[]): PeerPlan => ({
  hostId, tunnelId: `t-${hostId}`, publicKey: null, presharedKey: null, allowedIPs: allowed.map(parsePrefix), endpoint: null, keepalive: null,
});

describe('RouteTable', () => {
  const table = new RouteTable([parsePrefix('172.31.0.0/16')], [
    peer('hub', ['0.0.0.0/0', '10.10.0.0/16']), peer('pg', ['10.10.0.1/32']), peer('vpc', ['172.31.0.0/16', '172.31.5.0/24']),
  ]);
  const at = (a: string, how: 'wireguard' | 'kernel') => {
    const hit = table[how](parseAddress(a));
    return hit && `${formatPrefix(hit.prefix)} ${hit.peer ?? 'lan'}`;
  };

  it('finds the longest prefix, as the kernel and WireGuard do', () => {
    expect(at('10.10.0.1', 'wireguard')).toBe('10.10.0.1/32 pg');
    expect(at('10.10.0.2', 'wireguard')).toBe('10.10.0.0/16 hub');
    expect(at('8.8.8.8', 'wireguard')).toBe('0.0.0.0/0 hub');
    expect(at('fd00::1', 'wireguard')).toBeNull();
  });

  it('lets a lan win a tie in the kernel, while WireGuard sees only AllowedIPs', () => {
    expect(at('172.31.9.9', 'kernel')).toBe('172.31.0.0/16 lan');
    expect(at('172.31.9.9', 'wireguard')).toBe('172.31.0.0/16 vpc');
    expect(at('172.31.5.9', 'kernel')).toBe('172.31.5.0/24 vpc');
  });

  it('gives a prefix under two peers to the one configured last', () => {
    const t = new RouteTable([], [peer('a', ['10.0.0.0/24']), peer('b', ['10.0.0.0/24'])]);
    expect(t.wireguard(parseAddress('10.0.0.7'))?.peer).toBe('b');
  });

  it('agrees with a linear scan for random tables and addresses', () => {
    const prefix = fc.oneof(
      fc.record({ addr: fc.bigInt({ min: 0n, max: 2n ** 32n - 1n }), len: fc.integer({ min: 0, max: 32 }) }).map(({ addr, len }) => makePrefix(4, addr, len)),
      fc.record({ addr: fc.bigInt({ min: 0n, max: 2n ** 128n - 1n }), len: fc.integer({ min: 0, max: 128 }) }).map(({ addr, len }) => makePrefix(6, addr, len)),
    );
    const address = fc.oneof(
      fc.bigInt({ min: 0n, max: 2n ** 32n - 1n }).map((value) => makeAddress(4, value)),
      fc.bigInt({ min: 0n, max: 2n ** 128n - 1n }).map((value) => makeAddress(6, value)),
    );
    fc.assert(fc.property(fc.array(fc.array(prefix, { maxLength: 6 }), { maxLength: 5 }), fc.array(address, { maxLength: 10 }), (lists, addrs) => {
      const peers = lists.map((ps, i) => ({ ...peer(`p${i}`, []), allowedIPs: ps }));
      const t = new RouteTable([], peers);
      for (const a of addrs) {
        let best: { len: number; peer: string } | null = null;
        for (const p of peers) for (const x of p.allowedIPs) if (containsAddress(x, a) && (!best || x.len >= best.len)) best = { len: x.len, peer: p.hostId };
        const hit = t.wireguard(a);
        expect(hit ? { len: hit.prefix.len, peer: hit.peer } : null).toEqual(best);
      }
    }));
  });

  it('answers the same when large enough to be hashed (more than 16 routes) as when scanned', () => {
    const lans = [parsePrefix('172.31.0.0/16'), parsePrefix('10.10.0.0/16')];
    const base = [
      peer('hub', ['0.0.0.0/0', '10.10.0.0/16', '::/0']), peer('pg', ['10.10.0.1/32', 'fd00::1/128']),
      peer('vpc', ['172.31.0.0/16', '172.31.5.0/24']), peer('late', ['172.31.5.0/24']),
    ];
    const padding = Array.from({ length: 20 }, (_, i) => peer(`far-${i}`, [`198.51.100.${i}/32`]));
    const small = new RouteTable(lans, base);
    const large = new RouteTable(lans, [...base, ...padding]);
    const show = (hit: ReturnType<RouteTable['kernel']>) => hit && `${formatPrefix(hit.prefix)} ${hit.peer ?? 'lan'}`;
    for (const a of ['10.10.0.1', '10.10.0.2', '8.8.8.8', '172.31.9.9', '172.31.5.9', 'fd00::1', 'fd00::2', '198.51.100.7']) {
      const address = parseAddress(a);
      for (const how of ['kernel', 'wireguard'] as const) {
        const expected = a === '198.51.100.7' ? `198.51.100.7/32 far-7` : show(small[how](address));
        expect([a, how, show(large[how](address))]).toEqual([a, how, expected]);
      }
    }
    expect(show(large.kernel(parseAddress('10.10.0.2')))).toBe('10.10.0.0/16 lan');
    expect(show(large.wireguard(parseAddress('172.31.5.9')))).toBe('172.31.5.0/24 late');
  });
});
