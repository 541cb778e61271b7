import type { Point } from './point';

/** A host's box on the canvas; an unmeasured card (never on screen yet) is assumed to be the usual card size. */
export interface Box {
  x: number;
  y: number;
  width?: number | undefined;
  height?: number | undefined;
}
export interface Segment {
  id: string;
  s: Point;
  t: Point;
}

const CARD = { width: 210, height: 96 };

function centre(b: Box): Point {
  return { x: b.x + (b.width ?? CARD.width) / 2, y: b.y + (b.height ?? CARD.height) / 2 };
}

/** Where the line from the box's centre towards `toward` leaves the box (as edge-route's borderToward). */
function border(b: Box, toward: Point): Point {
  const c = centre(b);
  const hw = (b.width ?? CARD.width) / 2 + 2;
  const hh = (b.height ?? CARD.height) / 2 + 2;
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const k = Math.min(1, Math.min(hw / Math.abs(dx || 1e-9), hh / Math.abs(dy || 1e-9)));
  return { x: c.x + dx * k, y: c.y + dy * k };
}

/** Each tunnel as a straight segment between its hosts' card borders; tunnels with a missing host are left out. */
export function bundleSegments(tunnels: readonly { id: string; a: string; b: string }[], box: (id: string) => Box | undefined): Segment[] {
  const out: Segment[] = [];
  for (const t of tunnels) {
    const a = box(t.a);
    const b = box(t.b);
    if (a && b) out.push({ id: t.id, s: border(a, centre(b)), t: border(b, centre(a)) });
  }
  return out;
}

/** Each route (a flow through the hosts that carry it) as segments between consecutive hosts, tagged with its id. */
export function routeSegments(routes: readonly { id: string; hosts: readonly string[] }[], box: (id: string) => Box | undefined): Segment[] {
  const out: Segment[] = [];
  for (const r of routes) {
    for (let i = 1; i < r.hosts.length; i++) {
      const [a, b] = [r.hosts[i - 1] ?? '', r.hosts[i] ?? ''];
      out.push(...bundleSegments([{ id: r.id, a, b }], box));
    }
  }
  return out;
}

/**
 * All segments as one SVG path: one element to lay out and paint instead of one per tunnel. A line drawn twice
 * (flows to one database share their last hop) is drawn once: it looks the same and rasters in half the time.
 */
export function bundlePath(segments: readonly Segment[]): string {
  const seen = new Set<string>();
  let d = '';
  for (const { s, t } of segments) {
    const line = `M${Math.round(s.x)} ${Math.round(s.y)}L${Math.round(t.x)} ${Math.round(t.y)}`;
    if (seen.has(line)) continue;
    seen.add(line);
    d += line;
  }
  return d;
}

/** The tunnel whose segment passes within `reach` of a point, nearest first; undefined when none does. */
export function nearestSegment(segments: readonly Segment[], p: Point, reach: number): string | undefined {
  let best: string | undefined;
  let bestD = reach;
  for (const { id, s, t } of segments) {
    const dx = t.x - s.x;
    const dy = t.y - s.y;
    const len2 = dx * dx + dy * dy;
    const k = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - s.x) * dx + (p.y - s.y) * dy) / len2));
    const d = Math.hypot(p.x - (s.x + k * dx), p.y - (s.y + k * dy));
    if (d <= bestD) {
      bestD = d;
      best = id;
    }
  }
  return best;
}
