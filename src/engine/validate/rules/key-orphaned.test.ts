import { describe, expect, it } from 'vitest';
import type { Design } from '../../model/design';
import { publicDesign } from '../../model/public-design';
import { sketchDesign } from '../../testing/design-builder';
import { afterFix, fixed, runRule } from '../../testing/rule-harness';
import { keyOrphaned } from './key-orphaned';

const three = () => sketchDesign({ hosts: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], tunnels: [['a', 'b'], ['a', 'c']] }, { keys: true });
const withHost = (d: Design, id: string, set: Record<string, unknown>): Design => ({ ...d, hosts: d.hosts.map((h) => (h.id === id ? { ...h, ...set } : h)) });

describe('key-orphaned', () => {
  it('reports every bundle-custody host that lost its private key in one error, and its fix clears their keys', () => {
    const d = publicDesign(three());
    const found = runRule(keyOrphaned, d);
    expect(found).toHaveLength(1);
    const [f] = found;
    expect(f?.severity).toBe('error');
    expect(f?.subjects.hosts).toEqual(['a', 'b', 'c']);
    expect(f?.message).toMatch(/^a, b and c have public keys but their private keys are not in the design/);
    expect(f?.message).toContain('generate new keys, or set key custody to "Kept by the host"');
    expect(fixed(d, f).hosts.every((h) => h.publicKey === null && h.privateKey === null)).toBe(true);
    expect(afterFix(keyOrphaned, d, f)).toEqual([]);
  });

  it('offers host custody as the other repair, keeping every public key', () => {
    const d = publicDesign(three());
    const [f] = runRule(keyOrphaned, d);
    const kept = fixed(d, f && { ...f, fix: f.alternative });
    expect(kept.hosts.map((h) => [h.keys, h.publicKey])).toEqual(d.hosts.map((h) => ['host', h.publicKey]));
    expect(runRule(keyOrphaned, kept)).toEqual([]);
  });

  it('says nothing of hosts that keep their own key, external hosts, keyless hosts or full pairs', () => {
    const d = publicDesign(three());
    expect(runRule(keyOrphaned, { ...d, network: { ...d.network, keys: 'host' } })).toEqual([]);
    const mixed = withHost(withHost(withHost(d, 'a', { keys: 'host' }), 'b', { external: true }), 'c', { publicKey: null });
    expect(runRule(keyOrphaned, mixed)).toEqual([]);
    expect(runRule(keyOrphaned, three())).toEqual([]);
  });

  it('takes a host\'s own custody over the network default', () => {
    const d = publicDesign(three());
    const hostNet = withHost({ ...d, network: { ...d.network, keys: 'host' } }, 'b', { keys: 'bundle' });
    const [f] = runRule(keyOrphaned, hostNet);
    expect(f?.subjects.hosts).toEqual(['b']);
    expect(f?.message).toMatch(/^b has a public key but its private key is not in the design/);
  });
});
