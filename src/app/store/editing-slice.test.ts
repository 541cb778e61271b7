import { beforeEach, describe, expect, it } from 'vitest';
import type { StoreApi } from 'zustand/vanilla';
import { fixtureDesign } from '../../engine/testing/fixture-design';
import type { AppStore } from './app-state';
import { EMPTY_SELECTION } from './selection';
import { testStore } from './test-store';

let store: StoreApi<AppStore>;
const s = () => store.getState();
const design = () => s().history.present;
const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  store = testStore(fixtureDesign('hub-and-spoke'));
});

describe('copy, paste, duplicate, select all', () => {
  it('pastes the copied hosts as one undo step, selected, with keys of their own soon after', async () => {
    s().select({ ...EMPTY_SELECTION, hosts: ['hub', 'app-1'] });
    expect(s().copySelection()?.hosts.map((h) => h.id)).toEqual(['hub', 'app-1']);
    const before = design();
    s().paste();
    expect(s().selection.hosts).toEqual(['hub-2', 'app-1-2']);
    expect(design().hosts).toHaveLength(before.hosts.length + 2);
    await settle();
    const keys = design().hosts.map((h) => h.publicKey);
    expect(keys.every((k) => k !== null)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
    s().undo();
    expect(design().hosts.map((h) => h.id)).toEqual(before.hosts.map((h) => h.id));
  });

  it('duplicates without touching the clipboard, and pastes nothing before a copy', () => {
    const before = design().hosts.length;
    s().paste();
    expect(design().hosts).toHaveLength(before);
    s().select({ ...EMPTY_SELECTION, hosts: ['app-2'] });
    s().duplicateSelection();
    expect(s().selection.hosts).toEqual(['app-2-2']);
    expect(s().clipboard).toBeNull();
  });

  it('selects every host', () => {
    s().selectAll();
    expect(s().selection.hosts).toEqual(design().hosts.map((h) => h.id));
  });

  it('connects two hosts, or says why not', () => {
    expect(s().connectHosts('app-1', 'app-2')).toBeNull();
    expect(s().selection.tunnels).toHaveLength(1);
    expect(s().connectHosts('app-2', 'app-1')?.error).toMatch(/already joined/);
  });
});
