import dagre from '@dagrejs/dagre';
import type { Design, Position } from '../../engine';
import { wrapRanks } from './wrap-ranks';

/** The size the layout reserves for a host card (HostNode is about this size). */
export const NODE_W = 210;
export const NODE_H = 96;

/** What the layout reads of a design: plain data, so it crosses to the layout worker as it is. */
export interface LayoutGraph {
  hosts: string[];
  tunnels: Array<[string, string]>;
}

export type Positions = Record<string, Position>;

export function layoutGraph(design: Design): LayoutGraph {
  return { hosts: design.hosts.map((h) => h.id), tunnels: design.tunnels.map((t) => [t.a, t.b]) };
}

/**
 * Positions for every host: a layered layout of the tunnel graph (dagre, as React Flow's examples use), so hubs
 * and gateways end up between what they join and templates and imported configs read left to right; tall ranks
 * are then folded into columns (wrapRanks).
 */
export function layoutPositions(graph: LayoutGraph): Positions {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 50, ranksep: 140, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of graph.hosts) g.setNode(id, { width: NODE_W, height: NODE_H });
  for (const [a, b] of graph.tunnels) g.setEdge(a, b);
  dagre.layout(g);
  const placed = graph.hosts.flatMap((id) => {
    const n = g.node(id) as { x: number; y: number } | undefined;
    return n ? [{ id, position: { x: Math.round(n.x - NODE_W / 2), y: Math.round(n.y - NODE_H / 2) } }] : [];
  });
  return Object.fromEntries(wrapRanks(placed, { width: NODE_W, height: NODE_H, gapX: 50, gapY: 50, rankGap: 140 }));
}

/** The design with these positions; hosts without one keep theirs (a host added while the layout ran). */
export function withPositions(design: Design, positions: Positions): Design {
  return { ...design, hosts: design.hosts.map((h) => { const p = positions[h.id]; return p ? { ...h, position: p } : h; }) };
}

/** Lays out the whole design on this thread. */
export function autoLayout(design: Design): Design {
  if (design.hosts.length === 0) return design;
  return withPositions(design, layoutPositions(layoutGraph(design)));
}

/** True when the design has no usable layout (every host at the same spot), e.g. a CLI-written or imported file. */
export function needsLayout(design: Design): boolean {
  if (design.hosts.length < 2) return false;
  const first = design.hosts[0]?.position;
  return design.hosts.every((h) => h.position.x === first?.x && h.position.y === first?.y);
}
