import type { StateCreator } from 'zustand/vanilla';
import type { AppStore, CollapsedPanels, UiActions, UiState } from './app-state';

let nextToast = 1;
/** How long a toast stays; errors stay until dismissed. */
const TOAST_MS = 5000;
/** Toasts shown at once: a third pushes the oldest out, so they never grow into a wall over the canvas. */
export const MAX_TOASTS = 2;

/** Every panel open: the first visit's layout. */
export const NO_COLLAPSED: CollapsedPanels = { palette: false, inspector: false, findings: false };

export function createUiSlice(rememberKeys: boolean, collapsed: CollapsedPanels = NO_COLLAPSED): StateCreator<AppStore, [], [], UiState & UiActions> {
  return (set, get) => ({
    mode: 'tunnel',
    dialog: null,
    toasts: [],
    notice: null,
    keysLost: false,
    rememberKeys,
    flowProto: 'tcp',
    savedAt: null,
    unsaved: false,
    otherTab: null,
    collapsed,
    setMode: (mode) => set({ mode }),
    openDialog: (dialog) => set({ dialog }),
    closeDialog: () => set({ dialog: null }),
    toast(kind, text) {
      const id = nextToast++;
      set((s) => ({ toasts: [...s.toasts, { id, kind, text }].slice(-MAX_TOASTS) }));
      if (kind !== 'error') setTimeout(() => get().dismissToast(id), TOAST_MS);
    },
    dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
    setNotice: (notice) => set({ notice }),
    setKeysLost: (keysLost) => set({ keysLost }),
    setRememberKeys: (on) => set({ rememberKeys: on }),
    markSaved: (at) => set({ savedAt: at, unsaved: false }),
    markUnsaved: () => set({ unsaved: true }),
    setOtherTab: (otherTab) => set({ otherTab }),
    togglePanel: (panel) => set((s) => ({ collapsed: { ...s.collapsed, [panel]: !s.collapsed[panel] } })),
  });
}
