import { describe, expect, it } from 'vitest';
import { ep, sketchDesign } from '../../testing/design-builder';
import { runRule } from '../../testing/rule-harness';
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

  it('says nothing when every prefix has one way to go', () => {
    expect(runRule(routeConflicts, fixtureDesign('site-to-site'))).toEqual([]);
  });
});
