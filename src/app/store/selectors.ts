import type { AppStore } from './app-state';

/** Narrow selectors shared by components (stable references: they return store objects, never new ones). */
export const selectDesign = (s: AppStore) => s.history.present;
export const selectFindings = (s: AppStore) => s.analysis.findings;
export const selectLiveFindings = (s: AppStore) => s.liveFindings;
export const selectPlan = (s: AppStore) => s.analysis.plan;
export const selectAnalysisPending = (s: AppStore) => s.analysisPending;
export const selectSelection = (s: AppStore) => s.selection;
export const selectCanUndo = (s: AppStore) => s.history.past.length > 0;
export const selectCanRedo = (s: AppStore) => s.history.future.length > 0;
