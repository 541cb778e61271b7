import { describe, expect, it } from 'vitest';
import { freeSpot } from './free-spot';

const ROOM = { width: 210, height: 96, gap: 30 };
const overlap = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.abs(a.x - b.x) < ROOM.width && Math.abs(a.y - b.y) < ROOM.height;

describe('freeSpot', () => {
  it('is the wanted place on an empty canvas or where nothing is in the way', () => {
    expect(freeSpot([], { x: 100, y: 50 }, ROOM)).toEqual({ x: 100, y: 50 });
    expect(freeSpot([{ position: { x: 900, y: 900 } }], { x: 100, y: 50 }, ROOM)).toEqual({ x: 100, y: 50 });
  });

  it('puts cards added at the same place next to each other, none overlapping', () => {
    const cards: Array<{ position: { x: number; y: number } }> = [];
    for (let i = 0; i < 12; i++) cards.push({ position: freeSpot(cards, { x: 400, y: 300 }, ROOM) });
    for (let i = 0; i < cards.length; i++) {
      for (let j = i + 1; j < cards.length; j++) expect(overlap(cards[i]!.position, cards[j]!.position)).toBe(false);
    }
    // The second one lands beside the first, not far away.
    expect(Math.hypot(cards[1]!.position.x - 400, cards[1]!.position.y - 300)).toBeLessThanOrEqual(ROOM.width + ROOM.gap);
  });
});
