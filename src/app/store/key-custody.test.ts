import { beforeEach, describe, expect, it } from 'vitest';
import type { StoreApi } from 'zustand/vanilla';
import type { Design } from '../../engine';
import { generateKeypair, generatePresharedKey, publicDesign, publicKeyOf, seededRandom } from '../../engine';
import { emptyDesign } from '../persistence/initial-design';
import { keysLostFingerprint } from '../persistence/keys-lost-notice';
import type { AppStore } from './app-state';
import { createAppStore } from './create-app-store';
import { orphanedHostIds } from './orphaned-host-ids';

const random = seededRandom(11);
const deps = {
  keypairs: async (n: number) => Array.from({ length: n }, () => generateKeypair(random)),
  presharedKeys: async (n: number) => Array.from({ length: n }, () => generatePresharedKey(random)),
  layout: (d: Design) => d,
};
/** Lets the fake worker's promises settle. */
const settle = () => new Promise((r) => setTimeout(r, 0));

let store: StoreApi<AppStore>;
const s = () => store.getState();
const design = () => s().history.present;
const keyOf = (id: string) => design().hosts.find((h) => h.id === id);

/** Three hosts with keys, then the store a reload with "Remember private keys" off would open: public keys only. */
async function reloadedWithoutPrivateKeys(): Promise<Design> {
  const first = createAppStore({ design: emptyDesign() }, deps);
  first.getState().addHost('postgresql', { x: 0, y: 0 });
  first.getState().addHost('app', { x: 300, y: 0 });
  first.getState().addHost('app', { x: 600, y: 0 });
  await settle();
  const saved = publicDesign(first.getState().history.present);
  store = createAppStore({ design: saved }, deps);
  await settle();
  return saved;
}

describe('key custody in the store', () => {
  beforeEach(async () => {
    await reloadedWithoutPrivateKeys();
  });

  it('starts with every host orphaned, and the worker does not quietly replace those public keys', () => {
    expect(orphanedHostIds(design())).toEqual(['pg-1', 'app-1', 'app-2']);
    expect(s().analysis.findings.map((f) => f.code)).toContain('key-orphaned');
  });

  it('generates keys for every orphan in one action, one undo step', async () => {
    const before = design();
    s().regenerateKeys(orphanedHostIds(design()));
    await settle();
    expect(orphanedHostIds(design())).toEqual([]);
    for (const h of design().hosts) {
      expect(h.privateKey).not.toBeNull();
      expect(h.publicKey).toBe(publicKeyOf(h.privateKey ?? ''));
      expect(h.publicKey).not.toBe(before.hosts.find((b) => b.id === h.id)?.publicKey);
    }
    expect(s().analysis.findings.map((f) => f.code)).not.toContain('key-orphaned');
    s().undo();
    expect(design()).toBe(before);
  });

  it('keeps the hosts\' own keys: custody becomes host, public keys stay, no keys are made', async () => {
    const before = design();
    s().keepOwnKeys(orphanedHostIds(design()));
    await settle();
    for (const h of design().hosts) {
      expect(h.keys).toBe('host');
      expect(h.publicKey).toBe(before.hosts.find((b) => b.id === h.id)?.publicKey);
      expect(h.privateKey).toBeNull();
    }
    expect(orphanedHostIds(design())).toEqual([]);
    expect(s().pendingKeys).toEqual([]);
  });

  it('regenerates only the selected hosts\' keys, and never a host-custody host\'s', async () => {
    s().regenerateKeys(orphanedHostIds(design()));
    await settle();
    const before = design();
    s().keepOwnKeys(['app-2']);
    s().regenerateKeys(['pg-1', 'app-2']);
    await settle();
    expect(keyOf('pg-1')?.publicKey).not.toBe(before.hosts[0]?.publicKey);
    expect(keyOf('app-1')).toEqual(before.hosts[1]);
    expect(keyOf('app-2')?.publicKey).toBe(before.hosts[2]?.publicKey);
  });

  it('adopts keys an export made only for hosts whose keys are made here', async () => {
    s().keepOwnKeys(['app-1']);
    s().regenerateKeys();
    await settle();
    // The moment an export finishes before the worker's pairs arrive: no host has keys yet.
    const cleared = { ...design(), hosts: design().hosts.map((h) => ({ ...h, publicKey: null, privateKey: null })) };
    store.setState({ history: { ...s().history, present: cleared } });
    const exported = { ...design(), hosts: design().hosts.map((h) => ({ ...h, ...generateKeypair(random) })) };
    s().adoptKeys(exported);
    expect(keyOf('app-1')?.publicKey).toBeNull();
    expect(keyOf('pg-1')?.publicKey).toBe(exported.hosts[0]?.publicKey);
  });

  it('fingerprints a keys-lost state so a dismissal holds for it and not for another', () => {
    const d = design();
    expect(keysLostFingerprint(d)).toBe(keysLostFingerprint({ ...d, hosts: [...d.hosts].reverse() }));
    expect(keysLostFingerprint(d)).not.toBe(keysLostFingerprint({ ...d, hosts: d.hosts.slice(1) }));
    s().keepOwnKeys(orphanedHostIds(d));
    expect(keysLostFingerprint(design())).toBeNull();
  });
});
