import type { DesignAnalysis } from '../../engine';

/** What the engine says about the current design: the plan (for previews and edge labels) and the findings. */
export type Analysis = DesignAnalysis;

/**
 * Designs with fewer hosts than this are analysed at once, on the main thread (a few milliseconds): findings are
 * never stale for them. Larger ones go to the engine worker, so a keystroke never waits for a full validation.
 */
export const SYNC_ANALYSIS_HOSTS = 200;

/** The analysis shown before the first one of a large design arrives. */
export const NO_ANALYSIS: Analysis = { plan: null, findings: [] };

/**
 * A design analysed in the worker is sent once its edits pause this long: a word typed in the inspector at 5,000
 * hosts is then sent once, not once per key (each round trip costs the page some 300 ms of copying).
 */
export const ANALYSIS_PAUSE_MS = 300;
