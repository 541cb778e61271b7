import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/engine';
import { fixtureDesign } from '../../src/engine/testing/fixture-design';
import { planChecks } from './expectations';
import type { LabChecks } from './expectations';
import { planUnderlay } from '../../src/cli/prove/underlay-plan';

function checksOf(name: string): LabChecks {
  const design = fixtureDesign(name);
  const mtus = new Map(buildPlan(design).hosts.map((h) => [h.host.id, h.mtu]));
  return planChecks(design, planUnderlay(design), mtus);
}

const labels = (list: ReadonlyArray<{ label: string }>) => list.map((p) => p.label);

describe('planChecks', () => {
  it('checks the flow with psql, and its undeclared neighbours: another port, the reverse, the underlay', () => {
    const c = checksOf('point-to-point');
    expect(c.flows).toEqual([{ label: 'app-1 -> pg-primary:5432 (flow f-app-1-pg) (IPv4)', from: { kind: 'host', id: 'app-1' },
      address: '10.10.0.1', port: 5432, kind: 'postgresql', hosts: ['app-1', 'pg-primary'] }]);
    expect(labels(c.denials)).toEqual([
      'app-1 -> pg-primary:7777 (a port no flow opens) (IPv4)',
      'pg-primary -> app-1:7777 (reverse of flow f-app-1-pg) (IPv4)',
      'underlay next to pg-primary -> pg-primary:5432 (IPv4)',
    ]);
    expect(c.servers.map((s) => `${JSON.stringify(s.where)} ${s.addresses.join(',')}:${s.port} ${s.kind}`)).toEqual([
      '{"kind":"host","id":"pg-primary"} 10.10.0.1:5432 postgresql',
      '{"kind":"host","id":"pg-primary"} 10.10.0.1:7777 tcp',
      '{"kind":"host","id":"app-1"} 10.10.1.1:7777 tcp',
    ]);
    // The side that knows the other's endpoint pings first: its handshake starts the tunnel.
    expect(c.mtu.map((m) => `${m.from}->${m.to} ${m.mtu}`)).toEqual(['app-1->pg-primary 1440', 'pg-primary->app-1 1440']);
  });

  it('denies app to app, and the hub its own connection to the database; watches the host behind NAT', () => {
    const c = checksOf('hub-and-spoke');
    const denied = labels(c.denials);
    expect(denied).toContain('hub -> pg-primary:5432 (no flow) (IPv4)');
    expect(denied.filter((l) => l.includes('(app to app)'))).toHaveLength(6);
    expect(c.nat).toEqual([{ hostId: 'app-3', peerId: 'hub' }]);
    expect(c.tunnels.find((t) => t.id === 't-hub-app-3')?.dialer).toBe('app-3');
  });

  it('runs replication flows both ways over both overlay families, and never calls one direction a denial', () => {
    const c = checksOf('mesh-3');
    expect(c.flows).toHaveLength(12);
    expect(labels(c.denials).some((l) => l.includes('reverse'))).toBe(false);
    expect(labels(c.denials).filter((l) => l.startsWith('underlay'))).toHaveLength(3);
  });

  it('reaches a managed database in the lan, from the tunnel only; the gateway\'s own lan is not a tunnel matter', () => {
    const c = checksOf('site-to-site');
    expect(labels(c.flows)).toEqual(['app-1 -> gw-vpc/orders-rds:5432 (flow f-app-rds) (IPv4)']);
    expect(labels(c.denials)).toEqual([
      'app-1 -> gw-vpc/orders-rds:7777 (a port no flow opens) (IPv4)',
      'gw-office -> gw-vpc/orders-rds:5432 (no flow) (IPv4)',
      'underlay next to gw-vpc -> gw-vpc/orders-rds:5432 (IPv4)',
    ]);
    expect(c.servers[0]).toMatchObject({ where: { kind: 'lan', gatewayId: 'gw-vpc', prefix: '172.31.0.0/16' }, addresses: ['172.31.5.20'] });
  });
});

describe('planChecks with a failover pair', () => {
  it('serves the floating address on both members but never probes it as either one\'s own', () => {
    const c = checksOf('ipv6-pppoe');
    const pg = c.servers.filter((s) => s.kind === 'postgresql');
    expect(pg.map((s) => [s.name, s.floating])).toEqual([['pg-v6', ['10.10.0.100']], ['pg-v6-b', ['10.10.0.100']]]);
    expect([...c.flows, ...c.denials].some((p) => p.address === '10.10.0.100')).toBe(false);
  });
});

describe('planChecks for Redis', () => {
  it('asks redis-server itself on 6379, puts a listener on the cluster bus, and dials both from the underlay', () => {
    const c = checksOf('redis-primary-replica');
    const servers = c.servers.filter((s) => s.where.kind === 'host' && s.where.id === 'redis-primary');
    expect(servers.map((s) => `${s.addresses.join(',')}:${s.port} ${s.kind} floating ${s.floating.join(',')}`)).toEqual([
      '10.21.0.1:6379 redis floating 10.21.0.100',
      '10.21.0.1:16379 tcp floating ',
      '10.21.0.1:7777 tcp floating ',
    ]);
    expect(c.flows.filter((p) => p.label.includes('flow r-primary-replica')).map((p) => `${p.label} ${p.kind}`)).toEqual([
      'redis-primary -> redis-replica:6379 (flow r-primary-replica) (IPv4) redis',
      'redis-primary -> redis-replica:16379 (flow r-primary-replica) (IPv4) tcp',
      'redis-replica -> redis-primary:6379 (flow r-primary-replica) (IPv4) redis',
      'redis-replica -> redis-primary:16379 (flow r-primary-replica) (IPv4) tcp',
    ]);
    expect(labels(c.denials).filter((l) => l.startsWith('underlay'))).toEqual([
      'underlay next to redis-primary -> redis-primary:6379 (IPv4)',
      'underlay next to redis-primary -> redis-primary:16379 (IPv4)',
      'underlay next to redis-replica -> redis-replica:6379 (IPv4)',
      'underlay next to redis-replica -> redis-replica:16379 (IPv4)',
    ]);
  });
});

describe('planChecks for MariaDB', () => {
  it('asks mariadbd itself on 3306 and dials every Galera port from the underlay, each with a listener', () => {
    const c = checksOf('mariadb-primary-replica');
    const servers = c.servers.filter((s) => s.where.kind === 'host' && s.where.id === 'maria-replica');
    expect(servers.map((s) => `${s.port} ${s.kind}`)).toEqual(['3306 mariadb', '4567 tcp', '4568 tcp', '4444 tcp', '7777 tcp']);
    expect(labels(c.denials).filter((l) => l.startsWith('underlay next to maria-replica'))).toEqual(
      [3306, 4567, 4568, 4444].map((p) => `underlay next to maria-replica -> maria-replica:${p} (IPv4)`),
    );
  });
});
