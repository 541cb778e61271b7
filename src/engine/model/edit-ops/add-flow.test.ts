import { describe, expect, it } from 'vitest';
import { sketchDesign } from '../../testing/design-builder';
import { addFlow } from './add-flow';

const design = () => sketchDesign({
  hosts: [{ id: 'app' }, { id: 'my-1', role: 'db', database: { engine: 'mysql' } }, { id: 'my-2', role: 'db', database: { engine: 'mysql' } }],
});

describe('addFlow', () => {
  it('gives a client flow the database\'s port, and a replication flow none (its engine\'s replication ports)', () => {
    const client = addFlow(design(), { from: 'app', to: 'my-1' });
    expect('design' in client && client.design.flows[0]?.port).toBe(3306);
    const replication = addFlow(design(), { from: 'my-1', to: 'my-2', kind: 'replication' });
    expect('design' in replication && replication.design.flows[0]).toEqual({ id: 'f-my-1-my-2', from: 'my-1', to: 'my-2', port: null, proto: 'tcp', kind: 'replication' });
    const named = addFlow(design(), { from: 'my-1', to: 'my-2', kind: 'replication', port: 33061 });
    expect('design' in named && named.design.flows[0]?.port).toBe(33061);
  });

  it('refuses a replication flow twice, and a flow with no port to a host that serves nothing', () => {
    const once = addFlow(design(), { from: 'my-1', to: 'my-2', kind: 'replication' });
    if (!('design' in once)) throw new Error(once.error);
    expect(addFlow(once.design, { from: 'my-1', to: 'my-2', kind: 'replication' })).toEqual({ error: 'my-1 may already reach my-2 on tcp/replication ports (f-my-1-my-2)' });
    expect(addFlow(design(), { from: 'my-1', to: 'app', kind: 'replication' })).toEqual({ error: 'app runs no database or service: give the port' });
  });
});
