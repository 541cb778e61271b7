import { describe, expect, it } from 'vitest';
import type { Design } from '../../engine';
import { generateKeypair, generatePresharedKey, seededRandom } from '../../engine';
import { fixtureDesign } from '../../engine/testing/fixture-design';
import { createAppStore } from '../store/create-app-store';
import { draftKey } from '../store/drafts';
import type { Draft } from '../store/drafts';
import { readDrafts, startDraftsAutosave } from './drafts-autosave';
import { memoryStorage } from './memory-storage';
import { DRAFTS_KEY } from './storage-keys';

const random = seededRandom(13);
const deps = {
  keypairs: async (n: number) => Array.from({ length: n }, () => generateKeypair(random)),
  presharedKeys: async (n: number) => Array.from({ length: n }, () => generatePresharedKey(random)),
  layout: (d: Design) => d,
};
const draft = (id: string, text: string): Draft => ({ key: draftKey('hosts', id, 'field-endpoint'), target: 'hosts', id, title: `${id} · Endpoint`, text, error: 'is not host:port' });

describe('drafts in autosave', () => {
  it('are saved and found again after a reload, for the hosts the design still has', () => {
    const design = fixtureDesign('point-to-point');
    const [a, b] = design.hosts.map((h) => h.id);
    const storage = memoryStorage();
    const store = createAppStore({ design }, deps);
    startDraftsAutosave(store, storage);
    store.getState().keepDraft(draft(a ?? '', 'foo'));
    store.getState().keepDraft(draft('gone', 'bar'));
    expect(Object.values(readDrafts(storage, design))).toMatchObject([{ id: a, text: 'foo' }]);
    store.getState().keepDraft(draft(b ?? '', 'baz'));
    expect(Object.keys(readDrafts(storage, design))).toHaveLength(2);
    store.getState().discardDrafts();
    expect(storage.getItem(DRAFTS_KEY)).toBeNull();
  });

  it('never writes a key-shaped text, and reads nothing from a damaged entry', () => {
    const design = fixtureDesign('point-to-point');
    const id = design.hosts[0]?.id ?? '';
    const privateKey = generateKeypair(random).privateKey;
    const storage = memoryStorage();
    const store = createAppStore({ design }, deps);
    startDraftsAutosave(store, storage);
    store.getState().keepDraft(draft(id, `oops ${privateKey}`));
    expect(storage.getItem(DRAFTS_KEY)).toBeNull();
    expect(Object.keys(store.getState().drafts)).toHaveLength(1);
    expect(readDrafts(memoryStorage({ [DRAFTS_KEY]: '[{"key":1}]' }), design)).toEqual({});
    expect(readDrafts(memoryStorage({ [DRAFTS_KEY]: 'not json' }), design)).toEqual({});
  });
});
