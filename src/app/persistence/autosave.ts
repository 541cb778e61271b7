import type { StoreApi } from 'zustand/vanilla';
import { publicDesign } from '../../engine';
import type { AppStore } from '../store/app-state';
import { DESIGN_KEY, writeSettings } from './storage-keys';

/**
 * Saves the design to local storage on every change. Private and preshared keys are stripped unless the user
 * turned on "remember keys on this device"; turning it off removes the stored keys at once. Nothing is saved while
 * another tab's save waits for the user's answer; the answer (theirs, or mine over theirs) is saved at once.
 */
export function startAutosave(store: StoreApi<AppStore>, storage: Storage, onSaved: (at: number) => void, saveNow = false): () => void {
  const save = (s: AppStore) => {
    const design = s.rememberKeys ? s.history.present : publicDesign(s.history.present);
    try {
      storage.setItem(DESIGN_KEY, JSON.stringify(design));
      onSaved(Date.now());
    } catch (e) {
      s.toast('error', `Autosave failed (${e instanceof Error ? e.name : 'storage error'}): download the design as JSON to keep it.`);
    }
  };
  if (saveNow) save(store.getState());
  return store.subscribe((s, prev) => {
    if (s.rememberKeys !== prev.rememberKeys || s.collapsed !== prev.collapsed) writeSettings(storage, { rememberKeys: s.rememberKeys, collapsed: s.collapsed });
    // While another tab's newer save is unanswered (other-tab.ts), saving here would wipe it.
    if (s.otherTab !== null) return;
    if (s.history.present !== prev.history.present || s.rememberKeys !== prev.rememberKeys || prev.otherTab !== null) save(s);
  });
}
