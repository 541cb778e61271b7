import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { Design } from '../../engine';
import type { AppStore, CollapsedPanels } from './app-state';
import { createDesignSlice } from './design-slice';
import { createDraftsSlice } from './drafts-slice';
import { createEditingSlice } from './editing-slice';
import { createImportSlice } from './import-slice';
import { createLiveSlice } from './live-slice';
import { createMatrixSlice } from './matrix-slice';
import { createSelectionSlice } from './selection-slice';
import type { StoreDeps } from './store-deps';
import { createUiSlice } from './ui-slice';

export interface StoreInit {
  design: Design;
  rememberKeys?: boolean;
  /** Side panels folded in an earlier visit (settings). */
  collapsed?: CollapsedPanels;
}

/** The vanilla store: every slice over one design. No side effects until created; tests make a fresh one each. */
export function createAppStore(init: StoreInit, deps: StoreDeps): StoreApi<AppStore> {
  return createStore<AppStore>()((...a) => ({
    ...createDesignSlice(init.design, deps)(...a),
    ...createSelectionSlice(...a),
    ...createUiSlice(init.rememberKeys ?? false, init.collapsed)(...a),
    ...createDraftsSlice(...a),
    ...createImportSlice(deps)(...a),
    ...createEditingSlice(...a),
    ...createLiveSlice(...a),
    ...createMatrixSlice(deps)(...a),
  }));
}
