import { describe, expect, it } from 'vitest';
import { ep, sketchDesign } from '../../testing/design-builder';
import { fixtureDesign } from '../../testing/fixture-design';
import { afterFix, codesOf, fixed, runRule } from '../../testing/rule-harness';
import { replicationBothWays } from './replication-both-ways';

type Loose = Record<string, unknown> & { from: string; to: string };

const pair = (flows: Loose[], extra: { engine?: string; port2?: number; failover?: boolean } = {}) => sketchDesign({
  hosts: [
    { id: 'app' },
    { id: 'db-1', role: 'db', endpoint: ep(1), database: { engine: extra.engine ?? 'postgresql' } },
    { id: 'db-2', role: 'db', endpoint: ep(2), database: { engine: extra.engine ?? 'postgresql', ...(extra.port2 ? { port: extra.port2 } : {}) } },
  ],
  tunnels: [['db-1', 'db-2'], ['app', 'db-1'], ['app', 'db-2']],
  flows,
  failover: extra.failover ? [{ id: 'orders', address: '10.10.0.100', primary: 'db-1', replica: 'db-2' }] : [],
});

describe('replication-both-ways', () => {
  it('says nothing when a replication flow joins the pair (planned both ways), nor on any fixture', () => {
    expect(runRule(replicationBothWays, pair([{ from: 'db-1', to: 'db-2', kind: 'replication' }], { failover: true }))).toEqual([]);
    expect(runRule(replicationBothWays, pair([{ from: 'db-1', to: 'db-2', kind: 'replication' }], { engine: 'mysql' }))).toEqual([]);
    for (const name of ['primary-replica', 'mesh-3', 'ipv6-pppoe', 'hub-and-spoke']) {
      expect(runRule(replicationBothWays, fixtureDesign(name)), name).toEqual([]);
    }
  });

  it('warns of a failover pair with no replication path, and adds the replication flow', () => {
    const d = pair([{ from: 'app', to: 'db-1' }, { from: 'app', to: 'db-2' }], { failover: true });
    const [f, ...rest] = runRule(replicationBothWays, d);
    expect(rest).toEqual([]);
    expect(f?.code).toBe('replication-missing');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toBe('db-1 and db-2 both run postgresql (failover group orders) but no flow lets either reach the other on 5432: replication and a rebuild after a failover would be dropped by the firewalls in both directions.');
    expect(f?.subjects).toEqual({ hosts: ['db-1', 'db-2'] });
    const after = fixed(d, f);
    expect(after.flows.at(-1)).toEqual({ id: 'r-db-1-db-2', from: 'db-1', to: 'db-2', port: null, proto: 'tcp', kind: 'replication' });
    expect(afterFix(replicationBothWays, d, f)).toEqual([]);
  });

  it('warns of a replication flow whose named port only one side serves (one way), naming who cannot reach whom', () => {
    // db-2 listens on 6380: the reverse half opens 6380 on db-1, where Redis listens on 6379.
    const d = pair([{ from: 'db-1', to: 'db-2', kind: 'replication', port: 6380 }], { engine: 'redis', port2: 6380 });
    const [f] = runRule(replicationBothWays, d);
    expect(f?.code).toBe('replication-one-way');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('db-1 may reach db-2 on its redis replication port, but not the other way round, although both run redis (replication flow f-db-1-db-2)');
    expect(afterFix(replicationBothWays, d, f)).toEqual([]);
  });

  it('gives information only when a client flow or the same clients relate two databases of one engine', () => {
    const oneWay = pair([{ from: 'db-2', to: 'db-1' }]);
    const [f] = runRule(replicationBothWays, oneWay);
    expect(f?.code).toBe('replication-one-way');
    expect(f?.severity).toBe('info');
    expect(f?.message).toContain('db-2 may reach db-1 on its postgresql replication port, but not the other way round, although both run postgresql (flow f-db-2-db-1 joins them): after a promotion db-1 cannot stream from, pg_rewind against or pg_basebackup from db-2, the firewalls drop it.');
    expect(afterFix(replicationBothWays, oneWay, f)).toEqual([]);
    const sameClients = runRule(replicationBothWays, pair([{ from: 'app', to: 'db-1' }, { from: 'app', to: 'db-2' }]));
    expect(codesOf(sameClients)).toEqual(['replication-missing']);
    expect(sameClients[0]?.severity).toBe('info');
    expect(sameClients[0]?.message).toContain('(the same clients reach both) but no flow lets either reach the other on 5432: if they are one replicated database, ');
  });

  it('leaves databases of different engines, different clients or a service alone', () => {
    const d = sketchDesign({
      hosts: [
        { id: 'app' }, { id: 'app-2' },
        { id: 'pg', role: 'db', endpoint: ep(1) }, { id: 'my', role: 'db', endpoint: ep(2), database: { engine: 'mysql' } },
        { id: 'pg-2', role: 'db', endpoint: ep(3) },
      ],
      tunnels: [['app', 'pg'], ['app', 'my'], ['app-2', 'pg-2'], ['pg', 'my']],
      flows: [{ from: 'app', to: 'pg' }, { from: 'app', to: 'my' }, { from: 'app-2', to: 'pg-2' }, { from: 'pg', to: 'my' }],
      failover: [{ id: 'mixed', address: '10.10.0.100', primary: 'pg', replica: 'my' }],
    });
    expect(runRule(replicationBothWays, d)).toEqual([]);
  });
});

describe('replication-both-ways on cluster ports alone', () => {
  it('warns of a pair joined only on a cluster port (a MySQL flow saved when 33061 was the default)', () => {
    const d = pair([{ from: 'db-1', to: 'db-2', kind: 'replication', port: 33061 }], { engine: 'mysql' });
    const [f, ...rest] = runRule(replicationBothWays, d);
    expect(rest).toEqual([]);
    expect(f?.code).toBe('replication-client-port-closed');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toBe('db-1 and db-2 (replication flow f-db-1-db-2) reach each other on mysql\'s cluster ports but not both ways on its client port 3306: replicas, clones and rebuilds connect to the client port, so they would be dropped by the firewalls.');
    expect(afterFix(replicationBothWays, d, f)).toEqual([]);
    expect(runRule(replicationBothWays, pair([{ from: 'db-1', to: 'db-2', kind: 'replication', port: 3306 }], { engine: 'mysql' }))).toEqual([]);
  });
});
