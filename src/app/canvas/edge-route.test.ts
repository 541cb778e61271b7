import { describe, expect, it } from 'vitest';
import { curveAt, curvesPath, offsetCurve, routeAround, sampleCurve } from './edge-route';
import { RectGrid } from './rect-grid';
import type { Rect } from './rect-grid';

const card = (x: number, y: number): Rect => ({ x, y, width: 210, height: 96 });
const inside = (p: { x: number; y: number }, r: Rect) => p.x > r.x && p.x < r.x + r.width && p.y > r.y && p.y < r.y + r.height;

describe('routeAround', () => {
  it('is straight, side to side, when nothing is in the way', () => {
    const a = card(0, 0);
    const b = card(400, 0);
    const { s, c, t } = routeAround(a, b, new RectGrid([a, b]));
    expect(s).toEqual({ x: 212, y: 48 });
    expect(t).toEqual({ x: 398, y: 48 });
    expect(c).toEqual({ x: 305, y: 48 });
  });

  it('bends around a card between its two ends (the mesh: pg-1 - pg-3 must not run under pg-2)', () => {
    const pg1 = card(20, 20);
    const pg2 = card(370, 62);
    const pg3 = card(720, 20);
    const curve = routeAround(pg1, pg3, new RectGrid([pg1, pg2, pg3]));
    expect(sampleCurve(curve, 200).some((p) => inside(p, pg2))).toBe(false);
    expect(curveAt(curve, 0.5).y).toBeLessThan(pg2.y);
  });
});

describe('offsetCurve', () => {
  it('moves a straight line sideways, to the left of its direction', () => {
    const moved = offsetCurve({ s: { x: 0, y: 0 }, c: { x: 50, y: 0 }, t: { x: 100, y: 0 } }, 14);
    expect(moved).toEqual({ s: { x: 0, y: 14 }, c: { x: 50, y: 14 }, t: { x: 100, y: 14 } });
  });

  it('keeps a bent curve about parallel: its middle moves the same way, by about the offset', () => {
    // Moving the control point to where the moved end tangents meet (Tiller-Hanson) is close, not exact: the
    // sharper the bend, the more the middle moves. This one bends as far as a detour around a card does.
    const curve = { s: { x: 0, y: 0 }, c: { x: 50, y: -100 }, t: { x: 100, y: 0 } };
    const moved = curveAt(offsetCurve(curve, -10), 0.5).y - curveAt(curve, 0.5).y;
    expect(moved).toBeLessThan(-7);
    expect(moved).toBeGreaterThan(-15);
  });
});

it('joins the curves of a flow through the centre of the host forwarding it', () => {
  const leg = { s: { x: 0, y: 0 }, c: { x: 5, y: 0 }, t: { x: 10, y: 0 } };
  expect(curvesPath([leg, leg], [{ x: 7, y: 8 }])).toBe('M 0,0 Q 5,0 10,0 L 7,8 L 0,0 Q 5,0 10,0');
});
