import type { StoreApi } from 'zustand/vanilla';
import { parseDesignText } from '../../engine';
import type { AppStore } from '../store/app-state';
import { sameDesign } from './same-design';
import { DESIGN_KEY } from './storage-keys';

/** What fires `storage` events: the window, in the page. */
export interface StorageEvents {
  addEventListener(type: 'storage', listener: (e: Pick<StorageEvent, 'key' | 'newValue'>) => void): void;
  removeEventListener(type: 'storage', listener: (e: Pick<StorageEvent, 'key' | 'newValue'>) => void): void;
}

/**
 * Another tab of this designer shares the one autosave slot: each save there fires a `storage` event here (never
 * in the tab that wrote). When it saved a design other than the one in this tab, `otherTab` holds it: autosave
 * here stops, so neither tab wipes the other's work, and a banner (ui/OtherTabBanner.tsx) lets the user choose.
 * Returns the unsubscribe.
 */
export function startOtherTabWatch(store: StoreApi<AppStore>, events: StorageEvents): () => void {
  const onStorage = (e: Pick<StorageEvent, 'key' | 'newValue'>) => {
    if (e.key !== DESIGN_KEY || e.newValue === null) return;
    const r = parseDesignText(e.newValue);
    if (!r.ok) return;
    const s = store.getState();
    if (sameDesign(r.value, s.history.present)) {
      if (s.otherTab !== null) s.setOtherTab(null);
    } else s.setOtherTab(r.value);
  };
  events.addEventListener('storage', onStorage);
  return () => events.removeEventListener('storage', onStorage);
}
