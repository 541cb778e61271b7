import type { Design } from '../../engine';
import { pinAddresses } from '../../engine';
import type { AppState } from './app-state';
import { pruneDrafts } from './drafts';
import { record } from './history';
import type { Selection } from './selection';

/**
 * Pins addresses for hosts that have none (a new host, a template, an opened file or link, a cleared field), so an
 * address is fixed the moment a host exists and adding, removing or reordering hosts never moves another's.
 * Keys come later, from the worker.
 */
export function complete(design: Design): Design {
  return pinAddresses(design).design;
}

/** The selected ids of one list that it still has; the list is only read when something of it is selected. */
function kept(ids: string[], items: readonly { id: string }[]): string[] {
  if (ids.length === 0) return ids;
  // One or a few selected (an inspector edit): a scan, without a set of 5,000 ids made on every keystroke.
  if (ids.length <= 4) return ids.filter((id) => items.some((x) => x.id === id));
  const present = new Set(items.map((x) => x.id));
  return ids.filter((id) => present.has(id));
}

/** Keeps only selected ids that still exist. */
export function pruneSelection(sel: Selection, d: Design): Selection {
  const next = { hosts: kept(sel.hosts, d.hosts), tunnels: kept(sel.tunnels, d.tunnels), flows: kept(sel.flows, d.flows) };
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
