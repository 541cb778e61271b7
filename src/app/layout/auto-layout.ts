import dagre from '@dagrejs/dagre';
import type { Design } from '../../engine';
import { wrapRanks } from './wrap-ranks';

/** The size the layout reserves for a host card (HostNode is about this size). */
export const NODE_W = 210;
export const NODE_H = 96;

/**
 * Positions every host with a layered layout of the tunnel graph (dagre, as React Flow's examples use): hubs and
 * gateways end up between what they join, so templates and imported configs read left to right.
 */
export function autoLayout(design: Design): Design {
  if (design.hosts.length === 0) return design;
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 50, ranksep: 140, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const h of design.hosts) g.setNode(h.id, { width: NODE_W, height: NODE_H });
  for (const t of design.tunnels) g.setEdge(t.a, t.b);
  dagre.layout(g);
  const placed = design.hosts.flatMap((h) => {
    const n = g.node(h.id) as { x: number; y: number } | undefined;
    return n ? [{ id: h.id, position: { x: Math.round(n.x - NODE_W / 2), y: Math.round(n.y - NODE_H / 2) } }] : [];
  });
  const at = wrapRanks(placed, { width: NODE_W, height: NODE_H, gapX: 50, gapY: 50, rankGap: 140 });
  return { ...design, hosts: design.hosts.map((h) => { const p = at.get(h.id); return p ? { ...h, position: p } : h; }) };
}

/** True when the design has no usable layout (every host at the same spot), e.g. a CLI-written or imported file. */
export function needsLayout(design: Design): boolean {
  if (design.hosts.length < 2) return false;
  const first = design.hosts[0]?.position;
  return design.hosts.every((h) => h.position.x === first?.x && h.position.y === first?.y);
}
