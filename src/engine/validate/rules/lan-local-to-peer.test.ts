import { describe, expect, it } from 'vitest';
import { ep, sketchDesign } from '../../testing/design-builder';
import { codesOf, runRule } from '../../testing/rule-harness';
import { lanLocalToPeer } from './lan-local-to-peer';

const erp = { id: 'erp', address: '192.168.1.50', port: 5432 };

describe('lan-local-to-peer', () => {
  it('reports a host whose own underlay address lies in a lan it routes into the tunnel', () => {
    const d = sketchDesign({
      hosts: [
        { id: 'gw', name: 'Office', role: 'gateway', endpoint: ep(1), lans: ['192.168.1.0/24'], services: [erp] },
        { id: 'app', name: 'Laptop', endpoint: '192.168.1.20:51820' },
      ],
      tunnels: [['gw', 'app']],
      flows: [{ from: 'app', to: 'gw/erp' }],
    });
    const [f] = runRule(lanLocalToPeer, d);
    expect(f?.code).toBe('lan-local-to-peer');
    expect(f?.severity).toBe('error');
    expect(f?.message).toMatch(/^Laptop \(app\)'s own underlay address 192\.168\.1\.20 \(its endpoint\) lies in 192\.168\.1\.0\/24, which app routes into the tunnel to Office \(gw\), part of Office \(gw\)'s lan/);
    expect(f?.subjects.hosts).toEqual(['app', 'gw']);
  });

  it('reports a host that routes a peer\'s endpoint into the tunnel (the handshake would loop)', () => {
    const d = sketchDesign({
      hosts: [
        { id: 'hub', role: 'gateway', endpoint: ep(1) },
        { id: 'gw2', role: 'gateway', endpoint: '198.51.100.2:51820', lans: ['203.0.113.0/24'], services: [{ id: 'db', address: '203.0.113.50', port: 5432 }] },
        { id: 'app' },
      ],
      tunnels: [['app', 'hub'], ['hub', 'gw2']],
      flows: [{ from: 'app', to: 'gw2/db' }],
    });
    const found = runRule(lanLocalToPeer, d);
    const loop = found.find((f) => f.code === 'endpoint-routed-into-tunnel' && f.subjects.hosts?.[0] === 'app');
    expect(loop?.message).toBe("app dials hub at 203.0.113.1:51820, but routes 203.0.113.0/24 into the tunnel to hub: the encrypted packets for 203.0.113.1 would loop back into wg0 and the handshake never leaves app. Keep endpoints out of AllowedIPs.");
    expect(loop?.subjects.tunnels).toEqual(['t-app-hub']);
    // The hub's own endpoint is in that lan too, and it routes it on to gw2.
    expect(codesOf(found)).toContain('lan-local-to-peer');
  });

  it('leaves a default route alone (wg-quick keeps the underlay out of it) and hosts behind NAT', () => {
    const d = sketchDesign({
      hosts: [{ id: 'hub', role: 'gateway', endpoint: ep(1) }, { id: 'app', endpoint: ep(2), behindNat: true }],
      tunnels: [['app', 'hub', { allowedIPs: { ab: ['0.0.0.0/0'], ba: null } }]],
    });
    expect(runRule(lanLocalToPeer, d)).toEqual([]);
  });

  it('says nothing when a host on a gateway\'s lan peers with it but does not route the lan', () => {
    const d = sketchDesign({
      hosts: [
        { id: 'gw', role: 'gateway', endpoint: ep(1), lans: ['192.168.1.0/24'] },
        { id: 'pg', role: 'db', endpoint: '192.168.1.20:51820' },
        { id: 'app' },
      ],
      tunnels: [['gw', 'pg'], ['gw', 'app']],
      flows: [{ from: 'app', to: 'pg' }],
    });
    expect(runRule(lanLocalToPeer, d)).toEqual([]);
  });
});
