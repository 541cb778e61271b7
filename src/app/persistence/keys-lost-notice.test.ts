import { describe, expect, it } from 'vitest';
import type { Design } from '../../engine';
import { generateKeypair, generatePresharedKey, publicDesign, seededRandom } from '../../engine';
import { createAppStore } from '../store/create-app-store';
import { emptyDesign } from './initial-design';
import { KEYS_LOST_KEY, startKeysLostNotice } from './keys-lost-notice';
import { memoryStorage } from './memory-storage';

const random = seededRandom(5);
const deps = {
  keypairs: async (n: number) => Array.from({ length: n }, () => generateKeypair(random)),
  presharedKeys: async (n: number) => Array.from({ length: n }, () => generatePresharedKey(random)),
  layout: (d: Design) => d,
};

/** A design with two keyed hosts, as autosave keeps it with "Remember private keys" off. */
async function reloaded(): Promise<Design> {
  const first = createAppStore({ design: emptyDesign() }, deps);
  first.getState().addHost('postgresql', { x: 0, y: 0 });
  first.getState().addHost('app', { x: 300, y: 0 });
  await new Promise((r) => setTimeout(r, 0));
  return publicDesign(first.getState().history.present);
}

describe('keys-lost notice', () => {
  it('shows for a design whose hosts lost their private keys, and not again once that state was dismissed', async () => {
    const design = await reloaded();
    const storage = memoryStorage();
    const store = createAppStore({ design }, deps);
    startKeysLostNotice(store, storage, design);
    expect(store.getState().keysLost).toBe(true);
    store.getState().setKeysLost(false);
    expect(storage.getItem(KEYS_LOST_KEY)).not.toBeNull();

    const again = createAppStore({ design }, deps);
    startKeysLostNotice(again, storage, design);
    expect(again.getState().keysLost).toBe(false);

    const other = { ...design, hosts: design.hosts.slice(1) };
    const changed = createAppStore({ design: other }, deps);
    startKeysLostNotice(changed, storage, other);
    expect(changed.getState().keysLost).toBe(true);
  });

  it('stays away when no host lost its key', () => {
    const store = createAppStore({ design: emptyDesign() }, deps);
    startKeysLostNotice(store, memoryStorage(), emptyDesign());
    expect(store.getState().keysLost).toBe(false);
  });
});
