import { describe, expect, it } from 'vitest';
import { formatPrefix } from '../net';
import { fixtureDesign } from '../testing/fixture-design';
import { buildPlan } from './build-plan';
import type { HostPlan } from './types';

const allowed = (hp: HostPlan | undefined, peer: string) =>
  hp?.peers.find((p) => p.hostId === peer)?.allowedIPs.map(formatPrefix);

describe('buildPlan on hub-and-spoke', () => {
  const plan = buildPlan(fixtureDesign('hub-and-spoke'));
  const byId = (id: string) => plan.byId.get(id);

  it('gives each spoke the hub and the flow targets behind it', () => {
    expect(allowed(byId('app-1'), 'hub')).toEqual(['10.10.0.1/32', '10.10.2.1/32']);
    expect(byId('app-1')?.peers).toHaveLength(1);
  });

  it('summarises the app pool on the database, where every app host sits behind the hub', () => {
    expect(allowed(byId('pg-primary'), 'hub')).toEqual(['10.10.1.0/24', '10.10.2.1/32']);
  });

  it('keeps one host route per spoke on the hub', () => {
    expect(allowed(byId('hub'), 'app-2')).toEqual(['10.10.1.2/32']);
    expect(allowed(byId('hub'), 'pg-primary')).toEqual(['10.10.0.1/32']);
  });

  it('keeps NAT and undialable sides alive and leaves dialable ones quiet', () => {
    const ka = (h: string, p: string) => byId(h)?.peers.find((x) => x.hostId === p)?.keepalive;
    expect(ka('app-3', 'hub')).toBe(25);
    expect(ka('app-1', 'hub')).toBe(25);
    expect(ka('hub', 'app-3')).toBeNull();
    expect(ka('pg-primary', 'hub')).toBeNull();
  });

  it('routes and forwards only on the hub, and lets the database accept exactly the three flows', () => {
    expect(plan.hosts.filter((h) => h.routes).map((h) => h.host.id)).toEqual(['hub']);
    expect(byId('hub')?.firewall.forward.map((r) => r.flowId)).toEqual(['f-app-1-pg', 'f-app-2-pg', 'f-app-3-pg']);
    expect(byId('pg-primary')?.firewall.inbound.map((r) => r.flowId)).toEqual(['f-app-1-pg', 'f-app-2-pg', 'f-app-3-pg']);
    expect(byId('app-1')?.firewall.inbound).toEqual([]);
  });

  it('takes the MTU from a 1500-byte IPv4 underlay: 1500 - 60 = 1440', () => {
    expect(plan.hosts.map((h) => h.mtu)).toEqual([1440, 1440, 1440, 1440, 1440]);
    expect(plan.flows.map((f) => f.path)).toEqual([
      ['app-1', 'hub', 'pg-primary'], ['app-2', 'hub', 'pg-primary'], ['app-3', 'hub', 'pg-primary'],
    ]);
  });
});

describe('buildPlan on site-to-site', () => {
  const plan = buildPlan(fixtureDesign('site-to-site'));
  const byId = (id: string) => plan.byId.get(id);

  it('routes the managed database lan through both gateways and the app address back', () => {
    expect(allowed(byId('app-1'), 'gw-office')).toEqual(['10.10.2.1/32', '172.31.0.0/16']);
    expect(allowed(byId('gw-office'), 'gw-vpc')).toEqual(['10.10.2.2/32', '172.31.0.0/16']);
    expect(allowed(byId('gw-vpc'), 'gw-office')).toEqual(['10.10.1.1/32', '10.10.2.1/32']);
  });

  it('uses the PPPoE link for every MTU on the path: 1492 - 60 = 1432', () => {
    expect(plan.flows[0]?.pathMtu).toBe(1432);
    expect(byId('gw-vpc')?.mtu).toBe(1432);
  });

  it('names the service a flow reaches in a gateway\'s lan, so the diagram need not read the flow\'s target text', () => {
    expect(plan.flows.map((f) => [f.to, f.toService, f.serviceId])).toEqual([['gw-vpc', true, 'orders-rds']]);
  });

  it('forwards into the lan and masquerades the overlay source there', () => {
    const vpc = byId('gw-vpc')?.firewall;
    expect(vpc?.forward.map((r) => r.destinations.map(formatPrefix))).toEqual([['172.31.5.20/32']]);
    expect(vpc?.masquerade?.lans.map(formatPrefix)).toEqual(['172.31.0.0/16']);
    expect(vpc?.masquerade?.sources.map(formatPrefix)).toEqual(['10.10.1.1/32']);
  });
});

describe('buildPlan on a 3-node mesh with replication', () => {
  const plan = buildPlan(fixtureDesign('mesh-3'));

  it('opens replication both ways and gives each node its IPv6 address too', () => {
    expect(plan.byId.get('pg-2')?.firewall.inbound.map((r) => r.flowId).sort()).toEqual(['r-1-2', 'r-2-3']);
    expect(plan.byId.get('pg-1')?.addresses.map(formatPrefix)).toEqual(['10.10.0.1/32', 'fd10:10::1/128']);
    expect(allowed(plan.byId.get('pg-1'), 'pg-3')).toEqual(['10.10.0.3/32', 'fd10:10::3/128']);
  });

  it('needs no router and no forwarding', () => {
    expect(plan.hosts.some((h) => h.routes || h.forwardIPv4)).toBe(false);
  });
});

describe('buildPlan: what renderers read instead of the design', () => {
  const base = fixtureDesign('ipv6-pppoe');
  const design = {
    ...base,
    hosts: base.hosts.map((h) => (h.id === 'pg-v6' ? { ...h, endpoint: '[2001:DB8:10:0::10]:51820' }
      : h.id === 'app-fiber' ? { ...h, endpoint: 'Fiber.Example.COM:51821', keys: 'host' as const } : h)),
    flows: [...base.flows, { id: 'b-fiber', from: 'app-fiber', to: 'pg-v6', port: 873, proto: 'tcp' as const, kind: 'backup' as const }],
  };
  const plan = buildPlan(design);
  const hp = (id: string) => plan.byId.get(id);

  it('decides each endpoint once, canonical, and its host part for the inventory', () => {
    expect([hp('pg-v6')?.endpoint, hp('pg-v6')?.endpointHost]).toEqual(['[2001:db8:10::10]:51820', '2001:db8:10::10']);
    expect([hp('app-fiber')?.endpoint, hp('app-fiber')?.endpointHost]).toEqual(['fiber.example.com:51821', 'fiber.example.com']);
    expect(hp('pg-v6')?.peers.find((p) => p.hostId === 'app-fiber')?.endpoint).toBe('fiber.example.com:51821');
  });

  it('gives the host\'s id, name, role and keys as the design has them, and its key custody', () => {
    const pg = hp('pg-v6');
    expect([pg?.id, pg?.name, pg?.role, pg?.external, pg?.publicKey]).toEqual(['pg-v6', 'Orders primary (IPv6 only)', 'db', false, pg?.host.publicKey]);
    expect([pg?.custody, hp('app-fiber')?.custody]).toEqual(['bundle', 'host']);
  });

  it('classes replication (both ways) and backups as bulk, and not their failover copies or client flows', () => {
    const bulk = plan.flows.filter((f) => f.bulk).map((f) => `${f.flowId}${f.reverse ? ' back' : ''}`);
    expect(bulk).toEqual(['r-pg', 'r-pg back', 'b-fiber']);
    expect(plan.flows.some((f) => f.flowId === 'b-fiber-via-orders' && !f.bulk)).toBe(true);
  });
});
