import { describe, expect, it } from 'vitest';
import { fitViewport, FIT_ALL, hostBounds, MIN_ZOOM } from './fit-viewport';

/** n hosts on a grid of 40 a row, as the large-design specs lay them out. */
const grid = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `h${i}`, position: { x: (i % 40) * 240, y: Math.floor(i / 40) * 130 } }));

describe('fitViewport', () => {
  it('shows every card of a 1,001-host grid in a 1024 x 700 window\'s pane', () => {
    const pane = { width: 444, height: 486 };
    const v = fitViewport(grid(1001), pane, FIT_ALL);
    expect(v).not.toBeNull();
    if (!v) return;
    expect(v.zoom).toBeGreaterThanOrEqual(MIN_ZOOM);
    for (const h of grid(1001)) {
      expect(h.position.x * v.zoom + v.x).toBeGreaterThanOrEqual(0);
      expect((h.position.x + 210) * v.zoom + v.x).toBeLessThanOrEqual(pane.width + 1e-9);
      expect(h.position.y * v.zoom + v.y).toBeGreaterThanOrEqual(0);
      expect((h.position.y + 96) * v.zoom + v.y).toBeLessThanOrEqual(pane.height + 1e-9);
    }
  });

  it('uses measured sizes where React Flow has them, the usual card size elsewhere', () => {
    const b = hostBounds(grid(2), (id) => (id === 'h1' ? { width: 300, height: 50 } : undefined));
    expect(b).toEqual({ x: 0, y: 0, width: 540, height: 96 });
  });

  it('has nothing to fit without hosts or without a pane', () => {
    expect(fitViewport([], { width: 800, height: 600 }, FIT_ALL)).toBeNull();
    expect(fitViewport(grid(3), { width: 0, height: 600 }, FIT_ALL)).toBeNull();
  });
});
