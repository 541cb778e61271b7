import type { StateCreator } from 'zustand/vanilla';
import type { Design } from '../../engine';
import { mergeDesign, sentence } from '../../engine';
import type { AppStore, ImportActions, ImportRequest, ImportState } from './app-state';
import { SYNC_LAYOUT_HOSTS } from './design-slice';
import type { StoreDeps } from './store-deps';

/** Why `req` cannot be merged into `present` as new hosts, or null when it can. */
function mergeProblem(present: Design, req: ImportRequest): string | null {
  // A blank design adds nothing, and a link is someone's whole design: either replaces this one or is turned down.
  if (req.kind === 'blank') return 'a blank design has no hosts to add';
  if (req.kind === 'link') return 'a share link opens a whole design';
  // Whether a merge can work does not depend on positions: the layout (seconds at 1,000 hosts) waits for "merge".
  const r = mergeDesign(present, req.design);
  return 'error' in r ? r.error : null;
}

/**
 * A design that would take the canvas's place (files dropped, opened or imported, a template, New, a share link),
 * and what happens to the one there: an empty one is simply replaced; one with hosts is kept until the user says
 * replace, merge as new hosts (files and templates), or cancel (dialogs/ImportDialog.tsx).
 */
export function createImportSlice(deps: StoreDeps): StateCreator<AppStore, [], [], ImportState & ImportActions> {
  return (set, get) => {
    const finish = (req: ImportRequest) => {
      const s = get();
      s.toast('success', req.done);
      if (req.warnings.length > 0) s.setNotice({ kind: 'warning', title: 'Imported with notes', text: sentence(req.warnings.join(' · ')) });
      else if (req.notice) s.setNotice(req.notice);
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
        set({ pendingImport: { ...req, mergeError: mergeProblem(present, req) }, dialog: 'import' });
      },
      resolveImport(choice) {
        const s = get();
        const p = s.pendingImport;
        set({ pendingImport: null, dialog: null });
        if (!p || choice === 'cancel' || (choice === 'merge' && p.mergeError !== null)) return;
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
