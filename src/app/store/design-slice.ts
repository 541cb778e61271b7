import type { StateCreator } from 'zustand/vanilla';
import type { Design, Host, ParseResult } from '../../engine';
import { addFlow, addHost, addTunnel, applyFix, clearKeys, connectHosts, editFailover, editFlow, editHost, editNetwork, editTunnel, formatFieldError, keysMadeHere, moveHosts, pasteHosts, removeItems, setCustody } from '../../engine';
import { NO_ANALYSIS } from './analysis';
import { analysisRunner } from './analysis-runner';
import type { AppStore, DesignActions, DesignState, EditResult } from './app-state';
import { commitState, complete, pruneSelection } from './commit';
import { pruneDrafts, renameDrafts } from './drafts';
import { initHistory, mapHistory, redo, undo } from './history';
import { keyRequests } from './key-requests';
import { wholeDesignChange } from './whole-design-change';
import { EMPTY_SELECTION } from './selection';
import type { StoreDeps } from './store-deps';

/**
 * Designs with at least this many hosts are laid out in the layout worker: dagre takes about half a second on
 * 1,000 hosts in Node and several seconds in a browser on a slow machine, too long to freeze the page.
 */
export const SYNC_LAYOUT_HOSTS = 200;

export function createDesignSlice(given: Design, deps: StoreDeps): StateCreator<AppStore, [], [], DesignState & DesignActions> {
  return (set, get) => {
    const { reanalyse, isSync, analyse } = analysisRunner(set, get, deps);
    const { requestKeys, requestPsks } = keyRequests(set, get, deps, reanalyse);

    /** Records a new design; unless only positions moved, analyses it and asks for the keys it lacks. */
    const commit = (next: Design, mergeKey: string | null = null, layoutOnly = false) => {
      const before = get().history.present;
      set((s) => commitState(s, next, mergeKey));
      if (layoutOnly || get().history.present === before) return;
      reanalyse();
      requestKeys();
      requestPsks();
    };

    /** After undo, redo or keys merged into history: the present changed, so analyse it. */
    const afterHistory = (before: Design) => {
      const after = get().history.present;
      if (after === before) return;
      if (wholeDesignChange(before, after)) get().fitDesign();
      reanalyse();
      requestKeys();
      requestPsks();
    };

    const offThread = (design: Design) => !!deps.layoutOffThread && design.hosts.length >= (deps.syncLayoutBelow ?? SYNC_LAYOUT_HOSTS);
    /**
     * Runs the layout worker with `layingOut` set meanwhile (the Layout button shows it). The latest run wins: a
     * design opened while a layout of the previous one runs must not receive that layout's positions.
     */
    let layoutRun = 0;
    const layOut = (design: Design, then: (laid: Design) => void) => {
      if (!deps.layoutOffThread) return;
      const run = ++layoutRun;
      set({ layingOut: design.hosts.length });
      deps.layoutOffThread(design).then((laid) => { if (run === layoutRun) then(laid); }, (e: unknown) => {
        if (run === layoutRun) get().toast('error', `Layout failed: ${e instanceof Error ? e.message : String(e)}.`);
      }).finally(() => { if (run === layoutRun) set({ layingOut: null }); });
    };

    // A restored autosave or a test's design may have hosts without addresses: they are pinned before anything reads them.
    const initial = complete(given);
    const initialSync = isSync(initial);

    const edit = (r: ParseResult<Design>, mergeKey?: string): EditResult => {
      if (!r.ok) return r.errors;
      commit(r.value, mergeKey ?? null);
      return null;
    };

    // Keys for an initial design that has keyless hosts (a template, a restored autosave) come once the store exists.
    // A large initial design is analysed by the worker too: the canvas draws first, the findings follow.
    queueMicrotask(() => {
      if (!initialSync) reanalyse(true);
      requestKeys();
      requestPsks();
    });

    return {
      history: initHistory(initial),
      analysis: initialSync ? analyse(initial) : NO_ANALYSIS,
      analysisPending: !initialSync,
      pendingKeys: [],
      pendingPsks: [],
      layingOut: null,

      addHost(kind, position) {
        const r = addHost(get().history.present, kind, position);
        if ('error' in r) {
          get().toast('error', `Host not added: ${r.error}.`);
          return null;
        }
        commit(r.design);
        set({ selection: { ...EMPTY_SELECTION, hosts: [r.id] } });
        return r.id;
      },
      connect(source, target) {
        const s = get();
        if (s.mode === 'flow') {
          const id = s.addFlow({ from: source, to: target, proto: s.flowProto });
          if (id) set({ selection: { ...EMPTY_SELECTION, flows: [id] } });
          return;
        }
        const r = addTunnel(s.history.present, source, target);
        if (!r) {
          s.toast('info', source === target ? 'A tunnel joins two different hosts.' : `${source} and ${target} are already joined by a tunnel.`);
          return;
        }
        commit(r.design);
        set({ selection: { ...EMPTY_SELECTION, tunnels: [r.id] } });
      },
      connectHosts(a, b) {
        const r = connectHosts(get().history.present, a, b);
        if ('error' in r) return r;
        commit(r.design);
        set({ selection: { ...EMPTY_SELECTION, tunnels: [r.id] } });
        return null;
      },
      pasteHosts(clip) {
        const r = pasteHosts(get().history.present, clip);
        if ('error' in r) {
          get().toast('error', `Not pasted: ${r.error}.`);
          return;
        }
        commit(r.design);
        set({ selection: { ...EMPTY_SELECTION, hosts: r.ids } });
      },
      addFlow(req) {
        const r = addFlow(get().history.present, req);
        if ('error' in r) {
          get().toast('error', `Flow not added: ${r.error}.`);
          return null;
        }
        // The selection stays (the inspector's flow form adds several flows from one host in a row).
        commit(r.design);
        return r.id;
      },
      editHost(id, patch, mergeKey) {
        const drafts = get().drafts;
        const r = edit(editHost(get().history.present, id, patch as Partial<Host>), mergeKey);
        // Text refused in another field of this host stays with it under its new id (the commit dropped it with the old one).
        const to = patch.id;
        if (r === null && typeof to === 'string' && to !== id) set((s) => ({ drafts: pruneDrafts(renameDrafts(drafts, id, to), s.history.present) }));
        return r;
      },
      editTunnel: (id, patch, mergeKey) => edit(editTunnel(get().history.present, id, patch), mergeKey),
      editFlow: (id, patch, mergeKey) => edit(editFlow(get().history.present, id, patch), mergeKey),
      editNetwork: (patch, mergeKey) => edit(editNetwork(get().history.present, patch), mergeKey),
      editFailover: (groups, mergeKey) => edit(editFailover(get().history.present, groups), mergeKey),
      moveHosts(positions, mergeKey) {
        commit(moveHosts(get().history.present, positions), mergeKey, true);
      },
      removeSelection() {
        const { selection, history } = get();
        const next = removeItems(history.present, selection);
        if (next.hosts.length === history.present.hosts.length && next.tunnels.length === history.present.tunnels.length
          && next.flows.length === history.present.flows.length) return;
        commit(next);
        set({ selection: EMPTY_SELECTION });
      },
      applyFix(fix) {
        const r = applyFix(get().history.present, fix);
        if (!r.ok) {
          get().toast('error', `The fix could not be applied: ${r.errors.map(formatFieldError).join('; ')}`);
          return;
        }
        commit(r.value);
        get().toast('success', `Applied: ${fix.label}`);
      },
      loadDesign(design, options) {
        const place = (laid: Design) => {
          commit(laid);
          set({ selection: EMPTY_SELECTION });
          get().fitDesign();
        };
        if (!options?.layout) {
          layoutRun++; // a layout still running belongs to the design this one replaces
          set({ layingOut: null });
          place(design);
        } else if (!offThread(design)) {
          layoutRun++;
          set({ layingOut: null });
          place(deps.layout(design));
        } else {
          // A large design without positions (CLI-written, a big import) is laid out in the worker first, then loaded.
          layOut(design, place);
        }
      },
      mergeDesign(merged) {
        const before = new Set(get().history.present.hosts.map((h) => h.id));
        commit(merged);
        const added = get().history.present.hosts.filter((h) => !before.has(h.id)).map((h) => h.id);
        // The added hosts come selected, and the view fits the whole design, as after any import.
        set({ selection: { ...EMPTY_SELECTION, hosts: added } });
        get().fitDesign();
      },
      autoLayout() {
        const design = get().history.present;
        if (get().layingOut !== null) return;
        if (!offThread(design)) {
          commit(deps.layout(design), null, true);
          get().fitDesign();
          return;
        }
        layOut(design, (laid) => {
          // Edits made meanwhile stay: the new positions go onto the present design, hosts added since keep theirs.
          commit(moveHosts(get().history.present, new Map(laid.hosts.map((h) => [h.id, h.position]))), null, true);
          get().fitDesign();
        });
      },
      undo() {
        const before = get().history.present;
        set((s) => {
          const history = undo(s.history);
          return history === s.history ? s : { history, selection: pruneSelection(s.selection, history.present), drafts: pruneDrafts(s.drafts, history.present) };
        });
        afterHistory(before);
      },
      redo() {
        const before = get().history.present;
        set((s) => {
          const history = redo(s.history);
          return history === s.history ? s : { history, selection: pruneSelection(s.selection, history.present), drafts: pruneDrafts(s.drafts, history.present) };
        });
        afterHistory(before);
      },
      regenerateKeys(hostIds) {
        // One commit clears the keys; the worker's pairs are then written into that same undo step (key-requests).
        commit(clearKeys(get().history.present, hostIds));
      },
      keepOwnKeys(hostIds) {
        commit(setCustody(get().history.present, hostIds, 'host'));
      },
      adoptKeys(withKeys) {
        const hosts = new Map(withKeys.hosts.map((h) => [h.id, h]));
        const tunnels = new Map(withKeys.tunnels.map((t) => [t.id, t]));
        const adopt = (d: Design): Design => ({
          ...d,
          hosts: d.hosts.map((h) => {
            const k = hosts.get(h.id);
            // A host-custody host makes its own pair: one an export made for it must not become its key here.
            return k && h.publicKey === null && h.privateKey === null && k.publicKey !== null && keysMadeHere(d, h)
              ? { ...h, publicKey: k.publicKey, privateKey: k.privateKey } : h;
          }),
          tunnels: d.tunnels.map((t) => {
            const k = tunnels.get(t.id);
            return k && t.presharedKey === null && k.presharedKey !== null && k.a === t.a && k.b === t.b ? { ...t, presharedKey: k.presharedKey } : t;
          }),
        });
        const before = get().history.present;
        set((s) => ({ history: mapHistory(s.history, adopt) }));
        if (get().history.present !== before) reanalyse();
      },
    };
  };
}
