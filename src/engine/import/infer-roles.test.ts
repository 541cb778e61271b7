import { describe, expect, it } from 'vitest';
import type { Host, Tunnel } from '../model/design';
import { inferRoles } from './infer-roles';

const host = (id: string, addresses: string[], extra: Partial<Host> = {}): Host => ({
  id, name: id, role: 'app', addresses, endpoint: null, listenPort: null, randomListenPort: false, behindNat: false, underlay: null,
  mtu: null, database: null, lans: [], services: [], masquerade: true, external: false, dialsIn: false, keys: null,
  publicKey: null, privateKey: null, position: { x: 0, y: 0 }, notes: '', ...extra,
});
const tunnel = (a: string, b: string): Tunnel => ({ id: `t-${a}-${b}`, a, b, presharedKey: null, keepalive: null, allowedIPs: null });

describe('inferRoles', () => {
  it('makes a peer that others route a non-overlay prefix to a gateway with that lan, and says why', () => {
    const hosts = [host('a', ['172.16.0.1/30']), host('b', ['172.16.0.2/30'])];
    const guesses = inferRoles(hosts, [tunnel('a', 'b')], [{ self: 'a', peer: 'b', allowed: ['172.16.0.2/32', '192.168.20.0/24'] }]);
    expect(hosts[1]).toMatchObject({ role: 'gateway', lans: ['192.168.20.0/24'], masquerade: false });
    expect(hosts[0]?.role).toBe('app');
    expect(guesses).toContain('b: gateway (lans 192.168.20.0/24: a routes them to it)');
  });

  it('takes neither a default route nor the overlay itself for a lan, but a host routed the overlay is a gateway', () => {
    const hosts = [host('hub', ['10.8.0.1/24']), host('spoke', ['10.8.0.2/32'])];
    inferRoles(hosts, [tunnel('hub', 'spoke')], [{ self: 'spoke', peer: 'hub', allowed: ['10.8.0.0/24', '0.0.0.0/0'] }]);
    expect(hosts[0]).toMatchObject({ role: 'gateway', lans: [] });
  });

  it('never guesses a database: a ListenPort of 5432 is WireGuard\'s port; many peers make a hub', () => {
    const pg = host('pg', ['10.0.0.1/32'], { listenPort: 5432 });
    const hub = host('hub', ['10.0.0.2/32'], { listenPort: 5432 });
    const others = ['c1', 'c2', 'c3'].map((id, i) => host(id, [`10.0.0.${10 + i}/32`], { external: true, dialsIn: true }));
    const hosts = [pg, hub, ...others];
    const guesses = inferRoles(hosts, [tunnel('pg', 'hub'), ...others.map((o) => tunnel('hub', o.id))], []);
    expect(hosts.map((h) => h.role)).toEqual(['app', 'gateway', 'client', 'client', 'client']);
    expect(guesses).toContain('hub: gateway (it listens on port 5432 and has 4 peers, as a hub does)');
    expect(guesses.join('\n')).toMatch(/^pg: app \(a WireGuard config does not say what runs on a host/m);
  });

  it('takes a prefix a hub passes on to another peer for that peer\'s lan, not the hub\'s', () => {
    const hosts = [host('app', ['10.0.0.2/24']), host('hub', ['10.0.0.1/24']), host('db', ['10.0.0.3/32'])];
    const guesses = inferRoles(hosts, [tunnel('app', 'hub'), tunnel('hub', 'db')], [
      { self: 'app', peer: 'hub', allowed: ['10.0.0.0/24', '192.168.77.0/24'] },
      { self: 'hub', peer: 'db', allowed: ['10.0.0.3/32', '192.168.77.0/24'] },
      { self: 'db', peer: 'hub', allowed: ['10.0.0.0/24'] },
    ]);
    expect(hosts.map((h) => [h.id, h.role, h.lans])).toEqual([['app', 'app', []], ['hub', 'gateway', []], ['db', 'gateway', ['192.168.77.0/24']]]);
    expect(guesses).toContain('hub: gateway (app routes 10.0.0.0/24 through it)');
  });
});
