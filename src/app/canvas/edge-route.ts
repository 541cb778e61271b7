import type { Point } from './point';
import { inflate } from './rect-grid';
import type { Rect, RectGrid } from './rect-grid';

/** A quadratic Bézier from `s` to `t` bent towards `c`: a straight edge has `c` on the line. */
export interface Curve {
  s: Point;
  c: Point;
  t: Point;
}

/** Clearance kept between an edge and a card it passes, in canvas pixels. */
const CLEARANCE = 8;
/** How far the middle of a detour may bulge sideways, tried in this order: straight first, then ever wider. */
const BULGES = [0, 50, -50, 90, -90, 140, -140, 200, -200, 280, -280, 380, -380];
/** Straight pieces a curve is cut into, to test it against cards and slide a label along it. */
const SAMPLES = 16;

const centre = (r: Rect): Point => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

/** Where the line from the rectangle's centre towards `toward` leaves the rectangle (2 px outside its border). */
export function borderToward(r: Rect, toward: Point): Point {
  const c = centre(r);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const k = Math.min(1, (r.width / 2 + 2) / Math.abs(dx || 1e-9), (r.height / 2 + 2) / Math.abs(dy || 1e-9));
  return { x: c.x + dx * k, y: c.y + dy * k };
}

/** The point at `u` (0..1) along the curve. */
export function curveAt({ s, c, t }: Curve, u: number): Point {
  const v = 1 - u;
  return { x: v * v * s.x + 2 * v * u * c.x + u * u * t.x, y: v * v * s.y + 2 * v * u * c.y + u * u * t.y };
}

/** The curve as `n + 1` points, for hit tests and for sliding a label along it. */
export function sampleCurve(curve: Curve, n = SAMPLES): Point[] {
  return Array.from({ length: n + 1 }, (_, i) => curveAt(curve, i / n));
}

/**
 * Whether the segment p-q passes over the rectangle (Liang-Barsky clipping): exact, where testing sample points
 * would let a long spoke slip between two of them over a card.
 */
export function segmentHitsRect(p: Point, q: Point, r: Rect): boolean {
  let lo = 0;
  let hi = 1;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  for (const [den, num] of [[-dx, p.x - r.x], [dx, r.x + r.width - p.x], [-dy, p.y - r.y], [dy, r.y + r.height - p.y]] as const) {
    if (den === 0) {
      if (num < 0) return false;
      continue;
    }
    const k = num / den;
    if (den < 0) lo = Math.max(lo, k);
    else hi = Math.min(hi, k);
    if (lo > hi) return false;
  }
  return true;
}

/** Cards (other than the edge's own two) that the polyline passes over, with the clearance around them. */
function blockers(points: readonly Point[], a: Rect, b: Rect, cards: RectGrid<Rect>): Rect[] {
  return cards.query(inflate(boundsOf(points), CLEARANCE)).filter((r) => r !== a && r !== b).filter((r) => {
    const grown = inflate(r, CLEARANCE);
    return points.some((p, i) => i > 0 && segmentHitsRect(points[i - 1] as Point, p, grown));
  });
}

/**
 * Beyond this many cards in the way a detour would circle half the design (a hub's spoke across a grid of cards):
 * such an edge stays straight, and finding that out costs one test instead of thirteen.
 */
const MAX_DETOUR = 2;

/**
 * The edge between two cards, bent around the other cards in its way: a tunnel between pg-1 and pg-3 must not
 * run under pg-2 and read as pg-1 -> pg-2 -> pg-3. It leaves each card on the side facing the bend. Straight when
 * nothing is in the way; else the narrowest bulge that clears every card (straight if none does, or if more than
 * MAX_DETOUR cards are in the way). Without `cards`, straight.
 */
export function routeAround(a: Rect, b: Rect, cards: RectGrid<Rect> | null): Curve {
  const ca = centre(a);
  const cb = centre(b);
  const len = Math.hypot(cb.x - ca.x, cb.y - ca.y) || 1;
  const normal = { x: -(cb.y - ca.y) / len, y: (cb.x - ca.x) / len };
  const mid = { x: (ca.x + cb.x) / 2, y: (ca.y + cb.y) / 2 };
  const curveFor = (bulge: number): Curve => {
    // A quadratic's middle lies halfway to its control point: twice the bulge puts the middle `bulge` off the line.
    const c = { x: mid.x + normal.x * bulge * 2, y: mid.y + normal.y * bulge * 2 };
    return { s: borderToward(a, c), c, t: borderToward(b, c) };
  };
  const straight = curveFor(0);
  if (!cards) return straight;
  const inTheWay = blockers([straight.s, straight.t], a, b, cards).length;
  if (inTheWay === 0 || inTheWay > MAX_DETOUR) return straight;
  for (const bulge of BULGES.slice(1)) {
    const curve = curveFor(bulge);
    if (blockers(sampleCurve(curve), a, b, cards).length === 0) return curve;
  }
  return straight;
}

/** The same curve from the other end. */
export function reverse({ s, c, t }: Curve): Curve {
  return { s: t, c, t: s };
}

/**
 * The curve moved `by` pixels to its left (in its direction of travel): a flow runs beside the tunnel carrying it
 * instead of on it. Each end moves along its own normal; the control point to where the moved tangents meet.
 */
export function offsetCurve({ s, c, t }: Curve, by: number): Curve {
  const n1 = unitNormal(s, c) ?? unitNormal(s, t);
  const n2 = unitNormal(c, t) ?? unitNormal(s, t);
  if (!n1 || !n2) return { s, c, t };
  const s2 = { x: s.x + n1.x * by, y: s.y + n1.y * by };
  const t2 = { x: t.x + n2.x * by, y: t.y + n2.y * by };
  const c2 = meet(s2, { x: c.x - s.x, y: c.y - s.y }, t2, { x: c.x - t.x, y: c.y - t.y })
    ?? { x: c.x + ((n1.x + n2.x) / 2) * by, y: c.y + ((n1.y + n2.y) / 2) * by };
  return { s: s2, c: c2, t: t2 };
}

function unitNormal(a: Point, b: Point): Point | null {
  const len = Math.hypot(b.x - a.x, b.y - a.y);
  return len < 1e-6 ? null : { x: -(b.y - a.y) / len, y: (b.x - a.x) / len };
}

/** Where the line through `p` along `d` meets the line through `q` along `e`; null when they are parallel. */
function meet(p: Point, d: Point, q: Point, e: Point): Point | null {
  const det = d.x * e.y - d.y * e.x;
  if (Math.abs(det) < 1e-6 * Math.hypot(d.x, d.y) * Math.hypot(e.x, e.y)) return null;
  const k = ((q.x - p.x) * e.y - (q.y - p.y) * e.x) / det;
  return { x: p.x + d.x * k, y: p.y + d.y * k };
}

/** The smallest rectangle holding every point. */
export function boundsOf(points: readonly Point[]): Rect {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

const r = (n: number) => Math.round(n * 10) / 10;

/**
 * SVG path data for curves drawn one after another. Between two curves the path runs through `via[i]`, the centre
 * of the host that forwards the flow there: under its card, so the flow visibly enters and leaves that host.
 */
export function curvesPath(curves: readonly Curve[], via: readonly Point[] = []): string {
  return curves.map(({ s, c, t }, i) => {
    const hop = i > 0 ? via[i - 1] : undefined;
    const start = i === 0 ? 'M' : `${hop ? `L ${r(hop.x)},${r(hop.y)} ` : ''}L`;
    return `${start} ${r(s.x)},${r(s.y)} Q ${r(c.x)},${r(c.y)} ${r(t.x)},${r(t.y)}`;
  }).join(' ');
}
