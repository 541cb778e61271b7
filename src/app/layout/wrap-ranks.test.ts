import { describe, expect, it } from 'vitest';
import { wrapRanks } from './wrap-ranks';

const O = { width: 210, height: 96, gapX: 50, gapY: 50, rankGap: 140 };
/** A hub at x 0 and n spokes in one column at x 350, as dagre lays out a hub-and-spoke design. */
const star = (n: number) => [
  { id: 'hub', position: { x: 0, y: (n * 146) / 2 } },
  ...Array.from({ length: n }, (_, i) => ({ id: `s${i}`, position: { x: 350, y: i * 146 } })),
];

describe('wrapRanks', () => {
  it('leaves a layout with short ranks as it is', () => {
    const boxes = star(6);
    const out = wrapRanks(boxes, O);
    for (const b of boxes) expect(out.get(b.id)).toEqual(b.position);
  });

  it('folds a rank of 1,000 spokes into a block about as tall as it is wide, cards apart, order kept', () => {
    const out = wrapRanks(star(1000), O);
    const spokes = [...out.entries()].filter(([id]) => id.startsWith('s')).map(([, p]) => p);
    const w = Math.max(...spokes.map((p) => p.x)) - Math.min(...spokes.map((p) => p.x)) + 210;
    const h = Math.max(...spokes.map((p) => p.y)) - Math.min(...spokes.map((p) => p.y)) + 96;
    expect(h / w).toBeGreaterThan(0.5);
    expect(h / w).toBeLessThan(2);
    expect(new Set(spokes.map((p) => `${p.x},${p.y}`)).size).toBe(1000);
    // The hub stays left of every spoke; s0 and s1 are neighbours in the first column.
    expect(out.get('hub')?.x).toBeLessThan(Math.min(...spokes.map((p) => p.x)));
    expect(out.get('s1')?.x).toBe(out.get('s0')?.x);
    expect((out.get('s1')?.y ?? 0) - (out.get('s0')?.y ?? 0)).toBe(146);
  });
});
