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

  it('falls back to the short text, then to no label, when the line has no room', () => {
    const short = labelSize('MTU 1440');
    // A line between two cards that leaves room for the short text only.
    const gap = short.width + 12;
    const cards = [{ x: -200, y: -100, width: 200, height: 200 }, { x: gap, y: -100, width: 200, height: 200 }];
    const along = [{ x: 0, y: 0 }, { x: gap, y: 0 }];
    const spots = placeLabels([
      { id: 'a', full: 'MTU 1440 · ka app-1 25 s', short: 'MTU 1440', along },
      { id: 'b', full: 'MTU 1440 · ka app-2 25 s', short: 'MTU 1440', along: [{ x: 0, y: 1 }, { x: 1, y: 1 }] },
    ], cards);
    expect(spots.get('a')).toMatchObject({ short: true });
    expect(spots.get('b')).toBeNull();
  });
});
