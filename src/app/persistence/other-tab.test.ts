import { describe, expect, it } from 'vitest';
import type { Design } from '../../engine';
import { generateKeypair, generatePresharedKey, publicDesign, seededRandom } from '../../engine';
import { fixtureDesign } from '../../engine/testing/fixture-design';
import { createAppStore } from '../store/create-app-store';
import { startAutosave } from './autosave';
import { memoryStorage } from './memory-storage';
import { startOtherTabWatch } from './other-tab';
import type { StorageEvents } from './other-tab';
import { withOwnKeys } from './same-design';
import { DESIGN_KEY } from './storage-keys';

const random = seededRandom(11);
const deps = {
  keypairs: async (n: number) => Array.from({ length: n }, () => generateKeypair(random)),
  presharedKeys: async (n: number) => Array.from({ length: n }, () => generatePresharedKey(random)),
  layout: (d: Design) => d,
};

/** The window's `storage` events, fired by hand as another tab's saves would fire them. */
function fakeWindow() {
  let listener: ((e: { key: string | null; newValue: string | null }) => void) | null = null;
  const events: StorageEvents = { addEventListener: (_t, l) => { listener = l; }, removeEventListener: () => { listener = null; } };
  return { events, fire: (key: string, value: string) => listener?.({ key, newValue: value }) };
}

describe('another tab', () => {
  it('saving a different design stops autosave here until the user answers', () => {
    const mine = fixtureDesign('hub-and-spoke');
    const storage = memoryStorage();
    const store = createAppStore({ design: mine }, deps);
    startAutosave(store, storage, () => {});
    const win = fakeWindow();
    startOtherTabWatch(store, win.events);

    const theirs = { ...publicDesign(mine), name: 'renamed in the other tab' };
    const saved = JSON.stringify(theirs);
    storage.setItem(DESIGN_KEY, saved);
    win.fire(DESIGN_KEY, saved);
    expect(store.getState().otherTab?.name).toBe('renamed in the other tab');

    // An edit here is not saved over theirs.
    store.getState().editNetwork({ name: 'renamed here' });
    expect(storage.getItem(DESIGN_KEY)).toBe(saved);

    // "Save mine over theirs" is a choice, and it saves at once.
    store.getState().setOtherTab(null);
    expect(JSON.parse(storage.getItem(DESIGN_KEY) ?? '{}').name).toBe('renamed here');
  });

  it('ignores a save of the same design, and other keys', () => {
    const mine = fixtureDesign('point-to-point');
    const store = createAppStore({ design: mine }, deps);
    const win = fakeWindow();
    startOtherTabWatch(store, win.events);
    win.fire(DESIGN_KEY, JSON.stringify(publicDesign(mine)));
    win.fire('wg-designer.settings.v1', '{}');
    expect(store.getState().otherTab).toBeNull();
  });

  it('taking theirs keeps the private keys this tab holds for the same public keys', () => {
    const mine = fixtureDesign('point-to-point');
    const theirs = withOwnKeys({ ...publicDesign(mine), name: 'theirs' }, mine);
    expect(mine.hosts.every((h) => h.privateKey !== null)).toBe(true);
    expect(theirs.hosts.map((h) => h.privateKey)).toEqual(mine.hosts.map((h) => h.privateKey));
    expect(theirs.name).toBe('theirs');
  });
});
