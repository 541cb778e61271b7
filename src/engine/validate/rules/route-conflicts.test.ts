import { describe, expect, it } from 'vitest';
import { ep, sketchDesign } from '../../testing/design-builder';
import { runRule } from '../../testing/rule-harness';
import { buildPlan } from '../../plan/build-plan';
import { parsePrefix } from '../../net';
import { fixtureDesign } from '../../testing/fixture-design';
import { routeConflicts } from './route-conflicts';

describe('route-conflicts', () => {
  it('reports a prefix the flows need under two peers of one interface', () => {
    // Two gateways route the same lan (a copied VPC range): app needs 172.31.0.0/16 under both.
    const d = sketchDesign({
      hosts: [
        { id: 'gw', role: 'gateway', endpoint: ep(1), lans: ['172.31.0.0/16'], services: [{ id: 'rds', address: '172.31.0.9', port: 5432 }] },
        { id: 'gw2', role: 'gateway', endpoint: ep(2), lans: ['172.31.0.0/16'], services: [{ id: 'rds', address: '172.31.0.10', port: 5432 }] },
        { id: 'app' },
      ],
      tunnels: [['app', 'gw'], ['app', 'gw2']],
      flows: [{ from: 'app', to: 'gw/rds' }, { from: 'app', to: 'gw2/rds' }],
    });
    const [f] = runRule(routeConflicts, d);
    expect(f?.code).toBe('route-conflict');
    expect(f?.severity).toBe('error');
    expect(f?.message).toBe('On app, flow f-app-gw2-rds needs 172.31.0.0/16 routed to gw2, but it is already routed to gw; a prefix can sit under one peer only. Make the paths symmetric (add or remove a tunnel) or route through one gateway.');
    expect(f?.subjects).toEqual({ hosts: ['app', 'gw', 'gw2'], flows: ['f-app-gw2-rds'] });
  });

  it('reports one clash once, naming every flow that meets it', () => {
    const d = sketchDesign({
      hosts: [
        { id: 'gw', role: 'gateway', endpoint: ep(1), lans: ['172.31.0.0/16'], services: [{ id: 'rds', address: '172.31.0.9', port: 5432 }] },
        { id: 'gw2', role: 'gateway', endpoint: ep(2), lans: ['172.31.0.0/16'], services: [{ id: 'rds', address: '172.31.0.10', port: 5432 }] },
        { id: 'app' },
      ],
      tunnels: [['app', 'gw'], ['app', 'gw2']],
      flows: [{ from: 'app', to: 'gw/rds' }, { from: 'app', to: 'gw2/rds' }, { from: 'app', to: 'gw2/rds', port: 6432 }],
    });
    const found = runRule(routeConflicts, d);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(/^On app, flows f-app-gw2-rds and f-app-gw2-rds-2 need 172\.31\.0\.0\/16 routed to gw2, but/);
    expect(found[0]?.subjects.flows).toEqual(['f-app-gw2-rds', 'f-app-gw2-rds-2']);
  });

  it('leaves the routes to an address two hosts claim to address-duplicate', () => {
    const d = sketchDesign({
      hosts: [{ id: 'hub', role: 'gateway', endpoint: ep(1) }, { id: 'pg', role: 'db', addresses: ['10.10.0.1/32'] }, { id: 'app', addresses: ['10.10.0.1/32'] }],
      tunnels: [['hub', 'pg'], ['hub', 'app']],
      flows: [{ from: 'app', to: 'pg' }],
    });
    expect(runRule(routeConflicts, d)).toEqual([]);
  });

  it('names the tunnel, not an empty flow id, when a peer\'s own route clashes with no flow involved', () => {
    // Two peers sharing AllowedIPs: the clash comes from the tunnels' host routes (flowId ""), not from a flow.
    const d = sketchDesign({
      hosts: [{ id: 'hub', role: 'gateway', endpoint: ep(1) }, { id: 'a', addresses: ['10.10.1.5/32'] }, { id: 'b', addresses: ['10.10.1.6/32'] }],
      tunnels: [['hub', 'a'], ['hub', 'b']],
    });
    const plan = buildPlan(d);
    plan.conflicts.push({ hostId: 'hub', prefix: parsePrefix('192.168.9.0/24'), kept: 'a', refused: 'b', flowId: '' });
    const [f] = runRule(routeConflicts, d, plan);
    expect(f?.message).toMatch(/^On hub, the tunnel to b needs 192\.168\.9\.0\/24 routed to b, but it is already routed to a;/);
    expect(f?.message).not.toMatch(/flows? {2}/);
    expect(f?.subjects.flows).toEqual([]);
  });

  it('says nothing when every prefix has one way to go', () => {
    expect(runRule(routeConflicts, fixtureDesign('site-to-site'))).toEqual([]);
  });
});
