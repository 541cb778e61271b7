import type { StoreApi } from 'zustand/vanilla';
import { publicDesign } from '../../engine';
import type { AppStore } from '../store/app-state';
import { DESIGN_KEY, writeSettings } from './storage-keys';

/**
 * How long the design must stay unchanged before it is written. Writing 5,000 hosts (JSON.stringify and
 * localStorage.setItem of about 3 MB) took some 150 ms of main thread per keystroke when every edit saved; after a
 * pause it is once per burst of typing. Leaving the page writes at once (see leaving below), so nothing is lost.
 */
export const AUTOSAVE_DELAY_MS = 500;
/** A save never waits longer than this, however long the typing goes on without a pause. */
export const AUTOSAVE_MAX_WAIT_MS = 5000;

/** What tells autosave the page is going away: the window in the page (pagehide, beforeunload, a hidden tab). */
export interface LeaveEvents {
  addEventListener(type: 'pagehide' | 'beforeunload' | 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'pagehide' | 'beforeunload' | 'visibilitychange', listener: () => void): void;
}

/**
 * Saves the design to local storage after each change, once typing pauses (AUTOSAVE_DELAY_MS), and at once when
 * the page is hidden or unloaded. Private and preshared keys are stripped unless the user turned on "remember keys
 * on this device"; turning it off removes the stored keys at once. Nothing is saved while another tab's save waits
 * for the user's answer; the answer (theirs, or mine over theirs) is saved at once. `unsaved` is set while a save
 * waits. Returns the unsubscribe, which also writes what waits.
 */
export function startAutosave(store: StoreApi<AppStore>, storage: Storage, onSaved: (at: number) => void, saveNow = false, leave?: LeaveEvents): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstWaiting = 0;
  const save = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const s = store.getState();
    // While another tab's newer save is unanswered (other-tab.ts), saving here would wipe it.
    if (s.otherTab !== null) return;
    const design = s.rememberKeys ? s.history.present : publicDesign(s.history.present);
    try {
      storage.setItem(DESIGN_KEY, JSON.stringify(design));
      onSaved(Date.now());
    } catch (e) {
      s.toast('error', `Autosave failed (${e instanceof Error ? e.name : 'storage error'}): download the design as JSON to keep it.`);
    }
  };
  const later = () => {
    const now = Date.now();
    if (timer === null) {
      firstWaiting = now;
      store.getState().markUnsaved();
    } else clearTimeout(timer);
    timer = setTimeout(save, Math.max(0, Math.min(AUTOSAVE_DELAY_MS, firstWaiting + AUTOSAVE_MAX_WAIT_MS - now)));
  };
  const flush = () => {
    if (timer !== null) save();
  };
  const onVisibility = () => {
    if (typeof document === 'undefined' || document.visibilityState === 'hidden') flush();
  };

  if (saveNow) save();
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.rememberKeys !== prev.rememberKeys || s.collapsed !== prev.collapsed) writeSettings(storage, { rememberKeys: s.rememberKeys, collapsed: s.collapsed });
    // While another tab's newer save is unanswered (other-tab.ts), saving here would wipe it.
    if (s.otherTab !== null) return;
    if (s.rememberKeys !== prev.rememberKeys || prev.otherTab !== null) save();
    else if (s.history.present !== prev.history.present) later();
  });
  leave?.addEventListener('pagehide', flush);
  leave?.addEventListener('beforeunload', flush);
  leave?.addEventListener('visibilitychange', onVisibility);
  return () => {
    unsubscribe();
    leave?.removeEventListener('pagehide', flush);
    leave?.removeEventListener('beforeunload', flush);
    leave?.removeEventListener('visibilitychange', onVisibility);
    flush();
  };
}
