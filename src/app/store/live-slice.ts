import type { StateCreator } from 'zustand/vanilla';
import { DriftInputError, detectDrift, driftAsFindings, plural } from '../../engine';
import type { AppStore, LiveActions, LiveState } from './app-state';

/** The running network compared with the design (`wg-designer drift` in the page), shown beside the design's findings. */
export const createLiveSlice: StateCreator<AppStore, [], [], LiveState & LiveActions> = (set, get) => ({
  liveFindings: [],
  liveSource: null,
  compareLive(fleet, source) {
    const { plan } = get().analysis;
    if (plan === null) {
      get().toast('error', 'The design is still being checked: compare again in a moment.');
      return;
    }
    try {
      const found = detectDrift(plan, fleet);
      const hostIds = new Set(get().history.present.hosts.map((h) => h.id));
      set({ liveFindings: driftAsFindings(found, hostIds), liveSource: source });
      get().toast(found.length === 0 ? 'success' : 'info', found.length === 0
        ? `No drift: ${source} matches the design.`
        : `${plural(found.length, 'difference')} between ${source} and the design, listed under Findings.`);
    } catch (e) {
      if (!(e instanceof DriftInputError)) throw e;
      get().toast('error', `Live comparison failed: ${e.message}`);
    }
  },
  clearLive: () => set({ liveFindings: [], liveSource: null }),
});
