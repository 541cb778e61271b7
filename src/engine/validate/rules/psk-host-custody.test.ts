import { describe, expect, it } from 'vitest';
import { ep, sketchDesign } from '../../testing/design-builder';
import { codesOf, runRule } from '../../testing/rule-harness';
import { pskHostCustody } from './psk-host-custody';
import { pskMissing } from './psk-missing';

const sketch = (presharedKeys: boolean) => sketchDesign({
  network: { presharedKeys },
  hosts: [{ id: 'a', endpoint: ep(1) }, { id: 'b', keys: 'host' }, { id: 'c' }],
  tunnels: [['a', 'b'], ['a', 'c'], ['b', 'c']],
}, { keys: true });

describe('psk-host-custody', () => {
  it('names, in one finding, every tunnel left without a preshared key for host custody, and says why', () => {
    const found = runRule(pskHostCustody, sketch(true));
    expect(codesOf(found)).toEqual(['psk-host-custody']);
    expect(found[0]?.severity).toBe('info');
    expect(found[0]?.subjects).toEqual({ hosts: ['a', 'b', 'c'], tunnels: ['t-a-b', 't-b-c'] });
    expect(found[0]?.message).toContain('Tunnels t-a-b and t-b-c have no preshared key');
    expect(found[0]?.message).toContain('would have to travel to it in the bundle');
  });

  it('is the only finding for those tunnels: psk-missing stays quiet about them', () => {
    const d = sketch(true);
    expect(d.tunnels.map((t) => [t.id, t.presharedKey !== null])).toEqual([['t-a-b', false], ['t-a-c', true], ['t-b-c', false]]);
    expect(runRule(pskMissing, d)).toEqual([]);
  });

  it('says nothing when the network does not ask for preshared keys', () => {
    expect(runRule(pskHostCustody, sketch(false))).toEqual([]);
  });
});
