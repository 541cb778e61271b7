import { describe, expect, it } from 'vitest';
import { generateKeypair, publicKeyOf, seededRandom } from '../../keys';
import type { Design, Host } from '../../model/design';
import { ep, sketchDesign } from '../../testing/design-builder';
import { afterFix, codesOf, fixed, runRule } from '../../testing/rule-harness';
import { keyFormat } from './key-format';

const keyed = () => sketchDesign({ hosts: [{ id: 'a', name: 'API', endpoint: ep(1) }, { id: 'b' }], tunnels: [['a', 'b']] }, { keys: true });
const withHost = (d: Design, id: string, set: Partial<Host>): Design => ({ ...d, hosts: d.hosts.map((h) => (h.id === id ? { ...h, ...set } : h)) });
const other = generateKeypair(seededRandom(99));

describe('key-format', () => {
  it('reports a public key that is not the one the private key gives, and puts in the right one', () => {
    const d = withHost(keyed(), 'a', { publicKey: other.publicKey });
    const [f] = runRule(keyFormat, d);
    expect(f?.code).toBe('key-mismatch');
    expect(f?.severity).toBe('error');
    expect(f?.message).toBe(`API (a)'s public key ${other.publicKey} is not the one its private key gives: its peers would expect a key it does not have, and every handshake fails.`);
    const after = fixed(d, f).hosts[0];
    expect(after?.publicKey).toBe(publicKeyOf(after?.privateKey as string));
    expect(afterFix(keyFormat, d, f)).toEqual([]);
  });

  it('reports text that is not a key (a design built in code; files are refused by the schema)', () => {
    const d = withHost(keyed(), 'b', { privateKey: 'not-a-key' });
    const [f] = runRule(keyFormat, d);
    expect(f?.code).toBe('key-invalid');
    expect(f?.message).toBe('b\'s private key is not a WireGuard key (44 characters of standard base64 ending in "=").');
    expect(fixed(d, f).hosts[1]).toMatchObject({ privateKey: null, publicKey: null });
  });

  it('reports a bad preshared key and clears it for export to generate', () => {
    const d = keyed();
    const bad = { ...d, tunnels: d.tunnels.map((t) => ({ ...t, presharedKey: 'x'.repeat(44) })) };
    const [f] = runRule(keyFormat, bad);
    expect(f?.code).toBe('key-invalid');
    expect(f?.subjects.tunnels).toEqual(['t-a-b']);
    expect(afterFix(keyFormat, bad, f)).toEqual([]);
  });

  it('reports an external host without a public key in a design that has keys', () => {
    const d = sketchDesign({ hosts: [{ id: 'a', endpoint: ep(1) }, { id: 'x', external: true }], tunnels: [['a', 'x']] }, { keys: true });
    expect(codesOf(runRule(keyFormat, d))).toEqual(['key-missing']);
  });

  it('says nothing of matching keys, of a public (keyless) copy, or of a design without keys', () => {
    expect(runRule(keyFormat, keyed())).toEqual([]);
    expect(runRule(keyFormat, { ...keyed(), hosts: keyed().hosts.map((h) => ({ ...h, privateKey: null })) })).toEqual([]);
    const keyless = sketchDesign({ hosts: [{ id: 'a', endpoint: ep(1) }, { id: 'x', external: true }], tunnels: [['a', 'x']] });
    expect(runRule(keyFormat, keyless)).toEqual([]);
  });
});
