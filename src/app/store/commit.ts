import type { Design } from '../../engine';
import { pinAddresses } from '../../engine';
import type { AppState } from './app-state';
import { pruneDrafts } from './drafts';
import { record } from './history';
import type { Selection } from './ops/selection';

/**
 * Pins addresses for hosts that have none (a new host, a template, an opened file or link, a cleared field), so an
 * address is fixed the moment a host exists and adding, removing or reordering hosts never moves another's.
 * Keys come later, from the worker.
 */
export function complete(design: Design): Design {
  return pinAddresses(design).design;
}

/** Keeps only selected ids that still exist. */
export function pruneSelection(sel: Selection, d: Design): Selection {
  const hosts = new Set(d.hosts.map((h) => h.id));
  const tunnels = new Set(d.tunnels.map((t) => t.id));
  const flows = new Set(d.flows.map((f) => f.id));
  const next = {
    hosts: sel.hosts.filter((id) => hosts.has(id)),
    tunnels: sel.tunnels.filter((id) => tunnels.has(id)),
    flows: sel.flows.filter((id) => flows.has(id)),
  };
  const same = next.hosts.length === sel.hosts.length && next.tunnels.length === sel.tunnels.length && next.flows.length === sel.flows.length;
  return same ? sel : next;
}

/** The state after a new design: recorded for undo, the selection pruned. The analysis follows (analysis-runner). */
export function commitState(s: AppState, next: Design, mergeKey: string | null): Partial<AppState> {
  const design = complete(next);
  return {
    history: record(s.history, design, mergeKey),
    selection: pruneSelection(s.selection, design),
    drafts: pruneDrafts(s.drafts, design),
  };
}
