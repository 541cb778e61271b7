import type { StateCreator } from 'zustand/vanilla';
import type { AppStore, DraftsActions, DraftsState } from './app-state';
import { NO_DRAFTS } from './drafts';

export const createDraftsSlice: StateCreator<AppStore, [], [], DraftsState & DraftsActions> = (set, get) => ({
  drafts: NO_DRAFTS,
  keepDraft(draft) {
    const cur = get().drafts[draft.key];
    if (cur && cur.text === draft.text && cur.error === draft.error) return;
    set((s) => ({ drafts: { ...s.drafts, [draft.key]: draft } }));
  },
  dropDraft(key) {
    if (!(key in get().drafts)) return;
    set((s) => {
      const { [key]: _gone, ...rest } = s.drafts;
      return { drafts: rest };
    });
  },
  discardDrafts: () => set({ drafts: NO_DRAFTS }),
});
