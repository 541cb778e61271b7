import type { StoreApi } from 'zustand/vanilla';
import type { Design } from '../../engine';
import type { Finding } from '../../engine';
import { analyseDesign, newValidationContext } from '../../engine';
import { ANALYSIS_PAUSE_MS, SYNC_ANALYSIS_HOSTS } from './analysis';
import type { Analysis } from './analysis';
import type { AppStore } from './app-state';
import { latestWins } from './latest-wins';
import type { StoreDeps } from './store-deps';

/** True when two lists of findings say the same (a keystroke in a name usually changes none). */
function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  return a === b || (a.length === b.length && JSON.stringify(a) === JSON.stringify(b));
}

/**
 * Keeps `analysis` in step with the design. Small designs are analysed at once; large ones in the worker, once
 * the edits pause (ANALYSIS_PAUSE_MS: a typed word is sent once, not per key) and latest wins: each design change
 * bumps a revision, a result for an older revision is dropped, and meanwhile the previous findings stay on screen
 * with `analysisPending` set ("checking…"). Findings equal to those shown keep their list, so nothing that draws
 * them renders again.
 */
export function analysisRunner(set: StoreApi<AppStore>['setState'], get: StoreApi<AppStore>['getState'], deps: StoreDeps) {
  // The store's own validation context, kept for its life: analysing the next edit here derives only the public
  // keys that changed (each derivation is an X25519 multiplication). The worker keeps its own.
  const validation = newValidationContext();
  /** Plans and validates `design` on this thread. Never throws: an engine failure becomes one error finding. */
  const analyse = (design: Design): Analysis => analyseDesign(design, validation);
  let revision = 0;
  const syncBelow = deps.syncAnalysisBelow ?? SYNC_ANALYSIS_HOSTS;
  const pauseMs = deps.analysisPauseMs ?? ANALYSIS_PAUSE_MS;
  const remote = deps.analyse;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const show = (result: Analysis) => {
    const shown = get().analysis.findings;
    set({ analysis: sameFindings(shown, result.findings) ? { ...result, findings: shown } : result, analysisPending: false });
  };

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
    if (rev === revision) show(result);
  });

  /** True when this design is analysed on the main thread, at once. */
  const isSync = (design: Design) => !remote || design.hosts.length < syncBelow;

  /** Analyses the present design again (after any change other than positions); `now` skips the pause (a first load). */
  const reanalyse = (now = false) => {
    const design = get().history.present;
    const rev = ++revision;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (isSync(design)) {
      set({ analysis: analyse(design), analysisPending: false });
      return;
    }
    if (!get().analysisPending) set({ analysisPending: true });
    // Posting 5,000 hosts to the worker and taking its plan back costs the page some 300 ms: once per pause, not per key.
    if (now || pauseMs <= 0) submit({ design, rev });
    else timer = setTimeout(() => {
      timer = null;
      submit({ design, rev });
    }, pauseMs);
  };

  return { reanalyse, isSync, analyse };
}
