import type { Point } from './floating-geometry';

/** How far a flow runs beside the tunnel line, per lane, in canvas pixels. */
export const LANE_GAP = 14;

/**
 * An SVG path through `points`, each segment shifted sideways by `offset` (so a flow runs beside the tunnels it
 * uses instead of on them), with rounded corners. Returns the path and the point for the label.
 */
export function routedPath(points: readonly Point[], offset: number, labelAt = 0.3): { d: string; mid: Point } {
  const shifted: Array<[Point, Point]> = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i] as Point;
    const b = points[i + 1] as Point;
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const nx = (-(b.y - a.y) / len) * offset;
    const ny = ((b.x - a.x) / len) * offset;
    shifted.push([{ x: a.x + nx, y: a.y + ny }, { x: b.x + nx, y: b.y + ny }]);
  }
  const first = shifted[0];
  if (!first) return { d: '', mid: { x: 0, y: 0 } };
  let d = `M ${r(first[0].x)},${r(first[0].y)}`;
  for (let i = 0; i < shifted.length; i++) {
    const [, end] = shifted[i] as [Point, Point];
    const next = shifted[i + 1];
    if (!next) {
      d += ` L ${r(end.x)},${r(end.y)}`;
      break;
    }
    // Corner: go most of the way, then curve through the hop towards the next segment's start.
    const corner = { x: (end.x + next[0].x) / 2, y: (end.y + next[0].y) / 2 };
    const [segStart] = shifted[i] as [Point, Point];
    const into = towards(end, segStart, 30);
    const out = towards(next[0], next[1], 30);
    d += ` L ${r(into.x)},${r(into.y)} Q ${r(corner.x)},${r(corner.y)} ${r(out.x)},${r(out.y)}`;
  }
  // The label sits on the first segment, short of its middle, where the tunnel's own label is.
  const [a, b] = first;
  return { d, mid: { x: a.x + (b.x - a.x) * labelAt, y: a.y + (b.y - a.y) * labelAt } };
}

/** The point `dist` from `from` along the line to `to` (or `to` itself when closer). */
function towards(from: Point, to: Point, dist: number): Point {
  const len = Math.hypot(to.x - from.x, to.y - from.y);
  if (len <= dist * 2) return { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
  return { x: from.x + ((to.x - from.x) / len) * dist, y: from.y + ((to.y - from.y) / len) * dist };
}

const r = (n: number) => Math.round(n * 10) / 10;
