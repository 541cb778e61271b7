import type { Design } from '../../engine';

/**
 * Undo history as snapshots of the design (immutable objects, so a snapshot costs one reference). `mergeKey`
 * lets a run of edits to one field, or one drag, be a single undo step.
 */
export interface History {
  past: Design[];
  present: Design;
  future: Design[];
  mergeKey: string | null;
}

/** Undo steps kept; older ones are dropped. */
export const HISTORY_LIMIT = 200;

export function initHistory(design: Design): History {
  return { past: [], present: design, future: [], mergeKey: null };
}

/** Records a new present. With the same non-null `mergeKey` as the last step, replaces that step instead. */
export function record(h: History, next: Design, mergeKey: string | null = null): History {
  if (next === h.present) return h;
  if (mergeKey !== null && mergeKey === h.mergeKey) return { ...h, present: next, future: [] };
  const past = [...h.past, h.present];
  if (past.length > HISTORY_LIMIT) past.shift();
  return { past, present: next, future: [], mergeKey };
}

export function undo(h: History): History {
  const prev = h.past[h.past.length - 1];
  if (!prev) return h;
  return { past: h.past.slice(0, -1), present: prev, future: [h.present, ...h.future], mergeKey: null };
}

export function redo(h: History): History {
  const next = h.future[0];
  if (!next) return h;
  return { past: [...h.past, h.present], present: next, future: h.future.slice(1), mergeKey: null };
}

/** Rewrites every snapshot (keys arriving from the worker belong in all of them, so undo/redo keeps them). */
export function mapHistory(h: History, f: (d: Design) => Design): History {
  return { ...h, past: h.past.map(f), present: f(h.present), future: h.future.map(f) };
}
