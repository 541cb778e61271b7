import { describe, expect, it } from 'vitest';
import { ep, sketchDesign } from '../../testing/design-builder';
import { afterFix, runRule } from '../../testing/rule-harness';
import { lanReturnRoute } from './lan-return-route';

const vpc = (masquerade: boolean) => sketchDesign({
  hosts: [
    { id: 'app-1' }, { id: 'app-2' },
    { id: 'gw', name: 'VPC gateway', role: 'gateway', endpoint: ep(1), masquerade, lans: ['172.31.0.0/16'], services: [{ id: 'rds', address: '172.31.5.20', port: 5432 }] },
  ],
  tunnels: [['app-1', 'gw'], ['app-2', 'gw']],
  flows: [{ from: 'app-1', to: 'gw/rds' }, { from: 'app-2', to: 'gw/rds' }],
});

describe('lan-return-route', () => {
  it('says what the lan must route back when the gateway does not masquerade', () => {
    const [f] = runRule(lanReturnRoute, vpc(false));
    expect(f?.code).toBe('lan-return-route');
    expect(f?.severity).toBe('info');
    expect(f?.message).toBe('VPC gateway (gw) forwards flows into 172.31.0.0/16 without masquerade, so the machines there must route 10.10.1.1 and 10.10.1.2 back through gw; otherwise their replies never reach the tunnel.');
    expect(f?.subjects).toEqual({ hosts: ['gw'], flows: ['f-app-1-gw-rds', 'f-app-2-gw-rds'] });
  });

  it('offers masquerade as the fix', () => {
    const d = vpc(false);
    expect(afterFix(lanReturnRoute, d, runRule(lanReturnRoute, d)[0])).toEqual([]);
  });

  it('says nothing when the gateway masquerades', () => {
    expect(runRule(lanReturnRoute, vpc(true))).toEqual([]);
  });
});
