import type { StateCreator } from 'zustand/vanilla';
import { copyHosts } from '../../engine';
import type { AppStore, EditingActions, EditingState } from './app-state';
import { EMPTY_SELECTION } from './selection';

const EXTERNAL_ONLY = 'External peers are not copied: each stands for one machine outside this design.';

/** Copy, paste, duplicate and select all, as draw.io users expect them; and the search's dimming of other hosts. */
export const createEditingSlice: StateCreator<AppStore, [], [], EditingState & EditingActions> = (set, get) => ({
  clipboard: null,
  hostFilter: null,
  copySelection() {
    const { history, selection } = get();
    const clip = copyHosts(history.present, selection.hosts);
    if (clip) set({ clipboard: clip });
    else if (selection.hosts.length > 0) get().toast('info', EXTERNAL_ONLY);
    return clip;
  },
  paste() {
    const clip = get().clipboard;
    if (clip) get().pasteHosts(clip);
  },
  duplicateSelection() {
    const { history, selection } = get();
    const clip = copyHosts(history.present, selection.hosts);
    if (clip) get().pasteHosts(clip);
    else if (selection.hosts.length > 0) get().toast('info', EXTERNAL_ONLY);
  },
  selectAll() {
    get().select({ ...EMPTY_SELECTION, hosts: get().history.present.hosts.map((h) => h.id) });
  },
  setHostFilter: (hostFilter) => set({ hostFilter }),
});
