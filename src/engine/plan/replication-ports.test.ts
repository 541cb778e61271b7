import { describe, expect, it } from 'vitest';
import { renderIptables } from '../render/iptables';
import { renderNftables } from '../render/nftables';
import { ep, sketchDesign } from '../testing/design-builder';
import { buildPlan } from './build-plan';
import type { FlowPlan } from './types';

// Issue 22: replication flows open what each engine really replicates over, both ways, and the underlay drop covers
// every one of those ports (it covered only the client port, leaving 33061 and 16379 open to the internet).
const pair = (engine: string, flow: Record<string, unknown> = {}, port?: number) => sketchDesign({
  hosts: [
    { id: 'db-1', role: 'db', endpoint: ep(1), database: { engine, ...(port ? { port } : {}) } },
    { id: 'db-2', role: 'db', endpoint: ep(2), database: { engine, ...(port ? { port } : {}) } },
  ],
  tunnels: [['db-1', 'db-2']],
  flows: [{ from: 'db-1', to: 'db-2', kind: 'replication', ...flow }],
});

const directions = (flows: readonly FlowPlan[]) => flows.map((f) => `${f.from}>${f.to}:${f.port}${f.reverse ? ' reverse' : ''}`);

describe('replication flows', () => {
  it('open every port the engine replicates over, both ways, under the flow\'s id', () => {
    expect(directions(buildPlan(pair('mysql')).flows)).toEqual([
      'db-1>db-2:3306', 'db-1>db-2:33061', 'db-2>db-1:3306 reverse', 'db-2>db-1:33061 reverse',
    ]);
    expect(directions(buildPlan(pair('postgresql')).flows)).toEqual(['db-1>db-2:5432', 'db-2>db-1:5432 reverse']);
    expect(directions(buildPlan(pair('redis')).flows)).toEqual([
      'db-1>db-2:6379', 'db-1>db-2:16379', 'db-2>db-1:6379 reverse', 'db-2>db-1:16379 reverse',
    ]);
    expect(directions(buildPlan(pair('mongodb')).flows)).toEqual(['db-1>db-2:27017', 'db-2>db-1:27017 reverse']);
    expect(buildPlan(pair('mysql')).flows.every((f) => f.flowId === 'f-db-1-db-2' && f.bulk)).toBe(true);
  });

  it('open a port the flow names alone (the user knows what the nodes run)', () => {
    expect(directions(buildPlan(pair('mysql', { port: 33061 })).flows)).toEqual(['db-1>db-2:33061', 'db-2>db-1:33061 reverse']);
  });

  it('accept each port on the target and let the other node open it, in nftables', () => {
    const nft = renderNftables(buildPlan(pair('mysql')).byId.get('db-2') ?? expect.fail('no db-2'));
    expect(nft).toContain('tcp dport 3306 accept comment "flow f-db-1-db-2"');
    expect(nft).toContain('tcp dport 33061 accept comment "flow f-db-1-db-2"');
    expect(nft.match(/flow f-db-1-db-2/g)).toHaveLength(4);
  });
});

describe('the underlay drop', () => {
  it('covers every database port of the host: client, replication and cluster bus', () => {
    const ports = (engine: string, flow?: Record<string, unknown>, port?: number) =>
      buildPlan(pair(engine, flow, port)).byId.get('db-1')?.firewall.databasePorts;
    expect(ports('postgresql')).toEqual([5432]);
    expect(ports('mysql')).toEqual([3306, 33061]);
    expect(ports('mariadb')).toEqual([3306, 4444, 4567, 4568]);
    expect(ports('redis')).toEqual([6379, 16379]);
    expect(ports('mssql')).toEqual([1433, 5022]);
    // A port a replication flow names is a database port too; above 55535 Redis has no default bus port.
    expect(ports('postgresql', { port: 5433 })).toEqual([5432, 5433]);
    expect(ports('redis', {}, 55536)).toEqual([55536]);
  });

  it('is one nft set and one iptables multiport rule per 15 ports', () => {
    const hp = buildPlan(pair('redis')).byId.get('db-1') ?? expect.fail('no db-1');
    expect(renderNftables(hp)).toContain('iifname != "lo" tcp dport { 6379, 16379 } drop comment "database ports: tunnel only"');
    expect(renderIptables(hp, 4)).toContain('-A WGD-INPUT ! -i lo -p tcp -m multiport --dports 6379,16379 -m comment --comment "database ports: tunnel only" -j DROP');
    const many = { ...hp, firewall: { ...hp.firewall, databasePorts: Array.from({ length: 16 }, (_, i) => 5000 + i) } };
    const drops = renderIptables(many, 4).split('\n').filter((l) => l.includes('database ports: tunnel only'));
    expect(drops).toEqual([
      `-A WGD-INPUT ! -i lo -p tcp -m multiport --dports ${Array.from({ length: 15 }, (_, i) => 5000 + i).join(',')} -m comment --comment "database ports: tunnel only" -j DROP`,
      '-A WGD-INPUT ! -i lo -p tcp -m multiport --dports 5015 -m comment --comment "database ports: tunnel only" -j DROP',
    ]);
  });
});
