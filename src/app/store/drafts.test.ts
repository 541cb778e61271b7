import { beforeEach, describe, expect, it } from 'vitest';
import type { StoreApi } from 'zustand/vanilla';
import { generateKeypair, generatePresharedKey, seededRandom } from '../../engine';
import { emptyDesign } from '../persistence/initial-design';
import type { AppStore } from './app-state';
import { createAppStore } from './create-app-store';
import { draftKey, draftsLabel } from './drafts';

const random = seededRandom(7);
let store: StoreApi<AppStore>;
const s = () => store.getState();

/** A refused endpoint on a host, as the inspector's TextField keeps it. */
const keepEndpoint = (id: string) => s().keepDraft({ key: draftKey('hosts', id, 'field-endpoint'), target: 'hosts', id, title: `${id} · Endpoint`, text: 'foo', error: 'is not host:port' });

beforeEach(() => {
  store = createAppStore({ design: emptyDesign() }, {
    keypairs: async (n) => Array.from({ length: n }, () => generateKeypair(random)),
    presharedKeys: async (n) => Array.from({ length: n }, () => generatePresharedKey(random)),
    layout: (d) => d,
  });
  s().addHost('postgresql', { x: 0, y: 0 });
  s().addHost('app', { x: 300, y: 0 });
});

describe('unsaved invalid edits', () => {
  it('are counted with the right plural', () => {
    expect(draftsLabel(1)).toBe('1 unsaved invalid edit');
    expect(draftsLabel(3)).toBe('3 unsaved invalid edits');
  });

  it('outlive selecting another host and other edits, and go when discarded', () => {
    keepEndpoint('pg-1');
    s().select({ hosts: ['app-1'], tunnels: [], flows: [] });
    expect(s().editHost('app-1', { name: 'API' }, 'n')).toBeNull();
    expect(Object.values(s().drafts)).toMatchObject([{ id: 'pg-1', text: 'foo' }]);
    expect(s().history.present.hosts.find((h) => h.id === 'pg-1')?.endpoint).toBeNull();
    s().discardDrafts();
    expect(s().drafts).toEqual({});
  });

  it('follow their host when it is renamed, and go with it when it is deleted', () => {
    keepEndpoint('pg-1');
    expect(s().editHost('pg-1', { id: 'orders-db' })).toBeNull();
    expect(Object.values(s().drafts)).toMatchObject([{ key: 'hosts:orders-db:field-endpoint', id: 'orders-db', title: 'orders-db · Endpoint' }]);
    s().select({ hosts: ['orders-db'], tunnels: [], flows: [] });
    s().removeSelection();
    expect(s().drafts).toEqual({});
  });
});
