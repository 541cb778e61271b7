import { beforeEach, describe, expect, it } from 'vitest';
import type { StoreApi } from 'zustand/vanilla';
import type { Design } from '../../engine';
import { generateKeypair, generatePresharedKey, seededRandom } from '../../engine';
import { fixtureDesign } from '../../engine/testing/fixture-design';
import { emptyDesign } from '../persistence/initial-design';
import type { AppStore, ImportRequest } from './app-state';
import { createAppStore } from './create-app-store';

const random = seededRandom(3);
let store: StoreApi<AppStore>;
const s = () => store.getState();
const ids = () => s().history.present.hosts.map((h) => h.id);
const request = (design: Design): ImportRequest => ({ design, layout: false, source: '2 configs', done: 'Imported.', warnings: [] });

beforeEach(() => {
  store = createAppStore({ design: emptyDesign() }, {
    keypairs: async (n) => Array.from({ length: n }, () => generateKeypair(random)),
    presharedKeys: async (n) => Array.from({ length: n }, () => generatePresharedKey(random)),
    layout: (d) => d,
  });
});

describe('import into a design', () => {
  it('loads into an empty design without asking', () => {
    s().offerImport(request(fixtureDesign('point-to-point')));
    expect(s().dialog).toBeNull();
    expect(ids()).toHaveLength(2);
  });

  it('asks first on a design with hosts: cancel changes nothing, replace replaces, merge adds', () => {
    s().loadDesign(fixtureDesign('hub-and-spoke'));
    const before = s().history.present;
    const incoming = fixtureDesign('point-to-point', 9);

    s().offerImport(request(incoming));
    expect(s().dialog).toBe('import');
    expect(s().history.present).toBe(before);
    s().resolveImport('cancel');
    expect(s().history.present).toBe(before);
    expect(s().dialog).toBeNull();

    s().offerImport(request(incoming));
    s().resolveImport('merge');
    expect(ids()).toHaveLength(before.hosts.length + incoming.hosts.length);
    s().undo();
    expect(s().history.present).toBe(before);

    s().offerImport(request(incoming));
    s().resolveImport('replace');
    expect(ids()).toEqual(incoming.hosts.map((h) => h.id));
    expect(s().pendingImport).toBeNull();
  });

  it('lays out a large import to merge in the layout worker, not on the main thread', async () => {
    let onMain = 0;
    let inWorker = 0;
    store = createAppStore({ design: fixtureDesign('hub-and-spoke') }, {
      keypairs: async (n) => Array.from({ length: n }, () => generateKeypair(random)),
      presharedKeys: async (n) => Array.from({ length: n }, () => generatePresharedKey(random)),
      layout: (d) => { onMain++; return d; },
      layoutOffThread: async (d) => { inWorker++; return d; },
      syncLayoutBelow: 1,
    });
    s().offerImport({ ...request(fixtureDesign('point-to-point', 9)), layout: true });
    s().resolveImport('merge');
    await expect.poll(() => ids().length).toBe(7);
    expect([onMain, inWorker]).toEqual([0, 1]);
  });
});

describe('a blank design, a template or a link in place of the design', () => {
  it('New over a design with hosts asks, offers no merge, and replace empties it (one undo brings it back)', () => {
    s().loadDesign(fixtureDesign('hub-and-spoke'));
    const before = s().history.present;
    s().offerImport({ ...request(emptyDesign()), kind: 'blank' });
    expect(s().dialog).toBe('import');
    expect(s().pendingImport?.mergeError).toMatch(/no hosts to add/);
    // A merge cannot be chosen for a blank design, even by a stale click.
    s().resolveImport('merge');
    expect(s().history.present).toBe(before);
    s().offerImport({ ...request(emptyDesign()), kind: 'blank' });
    s().resolveImport('replace');
    expect(ids()).toEqual([]);
    s().undo();
    expect(s().history.present).toBe(before);
  });

  it('a link is opened or turned down, never merged, and shows its notice once in', () => {
    s().loadDesign(fixtureDesign('hub-and-spoke'));
    const notice = { kind: 'info' as const, title: 'Opened from a share link', text: 'No keys.' };
    s().offerImport({ ...request(fixtureDesign('point-to-point', 9)), kind: 'link', notice });
    expect(s().pendingImport?.mergeError).not.toBeNull();
    s().resolveImport('cancel');
    expect(ids()).toHaveLength(5);
    expect(s().notice).toBeNull();
    s().offerImport({ ...request(fixtureDesign('point-to-point', 9)), kind: 'link', notice });
    s().resolveImport('replace');
    expect(ids()).toHaveLength(2);
    expect(s().notice).toEqual(notice);
  });

  it('a template over a design with hosts can be merged in as new hosts', () => {
    s().loadDesign(fixtureDesign('hub-and-spoke'));
    s().offerImport({ ...request(fixtureDesign('point-to-point', 9)), kind: 'template' });
    expect(s().pendingImport?.mergeError).toBeNull();
    s().resolveImport('merge');
    expect(ids()).toHaveLength(7);
  });
});
