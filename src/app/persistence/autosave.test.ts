import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixtureDesign } from '../../engine/testing/fixture-design';
import { testStore } from '../store/test-store';
import { AUTOSAVE_DELAY_MS, AUTOSAVE_MAX_WAIT_MS, startAutosave } from './autosave';
import type { LeaveEvents } from './autosave';
import { memoryStorage } from './memory-storage';
import { DESIGN_KEY } from './storage-keys';

/** The window's pagehide / beforeunload / visibilitychange, fired by hand. */
function fakeWindow() {
  const listeners = new Map<string, () => void>();
  const events: LeaveEvents = { addEventListener: (t, l) => listeners.set(t, l), removeEventListener: (t) => listeners.delete(t) };
  return { events, fire: (type: string) => listeners.get(type)?.() };
}

function setup() {
  const store = testStore(fixtureDesign('hub-and-spoke'));
  const storage = memoryStorage();
  const win = fakeWindow();
  startAutosave(store, storage, (at) => store.getState().markSaved(at), false, win.events);
  const savedName = () => (JSON.parse(storage.getItem(DESIGN_KEY) ?? '{}') as { name?: string }).name;
  return { store, win, savedName };
}

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes a change once typing pauses, not on each keystroke', () => {
    const { store, savedName } = setup();
    for (const name of ['o', 'or', 'ord']) {
      store.getState().editNetwork({ name }, 'name');
      vi.advanceTimersByTime(AUTOSAVE_DELAY_MS / 2);
    }
    expect(savedName()).toBeUndefined();
    expect(store.getState().unsaved).toBe(true);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(savedName()).toBe('ord');
    expect(store.getState().unsaved).toBe(false);
  });

  it('writes at the latest AUTOSAVE_MAX_WAIT_MS after a change, however long the typing goes on', () => {
    const { store, savedName } = setup();
    for (let t = 0; t < AUTOSAVE_MAX_WAIT_MS; t += AUTOSAVE_DELAY_MS / 2) {
      store.getState().editNetwork({ name: `n${t}` }, 'name');
      vi.advanceTimersByTime(AUTOSAVE_DELAY_MS / 2);
    }
    expect(savedName()).toBe(`n${AUTOSAVE_MAX_WAIT_MS - AUTOSAVE_DELAY_MS / 2}`);
  });

  it.each(['pagehide', 'beforeunload'])('writes what waits at once on %s', (type) => {
    const { store, win, savedName } = setup();
    store.getState().editNetwork({ name: 'typed just before leaving' }, 'name');
    win.fire(type);
    expect(savedName()).toBe('typed just before leaving');
  });

  it('writes at once when "remember keys" changes', () => {
    const { store, savedName } = setup();
    store.getState().editNetwork({ name: 'kept' }, 'name');
    store.getState().setRememberKeys(true);
    expect(savedName()).toBe('kept');
  });
});
