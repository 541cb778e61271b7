import type { StoreApi } from 'zustand/vanilla';
import { generateKeypair, generatePresharedKey, seededRandom } from '../../engine';
import type { Design } from '../../engine';
import type { AppStore } from './app-state';
import { createAppStore } from './create-app-store';

/** A store for unit tests: seeded keys, a layout that puts hosts in a row, analysis on the main thread. */
export function testStore(design: Design): StoreApi<AppStore> {
  const random = seededRandom(42);
  return createAppStore({ design }, {
    keypairs: async (n) => Array.from({ length: n }, () => generateKeypair(random)),
    presharedKeys: async (n) => Array.from({ length: n }, () => generatePresharedKey(random)),
    layout: (d) => ({ ...d, hosts: d.hosts.map((h, i) => ({ ...h, position: { x: i * 300, y: 0 } })) }),
  });
}
