import { describe, expect, it } from 'vitest';
import { fixtureDesign } from '../testing/fixture-design';
import { applyFix } from './apply-fix';

describe('applyFix', () => {
  const design = fixtureDesign('hub-and-spoke');

  it('sets fields of hosts, tunnels, flows and the network, and leaves the input as it was', () => {
    const before = JSON.stringify(design);
    const r = applyFix(design, {
      label: 'several',
      changes: [
        { target: 'host', id: 'app-1', set: { mtu: 1380 } },
        { target: 'tunnel', id: 't-hub-app-3', set: { keepalive: 25 } },
        { target: 'flow', id: 'f-app-1-pg', set: { port: 6432 } },
        { target: 'network', set: { 'pools.client': '10.10.9.0/24', managementPort: 2222 } },
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.hosts.find((h) => h.id === 'app-1')?.mtu).toBe(1380);
    expect(r.value.tunnels.find((t) => t.id === 't-hub-app-3')?.keepalive).toBe(25);
    expect(r.value.flows.find((f) => f.id === 'f-app-1-pg')?.port).toBe(6432);
    expect(r.value.network.pools).toEqual({ ...design.network.pools, client: '10.10.9.0/24' });
    expect(r.value.network.managementPort).toBe(2222);
    expect(JSON.stringify(design)).toBe(before);
  });

  it('checks the result against the schema, naming the field', () => {
    const r = applyFix(design, { label: 'bad', changes: [{ target: 'host', id: 'app-1', set: { mtu: 100 } }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.path).toBe('hosts[2] (app-1).mtu');
  });

  it('refuses an unknown id and keys that reach a prototype', () => {
    const unknown = applyFix(design, { label: 'x', changes: [{ target: 'tunnel', id: 'nope', set: { keepalive: 25 } }] });
    expect(unknown).toEqual({ ok: false, errors: [{ path: 'fix', message: 'no tunnel has the id "nope"' }] });
    const polluting = applyFix(design, { label: 'x', changes: [{ target: 'network', set: { '__proto__.polluted': true } }] });
    expect(polluting.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
