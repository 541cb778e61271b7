import type { Design } from '../../engine';
import { completeDesign, cryptoRandom } from '../../engine';
import type { AppState } from './app-state';
import { record } from './history';
import type { Selection } from './ops/selection';

/** Allocates addresses for hosts that have none (a cleared field, an import); keys come later, from the worker. */
export function complete(design: Design): Design {
  if (!design.hosts.some((h) => h.addresses.length === 0 && !h.external)) return design;
  return completeDesign(design, { random: cryptoRandom, keys: false }).design;
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
  };
}
