import { describe, expect, it } from 'vitest';
import { fixtureDesign } from '../../testing/fixture-design';
import { fieldError } from './edit-design';
import { editFailover, newFailoverGroup } from './failover-groups';
import { removeItems } from './remove-items';

describe('failover groups', () => {
  it('adds a group between the first two databases at a free address of the database pool, which the design accepts', () => {
    const d = fixtureDesign('primary-replica');
    const g = newFailoverGroup(d);
    expect(g).toEqual({ id: 'failover-1', address: '10.20.0.3/32', primary: 'pg-primary', replica: 'pg-replica' });
    if ('error' in g) return;
    const r = editFailover(d, [...d.failover, g]);
    expect(r.ok && r.value.failover.map((x) => x.id)).toEqual(['orders', 'failover-1']);
  });

  it('says why no group can be made with fewer than two databases', () => {
    expect(newFailoverGroup(fixtureDesign('point-to-point'))).toEqual({ error: 'a failover group needs two database hosts' });
  });

  it('refuses a bad address or a replica equal to the primary with the field named', () => {
    const d = fixtureDesign('primary-replica');
    const bad = (patch: Record<string, string>, field: string) => {
      const r = editFailover(d, [{ ...(d.failover[0] as (typeof d.failover)[number]), ...patch }]);
      return r.ok ? null : fieldError(r.errors, 'failover', 0, field);
    };
    expect(bad({ address: '10.20.0' }, 'address')).toContain('must be one address');
    expect(bad({ replica: 'pg-primary' }, 'replica')).toBe('the replica must be another host than the primary');
  });

  it('goes with a removed member, and monitoring with its removed host', () => {
    const d = fixtureDesign('primary-replica');
    const monitored = { ...d, network: { ...d.network, monitoring: { host: 'app-1', exporterPort: 9586 } } };
    const after = removeItems(monitored, { hosts: ['pg-replica', 'app-1'], tunnels: [], flows: [] });
    expect(after.failover).toEqual([]);
    expect(after.network.monitoring).toBeNull();
  });
});
