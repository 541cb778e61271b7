import { describe, expect, it } from 'vitest';
import { generateKeypair, seededRandom } from '../keys';
import { ep, parseSketch } from '../testing/design-builder';
import { completeDesign } from './complete-design';

const pair = generateKeypair(seededRandom(99));
const sketch = (b: Record<string, unknown> = {}) => parseSketch({
  hosts: [{ id: 'a', endpoint: ep(1) }, { id: 'b', keys: 'host', ...b }, { id: 'c' }],
  tunnels: [['a', 'b'], ['a', 'c']],
});

describe('completeDesign and key custody', () => {
  it('makes no keypair for a host in host custody, and no preshared key for its tunnels', () => {
    const c = completeDesign(sketch(), { random: seededRandom(1), keys: true });
    const b = c.design.hosts.find((h) => h.id === 'b');
    expect([b?.privateKey, b?.publicKey]).toEqual([null, null]);
    expect(c.generatedKeys).toEqual(['a', 'c']);
    expect(c.generatedPresharedKeys).toEqual(['t-a-c']);
    expect(c.design.tunnels.map((t) => t.presharedKey === null)).toEqual([true, false]);
    expect(c.droppedPrivateKeys).toEqual([]);
  });

  it('drops a private key and preshared keys the design holds for host custody, keeping the public key', () => {
    const d = sketch({ privateKey: pair.privateKey, publicKey: pair.publicKey });
    const withPsk = { ...d, tunnels: d.tunnels.map((t) => ({ ...t, presharedKey: pair.privateKey })) };
    const c = completeDesign(withPsk, { random: seededRandom(1), keys: true });
    const b = c.design.hosts.find((h) => h.id === 'b');
    expect([b?.privateKey, b?.publicKey]).toEqual([null, pair.publicKey]);
    expect(c.droppedPrivateKeys).toEqual(['b']);
    expect(c.design.tunnels.map((t) => t.presharedKey)).toEqual([null, pair.privateKey]);
  });

  it('keeps an enrolled public key and takes the network\'s custody for hosts that set none', () => {
    const d = parseSketch({ network: { keys: 'host' }, hosts: [{ id: 'a', endpoint: ep(1), publicKey: pair.publicKey }, { id: 'b', keys: 'bundle' }], tunnels: [['a', 'b']] });
    const c = completeDesign(d, { random: seededRandom(1), keys: true });
    expect(c.generatedKeys).toEqual(['b']);
    expect(c.design.hosts[0]?.publicKey).toBe(pair.publicKey);
    expect(c.design.hosts[0]?.privateKey).toBeNull();
    expect(c.generatedPresharedKeys).toEqual([]);
  });
});
