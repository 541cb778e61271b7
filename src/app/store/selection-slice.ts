import type { StateCreator } from 'zustand/vanilla';
import type { AppStore, SelectionActions, SelectionState } from './app-state';
import { EMPTY_SELECTION } from './selection';

export const createSelectionSlice: StateCreator<AppStore, [], [], SelectionState & SelectionActions> = (set, get) => ({
  selection: EMPTY_SELECTION,
  focus: null,
  select(selection) {
    const cur = get().selection;
    const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
    if (same(cur.hosts, selection.hosts) && same(cur.tunnels, selection.tunnels) && same(cur.flows, selection.flows)) return;
    set({ selection });
  },
  focusSubjects(subjects) {
    const d = get().history.present;
    const hosts = new Set(subjects.hosts ?? []);
    // A tunnel or flow is centred through the hosts at its ends.
    for (const t of d.tunnels) if (subjects.tunnels?.includes(t.id)) hosts.add(t.a).add(t.b);
    for (const f of d.flows) if (subjects.flows?.includes(f.id)) hosts.add(f.from).add(f.to.split('/')[0] ?? f.to);
    set({
      selection: { hosts: subjects.hosts ?? [], tunnels: subjects.tunnels ?? [], flows: subjects.flows ?? [] },
      focus: { hosts: [...hosts], nonce: Date.now() },
    });
  },
  fitDesign: () => set({ focus: { hosts: [], nonce: Date.now() } }),
});
