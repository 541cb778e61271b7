import { describe, expect, it } from 'vitest';
import { generateKeypair, nobleX25519Base, publicKeyOf, resetX25519, seededRandom, useX25519 } from '../../keys';
import type { Design, Host } from '../../model/design';
import { buildPlan } from '../../plan/build-plan';
import { ep, sketchDesign } from '../../testing/design-builder';
import { afterFix, codesOf, fixed, runRule } from '../../testing/rule-harness';
import { ruleContext } from '../validate-design';
import { newValidationContext } from '../validation-context';
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

  it('derives a key once across validations that share a context, trusts pairs the caller put in, and keeps only the current design\'s', () => {
    const d = keyed();
    const [a, b] = d.hosts as [Host, Host];
    const validation = newValidationContext();
    const run = (design: Design) => keyFormat.run(ruleContext(design, buildPlan(design), validation));
    let derived = 0;
    useX25519((k) => { derived++; return nobleX25519Base(k); });
    try {
      derived = 0;
      // Export's case: a pair it has just made is taken as given (a wrong one here would go unnoticed: never for input).
      validation.publicKeys.set(a.privateKey as string, a.publicKey as string);
      expect(run(d)).toEqual([]);
      expect(derived).toBe(1);
      expect(run(d)).toEqual([]);
      expect(derived).toBe(1);
      // An edit that changes b's keys derives b's only.
      const next = withHost(d, 'b', other);
      expect(run(next)).toEqual([]);
      expect(derived).toBe(2);
      expect([...validation.publicKeys.keys()].sort()).toEqual([a.privateKey, other.privateKey].sort());
      expect(validation.publicKeys.has(b.privateKey as string)).toBe(false);
      // A design without keys leaves none behind.
      run(sketchDesign({ hosts: [{ id: 'a', endpoint: ep(1) }, { id: 'b' }], tunnels: [['a', 'b']] }));
      expect(validation.publicKeys.size).toBe(0);
    } finally {
      resetX25519();
    }
  });
});
