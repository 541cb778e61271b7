import { useMemo, useState } from 'react';
import { selectDesign, selectFindings, selectPlan, selectSelection } from '../store/selectors';
import { useApp } from '../store/store-context';
import { designEdges, hostNodes } from './design-to-flow';
import type { Measured } from './design-to-flow';
import type { DesignEdge, HostNodeType } from './flow-types';
import { reuseUnchanged } from './reuse-unchanged';
import { severityIndex } from './severity-index';
import type { DragPositions } from './use-flow-changes';

/** A function that returns each derived item as its previous object when it did not change. */
function reuser<T extends { id: string }>() {
  let previous: ReadonlyMap<string, T> = new Map();
  return (next: readonly T[]): T[] => {
    const r = reuseUnchanged(previous, next);
    previous = r.byId;
    return r.items;
  };
}

/**
 * The canvas's nodes and edges, derived from the store. Unchanged ones keep their objects (see reuseUnchanged), and
 * a drag under way only replaces the dragged hosts' nodes: React Flow re-renders what moved, not 1,000 cards.
 */
export function useFlowElements(measured: Measured, drag: DragPositions | null): { nodes: HostNodeType[]; edges: DesignEdge[] } {
  const design = useApp(selectDesign);
  const findings = useApp(selectFindings);
  const plan = useApp(selectPlan);
  const selection = useApp(selectSelection);
  const pendingKeys = useApp((s) => s.pendingKeys);
  const [stableNodes] = useState(() => reuser<HostNodeType>());
  const [stableEdges] = useState(() => reuser<DesignEdge>());

  const severity = useMemo(() => severityIndex(findings), [findings]);
  const placed = useMemo(() => stableNodes(hostNodes(design, selection, severity, measured, pendingKeys)),
    [stableNodes, design, selection, severity, measured, pendingKeys]);
  const nodes = useMemo(() => (drag === null ? placed : placed.map((n) => {
    const p = drag.get(n.id);
    return p ? { ...n, position: p } : n;
  })), [placed, drag]);
  const edges = useMemo(() => stableEdges(designEdges(design, plan, selection, severity)), [stableEdges, design, plan, selection, severity]);
  return { nodes, edges };
}
