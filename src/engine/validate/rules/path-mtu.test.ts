import { describe, expect, it } from 'vitest';
import { ep, sketchDesign, v4 } from '../../testing/design-builder';
import { fixtureDesign } from '../../testing/fixture-design';
import { afterFix, fixed, runRule } from '../../testing/rule-harness';
import { pathMtu } from './path-mtu';

/** app -> gw -> pg, where the gw-pg tunnel is narrower (pg's underlay is 1420) than app's interface (1440). */
const chain = (gw: Record<string, unknown>, flow: Record<string, unknown> = {}) => sketchDesign({
  hosts: [
    { id: 'app', name: 'API', underlay: v4() },
    { id: 'gw', name: 'Edge router', role: 'gateway', endpoint: ep(1), underlay: v4(), ...gw },
    { id: 'pg', role: 'db', endpoint: ep(2), underlay: v4(1420) },
  ],
  tunnels: [['app', 'gw'], ['gw', 'pg']],
  flows: [{ from: 'app', to: 'pg', ...flow }],
});

describe('path-mtu', () => {
  it('warns when a router that does not clamp the MSS forwards into a narrower tunnel, with the numbers', () => {
    const [f] = runRule(pathMtu, chain({ external: true }));
    expect(f?.code).toBe('mss-clamp-missing');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toMatch(/^Edge router \(gw\) forwards TCP into tunnels of at most 1360 bytes from API \(app\) \(1440\), and does not clamp the MSS \(it is external, so no bundle configures it\)/);
    expect(f?.subjects).toEqual({ hosts: ['gw', 'app'], flows: ['f-app-pg'] });
  });

  it('fixes it by lowering the sender\'s MTU to what the router can forward', () => {
    const d = chain({ external: true });
    const [f] = runRule(pathMtu, d);
    expect(fixed(d, f).hosts[0]?.mtu).toBe(1360);
    expect(afterFix(pathMtu, d, f)).toEqual([]);
  });

  it('also checks replies of a managed database on a lan behind a gateway that does not clamp', () => {
    const d = sketchDesign({
      hosts: [
        { id: 'app', underlay: v4() },
        { id: 'gw', role: 'gateway', endpoint: ep(1), underlay: v4(), external: true, lans: ['172.31.0.0/16'], services: [{ id: 'rds', address: '172.31.0.5', port: 5432 }] },
      ],
      tunnels: [['app', 'gw']],
      flows: [{ from: 'app', to: 'gw/rds' }],
    });
    const [f] = runRule(pathMtu, d);
    expect(f?.message).toContain('from the lan behind gw (1500)');
    expect(f?.fix).toBeUndefined();
  });

  it('says nothing where routers clamp (every router the designer configures does), or for UDP', () => {
    expect(runRule(pathMtu, chain({}))).toEqual([]);
    expect(runRule(pathMtu, chain({ external: true }, { proto: 'udp', port: 5432 }))).toEqual([]);
    expect(runRule(pathMtu, fixtureDesign('site-to-site'))).toEqual([]);
  });
});
