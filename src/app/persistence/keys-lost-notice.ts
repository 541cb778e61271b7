import type { StoreApi } from 'zustand/vanilla';
import type { Design } from '../../engine';
import type { AppStore } from '../store/app-state';
import { orphanedHostIds } from '../store/orphaned-host-ids';

/** The fingerprint of the last keys-lost state the user dismissed, so that state does not bring the banner back. */
export const KEYS_LOST_KEY = 'wg-designer.keys-lost-dismissed.v1';

/**
 * Names one keys-lost state: which hosts, with which public keys. A new reload of the same autosave gives the same
 * fingerprint; a host added or a key changed since gives another. Hashed (FNV-1a), since at 1,000 hosts the text
 * would be 60 kB of local storage for a yes/no; a collision would only hide the banner, and the finding stays.
 */
export function keysLostFingerprint(design: Design): string | null {
  const ids = orphanedHostIds(design);
  if (ids.length === 0) return null;
  const byId = new Map(design.hosts.map((h) => [h.id, h.publicKey]));
  const text = ids.sort().map((id) => `${id}=${byId.get(id) ?? ''}`).join(',');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${ids.length}:${(hash >>> 0).toString(16)}`;
}

/**
 * Shows the banner when the opened design has hosts whose private keys are gone (a reload with "Remember private
 * keys" off) and the user has not dismissed this same state; remembers a dismissal. Returns the unsubscribe.
 */
export function startKeysLostNotice(store: StoreApi<AppStore>, storage: Storage, design: Design): () => void {
  const fingerprint = keysLostFingerprint(design);
  if (fingerprint === null || readDismissed(storage) === fingerprint) return () => {};
  store.getState().setKeysLost(true);
  return store.subscribe((s, prev) => {
    if (prev.keysLost && !s.keysLost) {
      try {
        storage.setItem(KEYS_LOST_KEY, fingerprint);
      } catch {
        // A full or blocked storage only means the banner may show again after the next reload.
      }
    }
  });
}

function readDismissed(storage: Storage): string | null {
  try {
    return storage.getItem(KEYS_LOST_KEY);
  } catch {
    return null;
  }
}
