import type { StoreApi } from 'zustand/vanilla';
import type { Design } from '../../engine';
import { isKey } from '../../engine';
import type { AppStore } from '../store/app-state';
import type { Draft, Drafts } from '../store/drafts';
import { pruneDrafts } from '../store/drafts';
import { DRAFTS_KEY } from './storage-keys';

const TARGETS = new Set(['hosts', 'tunnels', 'flows', 'network']);
/** Any run of 44 base64 characters ending in "=": the length of a WireGuard key. */
const KEY_SHAPED = /[A-Za-z0-9+/]{43}=/g;

/**
 * True when the text holds a WireGuard key. Drafts are the same free text as the design's fields, except that a
 * key pasted into the wrong field (a private key into Endpoint) would be kept: such a draft stays in this tab only,
 * since local storage never holds a private key.
 */
function holdsKey(text: string): boolean {
  return (text.match(KEY_SHAPED) ?? []).some(isKey);
}

function isDraft(x: unknown): x is Draft {
  if (typeof x !== 'object' || x === null) return false;
  const d = x as Record<string, unknown>;
  return ['key', 'id', 'title', 'text', 'error'].every((k) => typeof d[k] === 'string') && TARGETS.has(d.target as string);
}

/** The drafts saved with this design, for the items it still has; nothing when there are none or they are unreadable. */
export function readDrafts(storage: Storage, design: Design): Drafts {
  try {
    const list: unknown = JSON.parse(storage.getItem(DRAFTS_KEY) ?? '[]');
    if (!Array.isArray(list)) return {};
    return pruneDrafts(Object.fromEntries(list.filter(isDraft).map((d) => [d.key, d])), design);
  } catch {
    return {};
  }
}

/**
 * Saves the unsaved invalid edits beside the autosaved design, so a reload finds them in their fields again. Like
 * the design, nothing is written while another tab's save waits for an answer (other-tab.ts). Returns the unsubscribe.
 */
export function startDraftsAutosave(store: StoreApi<AppStore>, storage: Storage): () => void {
  return store.subscribe((s, prev) => {
    if (s.drafts === prev.drafts || s.otherTab !== null) return;
    const kept = Object.values(s.drafts).filter((d) => !holdsKey(d.text));
    try {
      if (kept.length === 0) storage.removeItem(DRAFTS_KEY);
      else storage.setItem(DRAFTS_KEY, JSON.stringify(kept));
    } catch {
      // A full or blocked storage: the drafts stay in this tab and in the status bar; the design's autosave says so.
    }
  });
}
