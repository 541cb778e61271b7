import { describe, expect, it } from 'vitest';
import { labelSize, placeLabels } from './label-placement';
import type { LabelSpot } from './label-placement';
import { rectsOverlap } from './rect-grid';

const box = (s: LabelSpot) => ({ x: s.x - s.width / 2, y: s.y - s.height / 2, width: s.width, height: s.height });
const line = (y: number) => [{ x: 0, y }, { x: 400, y }];

describe('placeLabels', () => {
  it('puts a label in the middle of its line when that is free', () => {
    const spots = placeLabels([{ id: 'a', full: 'MTU 1420 · ka off', short: 'MTU 1420', along: line(0) }], []);
    expect(spots.get('a')).toMatchObject({ x: 200, y: 0, short: false });
  });

  it('never lets two labels overlap, or a label cover a card, even on lines 14 px apart', () => {
    const cards = [{ x: 150, y: -60, width: 100, height: 40 }];
    const requests = [0, 14, 28, 42].map((y, i) => ({ id: `e${i}`, full: `MTU 1440 · ka app-${i} 25 s`, short: 'MTU 1440', along: line(y) }));
    const spots = [...placeLabels(requests, cards).values()].filter((s): s is LabelSpot => s !== null);
    expect(spots).toHaveLength(4);
    const boxes = spots.map(box);
    boxes.forEach((a, i) => {
      expect(rectsOverlap(a, cards[0] as (typeof cards)[0])).toBe(false);
      for (const b of boxes.slice(i + 1)) expect(rectsOverlap(a, b)).toBe(false);
    });
  });

  it('finds room around the middle when the line has none (two cards dropped 20 px apart)', () => {
    const cards = [{ x: 0, y: 0, width: 210, height: 96 }, { x: 230, y: 90, width: 210, height: 96 }];
    const spot = placeLabels([{ id: 'a', full: 'MTU 1440 · ka app-1 25 s', short: 'MTU 1440', along: [{ x: 212, y: 90 }, { x: 228, y: 96 }] }], cards).get('a');
    expect(spot).toMatchObject({ short: false });
    for (const c of cards) expect(rectsOverlap(box(spot as LabelSpot), c)).toBe(false);
    expect(Math.hypot((spot?.x ?? 0) - 220, (spot?.y ?? 0) - 93)).toBeLessThan(170);
  });

  it('falls back to the short text where only that fits, and to no label where nothing does', () => {
    const short = labelSize('MTU 1440');
    // Two tall cards leave a gap with room for the short text only, on the line and all around it.
    const gap = short.width + 12;
    const cards = [{ x: -200, y: -500, width: 200, height: 1000 }, { x: gap, y: -500, width: 200, height: 1000 }];
    const along = [{ x: 0, y: 0 }, { x: gap, y: 0 }];
    expect(placeLabels([{ id: 'a', full: 'MTU 1440 · ka app-1 25 s', short: 'MTU 1440', along }], cards).get('a')).toMatchObject({ short: true });
    const everywhere = [{ x: -1000, y: -1000, width: 2000, height: 2000 }];
    expect(placeLabels([{ id: 'a', full: 'MTU 1440 · ka app-1 25 s', short: 'MTU 1440', along }], everywhere).get('a')).toBeNull();
  });
});
