import { useMemo, useState } from 'react';
import { selectDesign, selectFindings, selectPlan, selectSelection } from '../store/selectors';
import { useApp } from '../store/store-context';
import { flowEdges, hostNodes, tunnelEdges } from './design-to-flow';
import type { Bundle } from './EdgeBundle';
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
 * Above this many tunnels (or flows), the unremarkable ones (not selected, named by no finding) are drawn together
 * as one path by EdgeBundle instead of one React Flow edge each: a hub's thousand edge components, re-rendered on
 * every frame of the hub's drag, cost far more than the lines themselves.
 */
export const BUNDLE_OVER = 300;

/**
 * The canvas's nodes and edges, derived from the store. Unchanged ones keep their objects (see reuseUnchanged), and
 * a drag under way only replaces the dragged hosts' nodes: React Flow re-renders what moved, not 1,000 cards.
 */
export function useFlowElements(measured: Measured, drag: DragPositions | null): { nodes: HostNodeType[]; edges: DesignEdge[]; bundles: Bundle[] } {
  const design = useApp(selectDesign);
  const findings = useApp(selectFindings);
  const plan = useApp(selectPlan);
  const selection = useApp(selectSelection);
  const pendingKeys = useApp((s) => s.pendingKeys);
  const [stableNodes] = useState(() => reuser<HostNodeType>());
  const [stableEdges] = useState(() => reuser<DesignEdge>());

  const severity = useMemo(() => severityIndex(findings), [findings]);
  const placed = useMemo(() => stableNodes(hostNodes(design, selection, severity, measured, pendingKeys, design.hosts.length > BUNDLE_OVER)),
    [stableNodes, design, selection, severity, measured, pendingKeys]);
  const nodes = useMemo(() => (drag === null ? placed : placed.map((n) => {
    const p = drag.get(n.id);
    return p ? { ...n, position: p } : n;
  })), [placed, drag]);
  const { edges, bundles } = useMemo(() => {
    const tunnels = tunnelEdges(design, plan, selection, severity);
    const flows = flowEdges(design, plan, selection, severity);
    const plain = (e: DesignEdge) => !e.selected && !e.data?.severity;
    const bundleTunnels = tunnels.length > BUNDLE_OVER;
    const bundleFlows = flows.length > BUNDLE_OVER;
    const kept: DesignEdge[] = [
      ...(bundleTunnels ? tunnels.filter((e) => !plain(e)) : tunnels),
      ...(bundleFlows ? flows.filter((e) => !plain(e)) : flows),
    ];
    const bundles: Bundle[] = [];
    if (bundleTunnels) bundles.push({ kind: 'tunnel', routes: tunnels.filter(plain).map((e) => ({ id: e.data?.tunnel.id ?? e.id, hosts: [e.source, e.target] })) });
    if (bundleFlows) bundles.push({ kind: 'flow', routes: flows.filter(plain).map((e) => ({ id: e.data?.flow.id ?? e.id, hosts: [e.source, ...(e.data?.via ?? []), e.target] })) });
    return { edges: stableEdges(kept), bundles: bundles.filter((b) => b.routes.length > 0) };
  }, [stableEdges, design, plan, selection, severity]);
  return { nodes, edges, bundles };
}
