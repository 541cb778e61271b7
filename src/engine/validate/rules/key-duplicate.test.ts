import { describe, expect, it } from 'vitest';
import { ep, sketchDesign } from '../../testing/design-builder';
import { afterFix, fixed, runRule } from '../../testing/rule-harness';
import { keyDuplicate } from './key-duplicate';

const three = () => sketchDesign({ hosts: [{ id: 'a', endpoint: ep(1) }, { id: 'b' }, { id: 'c' }], tunnels: [['a', 'b'], ['a', 'c']] }, { keys: true });

describe('key-duplicate', () => {
  it('reports two hosts with one key (a copied config) and gives the second a fresh pair on export', () => {
    const d = three();
    const a = d.hosts[0];
    const copied = { ...d, hosts: d.hosts.map((h) => (h.id === 'c' ? { ...h, privateKey: a?.privateKey ?? null, publicKey: a?.publicKey ?? null } : h)) };
    const [f] = runRule(keyDuplicate, copied);
    expect(f?.code).toBe('key-duplicate');
    expect(f?.severity).toBe('error');
    expect(f?.message).toBe(`a and c have the same public key ${a?.publicKey}: WireGuard names a peer by its key, so their peers cannot tell them apart and the hosts take turns being unreachable.`);
    expect(fixed(copied, f).hosts[2]).toMatchObject({ privateKey: null, publicKey: null });
    expect(afterFix(keyDuplicate, copied, f)).toEqual([]);
  });

  it('says nothing when every key is distinct, or when there are no keys', () => {
    expect(runRule(keyDuplicate, three())).toEqual([]);
    expect(runRule(keyDuplicate, sketchDesign({ hosts: [{ id: 'a' }, { id: 'b' }] }))).toEqual([]);
  });
});
