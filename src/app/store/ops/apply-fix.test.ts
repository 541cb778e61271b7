import { describe, expect, it } from 'vitest';
import { parseDesign } from '../../../engine';
import type { Design } from '../../../engine';
import { applyFixChanges } from './apply-fix';

function design(): Design {
  const r = parseDesign({ format: 'wg-designer/1', hosts: [{ id: 'a', role: 'app' }, { id: 'b', role: 'db' }], tunnels: [{ id: 't', a: 'a', b: 'b' }] });
  if (!r.ok) throw new Error('design');
  return r.value;
}

describe('applyFixChanges', () => {
  it('sets fields and nested fields through the schema', () => {
    const r = applyFixChanges(design(), { label: 'x', changes: [
      { target: 'host', id: 'a', set: { mtu: 1400 } },
      { target: 'network', set: { 'pools.db': '10.99.0.0/24' } },
      { target: 'tunnel', id: 't', set: { keepalive: 0 } },
    ] });
    if (!r.ok) throw new Error(r.errors[0]?.message);
    expect(r.value.hosts[0]?.mtu).toBe(1400);
    expect(r.value.network.pools.db).toBe('10.99.0.0/24');
    expect(r.value.network.pools.app).toBe('10.10.1.0/24');
    expect(r.value.tunnels[0]?.keepalive).toBe(0);
  });

  it('refuses a fix for something gone, an invalid value, or a prototype key', () => {
    expect(applyFixChanges(design(), { label: 'x', changes: [{ target: 'host', id: 'zz', set: { mtu: 1400 } }] }).ok).toBe(false);
    expect(applyFixChanges(design(), { label: 'x', changes: [{ target: 'host', id: 'a', set: { mtu: 5 } }] }).ok).toBe(false);
    expect(applyFixChanges(design(), { label: 'x', changes: [{ target: 'host', id: 'a', set: { '__proto__.x': 1 } }] }).ok).toBe(false);
  });
});
