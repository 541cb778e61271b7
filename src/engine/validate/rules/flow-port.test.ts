import { describe, expect, it } from 'vitest';
import { ep, sketchDesign } from '../../testing/design-builder';
import { afterFix, codesOf, fixed, runRule } from '../../testing/rule-harness';
import { flowPort } from './flow-port';

const design = (flow: Record<string, unknown>) => sketchDesign({
  hosts: [
    { id: 'app' }, { id: 'pg', role: 'db', endpoint: ep(1), database: { engine: 'postgresql', port: 5433 } },
    { id: 'gw', role: 'gateway', endpoint: ep(2), lans: ['172.31.0.0/16'], services: [{ id: 'rds', address: '172.31.0.5', port: 3306 }] },
  ],
  tunnels: [['app', 'pg'], ['app', 'gw']],
  flows: [{ from: 'app', to: 'pg', ...flow }],
});

describe('flow-port', () => {
  it('reports a flow to a database on a port it does not listen on, and fixes the port', () => {
    const d = design({ port: 5432 });
    const [f] = runRule(flowPort, d);
    expect(f?.code).toBe('flow-port-unserved');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toBe("Flow f-app-pg from app opens tcp/5432, but pg's postgresql listens on 5433: the firewalls would open a port nothing declared listens on, and keep 5433 closed.");
    expect(fixed(d, f).flows[0]?.port).toBe(5433);
    expect(afterFix(flowPort, d, f)).toEqual([]);
  });

  it('checks a service\'s port the same way', () => {
    const d = sketchDesign({
      hosts: [{ id: 'app' }, { id: 'gw', role: 'gateway', endpoint: ep(2), lans: ['172.31.0.0/16'], services: [{ id: 'rds', address: '172.31.0.5', port: 3306 }] }],
      tunnels: [['app', 'gw']],
      flows: [{ from: 'app', to: 'gw/rds', port: 3307 }],
    });
    expect(runRule(flowPort, d)[0]?.message).toContain('but service rds behind gw listens on 3306');
  });

  it('reports UDP to a database and offers TCP', () => {
    const d = design({ port: 5433, proto: 'udp' });
    const found = runRule(flowPort, d);
    expect(codesOf(found)).toEqual(['flow-proto-mismatch']);
    expect(afterFix(flowPort, d, found[0])).toEqual([]);
  });

  it('says nothing of the default port, or of flows to hosts that run no database', () => {
    expect(runRule(flowPort, design({}))).toEqual([]);
    const toApp = sketchDesign({ hosts: [{ id: 'a' }, { id: 'b', endpoint: ep(1) }], tunnels: [['a', 'b']], flows: [{ from: 'a', to: 'b', port: 8080 }] });
    expect(runRule(flowPort, toApp)).toEqual([]);
  });

  // Issue 22: the rule warned about the replication port it had itself defaulted to, and its fix removed it.
  describe('on replication flows', () => {
    const mysqlPair = (flow: Record<string, unknown>) => sketchDesign({
      hosts: [
        { id: 'my-1', role: 'db', endpoint: ep(1), database: { engine: 'mysql' } },
        { id: 'my-2', role: 'db', endpoint: ep(2), database: { engine: 'mysql' } },
      ],
      tunnels: [['my-1', 'my-2']],
      flows: [{ from: 'my-1', to: 'my-2', kind: 'replication', ...flow }],
    });

    it('says nothing of the engine\'s ports, named or left to the default', () => {
      expect(runRule(flowPort, mysqlPair({}))).toEqual([]);
      expect(runRule(flowPort, mysqlPair({ port: 33061 }))).toEqual([]);
      expect(runRule(flowPort, mysqlPair({ port: 3306 }))).toEqual([]);
    });

    it('reports a port the engine does not replicate over, and gives the engine\'s ports back, all of them', () => {
      const d = mysqlPair({ port: 3307 });
      const [f] = runRule(flowPort, d);
      expect(f?.message).toBe('Flow f-my-1-my-2 from my-1 opens tcp/3307, but my-2\'s mysql listens on 3306 (and replicates over 33061): the firewalls would open a port nothing declared listens on, and keep 3306 closed.');
      expect(f?.fix?.label).toBe('Open mysql\'s replication ports (3306, 33061) for flow f-my-1-my-2');
      expect(fixed(d, f).flows[0]?.port).toBeNull();
      expect(afterFix(flowPort, d, f)).toEqual([]);
    });

    it('still reports UDP to a database when the flow names no port', () => {
      expect(codesOf(runRule(flowPort, mysqlPair({ proto: 'udp' })))).toEqual(['flow-proto-mismatch']);
    });
  });
});
