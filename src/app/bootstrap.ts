import type { StoreApi } from 'zustand/vanilla';
import type { AppStore } from './store/app-state';
import { createAppStore } from './store/create-app-store';
import { autoLayout, needsLayout } from './layout/auto-layout';
import { startAutosave } from './persistence/autosave';
import { readDrafts, startDraftsAutosave } from './persistence/drafts-autosave';
import { initialDesign, shareLinkRequest } from './persistence/initial-design';
import { startOtherTabWatch } from './persistence/other-tab';
import { startKeysLostNotice } from './persistence/keys-lost-notice';
import { readSettings } from './persistence/storage-keys';
import { layoutOffThread } from './layout/layout-main';
import { workerAnalyse, workerKeypairs, workerMatrix, workerPresharedKeys } from './worker/engine';
import { complete } from './store/commit';

/**
 * Makes the page's store: the design from a share link (asking first over a different autosaved design), else the
 * autosave, else an empty one; autosave starts;
 * a share link is taken out of the address bar once read, so a reload shows the (autosaved) edits, not the link.
 */
export function bootstrap(): StoreApi<AppStore> {
  const storage = window.localStorage;
  const settings = readSettings(storage);
  const init = initialDesign(window.location.hash, storage);
  const design = complete(init.fromLink && needsLayout(init.design) ? autoLayout(init.design) : init.design);
  const store = createAppStore({ design, rememberKeys: settings.rememberKeys, collapsed: settings.collapsed }, {
    keypairs: workerKeypairs, presharedKeys: workerPresharedKeys, analyse: workerAnalyse, matrix: workerMatrix, layout: autoLayout, layoutOffThread,
  });
  if (init.notice) store.getState().setNotice(init.notice);
  // A link opened over a different autosaved design asks first: replace it, or keep it and leave the link unopened.
  if (init.link) store.getState().offerImport(shareLinkRequest(init.link));
  // A link never holds private keys and says so itself (SHARE_NOTICE); this banner is for a reload that dropped them.
  if (!init.fromLink) startKeysLostNotice(store, storage, design);
  if (window.location.hash) history.replaceState(null, '', window.location.pathname + window.location.search);
  // An opened link becomes this browser's design at once: a reload must not fall back to an older autosave.
  startAutosave(store, storage, (at) => store.getState().markSaved(at), init.fromLink, window);
  startOtherTabWatch(store, window);
  // Text refused in the inspector before a reload is found again in its fields (not over a design from a link).
  if (!init.fromLink) for (const d of Object.values(readDrafts(storage, design))) store.getState().keepDraft(d);
  startDraftsAutosave(store, storage);
  return store;
}
