import type { Position } from '../../engine';

/** The room a new card takes: its usual size (layout/auto-layout.ts NODE_W x NODE_H) and a gap around it. */
export interface Room {
  width: number;
  height: number;
  gap: number;
}

const MAX_RINGS = 50;

/**
 * The free place nearest `wanted` for a new card (its top-left corner): `wanted` itself when no card is in the way,
 * else the first free cell on rings of card-sized cells around it, nearest first. "Click to add" three times so
 * puts three cards side by side rather than in a pile.
 */
export function freeSpot(cards: ReadonlyArray<{ position: Position }>, wanted: Position, room: Room): Position {
  const w = room.width + room.gap;
  const h = room.height + room.gap;
  const free = (p: Position) => cards.every((c) => Math.abs(c.position.x - p.x) >= w || Math.abs(c.position.y - p.y) >= h);
  for (let ring = 0; ring <= MAX_RINGS; ring++) {
    const cells: Position[] = [];
    for (let dy = -ring; dy <= ring; dy++) {
      for (let dx = -ring; dx <= ring; dx++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) === ring) cells.push({ x: wanted.x + dx * w, y: wanted.y + dy * h });
      }
    }
    cells.sort((a, b) => Math.hypot(a.x - wanted.x, a.y - wanted.y) - Math.hypot(b.x - wanted.x, b.y - wanted.y));
    const spot = cells.find(free);
    if (spot) return spot;
  }
  return wanted;
}
