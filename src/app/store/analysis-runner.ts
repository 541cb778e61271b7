import type { StoreApi } from 'zustand/vanilla';
import type { Design } from '../../engine';
import { analyse, SYNC_ANALYSIS_HOSTS } from './analysis';
import type { AppStore } from './app-state';
import { latestWins } from './latest-wins';
import type { StoreDeps } from './store-deps';

/**
 * Keeps `analysis` in step with the design. Small designs are analysed at once; large ones in the worker, latest
 * wins: each design change bumps a revision, a result for an older revision is dropped, and meanwhile the previous
 * findings stay on screen with `analysisPending` set ("checking…").
 */
export function analysisRunner(set: StoreApi<AppStore>['setState'], get: StoreApi<AppStore>['getState'], deps: StoreDeps) {
  let revision = 0;
  const syncBelow = deps.syncAnalysisBelow ?? SYNC_ANALYSIS_HOSTS;
  const remote = deps.analyse;

  const submit = latestWins(async ({ design, rev }: { design: Design; rev: number }) => {
    if (!remote || rev !== revision) return;
    let result;
    try {
      result = await remote(design);
    } catch {
      // The worker failed (it falls back by itself when it cannot start): analyse here rather than show nothing.
      if (rev !== revision) return;
      result = analyse(design);
    }
    if (rev === revision) set({ analysis: result, analysisPending: false });
  });

  /** True when this design is analysed on the main thread, at once. */
  const isSync = (design: Design) => !remote || design.hosts.length < syncBelow;

  /** Analyses the present design again (after any change other than positions). */
  const reanalyse = () => {
    const design = get().history.present;
    const rev = ++revision;
    if (isSync(design)) {
      set({ analysis: analyse(design), analysisPending: false });
      return;
    }
    if (!get().analysisPending) set({ analysisPending: true });
    submit({ design, rev });
  };

  return { reanalyse, isSync };
}
