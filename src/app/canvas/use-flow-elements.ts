import { useMemo, useState } from 'react';
import { useAllFindings } from '../findings/use-all-findings';
import { selectDesign, selectPlan, selectSelection } from '../store/selectors';
import { useApp } from '../store/store-context';
import { flowEdges, hostNodes, tunnelEdges } from './design-to-flow';
import type { Bundle } from './EdgeBundle';
import type { Measured } from './design-to-flow';
import type { DesignEdge, HostNodeType } from './flow-types';
import { reuseUnchanged } from './reuse-unchanged';
import { severityIndex } from './severity-index';
import type { DragPositions } from './use-flow-changes';

/** A function that returns each derived item as its previous object when it did not change (and the list too). */
function reuser<T extends { id: string }>() {
  let previous: ReadonlyMap<string, T> = new Map();
  let previousItems: T[] = [];
  return (next: readonly T[]): T[] => {
    const r = reuseUnchanged(previous, next, previousItems);
    previous = r.byId;
    previousItems = r.items;
    return r.items;
  };
}

function sameBundle(a: Bundle, b: Bundle): boolean {
  return a.kind === b.kind && a.routes.length === b.routes.length
    && a.routes.every((r, i) => {
      const s = b.routes[i];
      return s !== undefined && r.id === s.id && r.hosts.length === s.hosts.length && r.hosts.every((h, j) => h === s.hosts[j]);
    });
}

/** A function that returns the previous bundles when they draw the same routes: EdgeBundle then keeps its segments. */
function bundleKeeper() {
  let previous: readonly Bundle[] = [];
  return (next: readonly Bundle[]): readonly Bundle[] => {
    const kept = next.map((b, i) => {
      const old = previous[i];
      return old && sameBundle(old, b) ? old : b;
    });
    if (kept.length !== previous.length || kept.some((b, i) => b !== previous[i])) previous = kept;
    return previous;
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
export function useFlowElements(measured: Measured, drag: DragPositions | null): { nodes: HostNodeType[]; edges: DesignEdge[]; bundles: readonly Bundle[] } {
  const design = useApp(selectDesign);
  const findings = useAllFindings();
  const plan = useApp(selectPlan);
  const selection = useApp(selectSelection);
  const pendingKeys = useApp((s) => s.pendingKeys);
  const marked = useApp((s) => s.matrixHighlight?.tunnels ?? null);
  const [stableNodes] = useState(() => reuser<HostNodeType>());
  const [stableEdges] = useState(() => reuser<DesignEdge>());
  const [stableBundles] = useState(bundleKeeper);
  // Edges read only the tunnels and flows: a host's edit (the same two lists, by structural sharing) keeps them.
  const { tunnels: designTunnels, flows: designFlows } = design;

  const severity = useMemo(() => severityIndex(findings), [findings]);
  const placed = useMemo(() => stableNodes(hostNodes(design, selection, severity, measured, pendingKeys, design.hosts.length > BUNDLE_OVER)),
    [stableNodes, design, selection, severity, measured, pendingKeys]);
  const nodes = useMemo(() => (drag === null ? placed : placed.map((n) => {
    const p = drag.get(n.id);
    return p ? { ...n, position: p } : n;
  })), [placed, drag]);
  const { edges, bundles } = useMemo(() => {
    const tunnels = tunnelEdges({ tunnels: designTunnels }, plan, selection, severity);
    const flows = flowEdges({ flows: designFlows }, plan, selection, severity);
    // A tunnel the picked matrix cell marks is drawn as an edge of its own, never inside the bundle.
    const plain = (e: DesignEdge) => !e.selected && !e.data?.severity && !(e.type === 'tunnel' && marked?.has(e.data?.tunnel.id ?? ''));
    const bundleTunnels = tunnels.length > BUNDLE_OVER;
    const bundleFlows = flows.length > BUNDLE_OVER;
    const kept: DesignEdge[] = [
      ...(bundleTunnels ? tunnels.filter((e) => !plain(e)) : tunnels),
      ...(bundleFlows ? flows.filter((e) => !plain(e)) : flows),
    ];
    const bundles: Bundle[] = [];
    if (bundleTunnels) bundles.push({ kind: 'tunnel', routes: tunnels.filter(plain).map((e) => ({ id: e.data?.tunnel.id ?? e.id, hosts: [e.source, e.target] })) });
    if (bundleFlows) bundles.push({ kind: 'flow', routes: flows.filter(plain).map((e) => ({ id: e.data?.flow.id ?? e.id, hosts: [e.source, ...(e.data?.via ?? []), e.target] })) });
    return { edges: stableEdges(kept), bundles: stableBundles(bundles.filter((b) => b.routes.length > 0)) };
  }, [stableEdges, stableBundles, designTunnels, designFlows, plan, selection, severity, marked]);
  return { nodes, edges, bundles };
}
