import type { InternalNode } from '@xyflow/react';

export interface Point {
  x: number;
  y: number;
}

/** The centre of a node on the canvas. */
export function centerOf(node: InternalNode): Point {
  const { x, y } = node.internals.positionAbsolute;
  return { x: x + (node.measured.width ?? 0) / 2, y: y + (node.measured.height ?? 0) / 2 };
}

/**
 * Where the line from this node's centre towards `toward` leaves the node's rectangle: edges of an undirected
 * network read best as straight lines between card borders, whichever handle they were drawn from.
 */
export function borderPoint(node: InternalNode, toward: Point): Point {
  const c = centerOf(node);
  const hw = (node.measured.width ?? 0) / 2 + 2;
  const hh = (node.measured.height ?? 0) / 2 + 2;
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const scale = Math.min(hw / Math.abs(dx || 1e-9), hh / Math.abs(dy || 1e-9));
  return { x: c.x + dx * Math.min(scale, 1), y: c.y + dy * Math.min(scale, 1) };
}

/** Ends of an edge between two nodes, each on its node's border. */
export function edgeEnds(a: InternalNode, b: InternalNode): { s: Point; t: Point } {
  return { s: borderPoint(a, centerOf(b)), t: borderPoint(b, centerOf(a)) };
}
