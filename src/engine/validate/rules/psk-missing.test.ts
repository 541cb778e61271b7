import { describe, expect, it } from 'vitest';
import { publicDesign } from '../../model/public-design';
import { ep, sketchDesign } from '../../testing/design-builder';
import { codesOf, runRule } from '../../testing/rule-harness';
import { pskMissing } from './psk-missing';

const keyed = (presharedKeys: boolean, external = false) => {
  const d = sketchDesign({
    network: { presharedKeys },
    hosts: [{ id: 'a', endpoint: ep(1) }, { id: 'b' }, { id: 'x', external, role: 'client' }],
    tunnels: [['a', 'b'], ['a', 'x']],
  }, { keys: true });
  // A tunnel drawn after the keys were made has none yet.
  return { ...d, tunnels: d.tunnels.map((t) => (t.id === 't-a-x' ? { ...t, presharedKey: null } : t)) };
};

describe('psk-missing', () => {
  it('reports a tunnel without a preshared key in a design that asks for them', () => {
    const found = runRule(pskMissing, keyed(true));
    expect(codesOf(found)).toEqual(['psk-missing']);
    expect(found[0]?.severity).toBe('warning');
    expect(found[0]?.message).toContain('Tunnel t-a-x (a - x) has no preshared key, though the network asks for them');
  });

  it('says the generated key must reach an external host\'s own config', () => {
    expect(runRule(pskMissing, keyed(true, true))[0]?.message).toContain("must then be added to external host x's own config");
  });

  it('says nothing when the design does not ask for them, or holds no secrets (public copy, keyless)', () => {
    expect(runRule(pskMissing, keyed(false))).toEqual([]);
    expect(runRule(pskMissing, publicDesign(keyed(true)))).toEqual([]);
    expect(runRule(pskMissing, sketchDesign({ hosts: [{ id: 'a', endpoint: ep(1) }, { id: 'b' }], tunnels: [['a', 'b']] }))).toEqual([]);
  });
});
