import type { StateCreator } from 'zustand/vanilla';
import type { Design } from '../../engine';
import { sentence } from '../../engine';
import type { AppStore, ImportActions, ImportState } from './app-state';
import { SYNC_LAYOUT_HOSTS } from './design-slice';
import { mergeDesign } from './ops/merge-design';
import type { StoreDeps } from './store-deps';

/**
 * Files dropped or opened, and what happens to the design on the canvas: an empty one is simply replaced; one with
 * hosts is kept until the user says replace, merge as new hosts, or cancel (dialogs/ImportDialog.tsx).
 */
export function createImportSlice(deps: StoreDeps): StateCreator<AppStore, [], [], ImportState & ImportActions> {
  return (set, get) => {
    const finish = (req: { done: string; warnings: string[] }) => {
      const s = get();
      s.toast('success', req.done);
      if (req.warnings.length > 0) s.setNotice({ kind: 'warning', title: 'Imported with notes', text: sentence(req.warnings.join(' · ')) });
    };
    return {
      pendingImport: null,
      offerImport(req) {
        const s = get();
        const present = s.history.present;
        if (present.hosts.length === 0) {
          s.loadDesign(req.design, { layout: req.layout });
          finish(req);
          return;
        }
        // Whether a merge can work does not depend on positions: the layout (seconds at 1,000 hosts) waits for "merge".
        const r = mergeDesign(present, req.design);
        set({ pendingImport: { ...req, mergeError: 'error' in r ? r.error : null }, dialog: 'import' });
      },
      resolveImport(choice) {
        const s = get();
        const p = s.pendingImport;
        set({ pendingImport: null, dialog: null });
        if (!p || choice === 'cancel') return;
        if (choice === 'replace') {
          s.loadDesign(p.design, { layout: p.layout });
          finish(p);
          return;
        }
        const merge = (laid: Design) => {
          const r = mergeDesign(get().history.present, laid);
          if ('error' in r) {
            get().toast('error', `Not merged: ${r.error}. The design was not changed.`);
            return;
          }
          get().mergeDesign(r.design);
          finish(p);
        };
        // Like loadDesign: a large import without positions is laid out in the worker, not on the main thread.
        if (!p.layout) merge(p.design);
        else if (deps.layoutOffThread && p.design.hosts.length >= (deps.syncLayoutBelow ?? SYNC_LAYOUT_HOSTS)) {
          deps.layoutOffThread(p.design).then(merge, (e: unknown) => get().toast('error', `Not merged: the layout failed (${e instanceof Error ? e.message : String(e)}).`));
        } else merge(deps.layout(p.design));
      },
    };
  };
}
