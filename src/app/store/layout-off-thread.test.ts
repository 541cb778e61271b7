import { describe, expect, it } from 'vitest';
import type { Design } from '../../engine';
import { generateKeypair, generatePresharedKey, seededRandom } from '../../engine';
import { generateDesign } from '../../engine/testing/generate-design';
import { createAppStore } from './create-app-store';

const row = (d: Design): Design => ({ ...d, hosts: d.hosts.map((h, i) => ({ ...h, position: { x: i * 300, y: 0 } })) });

/** A store whose off-thread layout waits until the test lets it finish. */
function storeWithSlowLayout(design: Design) {
  const random = seededRandom(7);
  let finish: () => void = () => {};
  const store = createAppStore({ design }, {
    keypairs: async (n) => Array.from({ length: n }, () => generateKeypair(random)),
    presharedKeys: async (n) => Array.from({ length: n }, () => generatePresharedKey(random)),
    layout: () => { throw new Error('a large design must not be laid out on the main thread'); },
    layoutOffThread: (d) => new Promise((resolve) => { finish = () => resolve(row(d)); }),
    syncLayoutBelow: 5,
  });
  return { store, finish: () => finish() };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('layout of a large design', () => {
  it('runs off the main thread, says so while it runs, then moves the hosts in one undo step and refits', async () => {
    const { store, finish } = storeWithSlowLayout(generateDesign({ shape: 'hub-and-spoke', hosts: 12 }));
    const s = () => store.getState();
    const before = s().history.present;
    s().autoLayout();
    expect(s().layingOut).toBe(12);
    expect(s().history.present).toBe(before);
    // A second request while one runs is ignored (the button is disabled meanwhile).
    s().autoLayout();
    finish();
    await settle();
    expect(s().layingOut).toBeNull();
    expect(s().history.present.hosts.map((h) => h.position.x)).toEqual(before.hosts.map((_, i) => i * 300));
    expect(s().focus?.hosts).toEqual([]);
    s().undo();
    expect(s().history.present.hosts.map((h) => h.position)).toEqual(before.hosts.map((h) => h.position));
  });

  it('keeps an edit made while it ran: a host added meanwhile stays where it was put', async () => {
    const { store, finish } = storeWithSlowLayout(generateDesign({ shape: 'hub-and-spoke', hosts: 12 }));
    const s = () => store.getState();
    s().autoLayout();
    const id = s().addHost('app', { x: 5000, y: 5000 });
    finish();
    await settle();
    expect(s().history.present.hosts.find((h) => h.id === id)?.position).toEqual({ x: 5000, y: 5000 });
    expect(s().history.present.hosts[0]?.position).toEqual({ x: 0, y: 0 });
  });
});

describe('opening a large design that has no positions', () => {
  it('lays it out in the worker first, then loads it as one undo step, fitted', async () => {
    const { store, finish } = storeWithSlowLayout(generateDesign({ shape: 'hub-and-spoke', hosts: 3 }));
    const s = () => store.getState();
    const old = s().history.present;
    s().loadDesign(generateDesign({ shape: 'hub-and-spoke', hosts: 12 }), { layout: true });
    expect(s().layingOut).toBe(12);
    expect(s().history.present).toBe(old);
    finish();
    await settle();
    expect(s().history.present.hosts).toHaveLength(12);
    expect(s().history.present.hosts.map((h) => h.position.x)).toEqual(s().history.present.hosts.map((_, i) => i * 300));
    expect(s().focus?.hosts).toEqual([]);
    s().undo();
    expect(s().history.present.hosts).toHaveLength(3);
  });

  it('drops a layout whose design was replaced meanwhile', async () => {
    const { store, finish } = storeWithSlowLayout(generateDesign({ shape: 'hub-and-spoke', hosts: 12 }));
    const s = () => store.getState();
    s().autoLayout();
    const other = generateDesign({ shape: 'full-mesh', hosts: 4 });
    s().loadDesign(other);
    expect(s().layingOut).toBeNull();
    const positions = () => s().history.present.hosts.map((h) => h.position);
    const loaded = positions();
    finish();
    await settle();
    expect(s().history.present.hosts.map((h) => h.id)).toEqual(other.hosts.map((h) => h.id));
    expect(positions()).toEqual(loaded);
    expect(s().history.past).toHaveLength(1);
  });
});
