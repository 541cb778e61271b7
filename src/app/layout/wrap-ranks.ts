import type { Position } from '../../engine';

export interface Box {
  id: string;
  position: Position;
}

export interface WrapOptions {
  width: number;
  height: number;
  /** Space between cards in a rank's columns, and between the columns of one rank. */
  gapX: number;
  gapY: number;
  /** Space between ranks, as the layered layout leaves it. */
  rankGap: number;
}

/**
 * Folds tall ranks of a left-to-right layered layout into several columns. A hub with 1,000 spokes puts 1,000 cards
 * in one column, 146,000 px tall, that no zoom can show; folded, the rank is about as tall as it is wide. Ranks no
 * taller than the fold (every template) keep dagre's places; the order within a rank (dagre's, which keeps
 * crossings down) is kept, column by column.
 */
export function wrapRanks(boxes: readonly Box[], o: WrapOptions): Map<string, Position> {
  const ranks = new Map<number, Box[]>();
  for (const b of boxes) ranks.set(b.position.x, [...(ranks.get(b.position.x) ?? []), b]);
  const tallest = Math.max(0, ...[...ranks.values()].map((r) => r.length));
  // Rows per column so that the tallest rank folds into a block about as tall as it is wide.
  const rows = Math.max(12, Math.ceil(Math.sqrt((tallest * (o.width + o.gapX)) / (o.height + o.gapY))));
  const out = new Map<string, Position>();
  if (tallest <= rows) {
    for (const b of boxes) out.set(b.id, b.position);
    return out;
  }
  const top = Math.min(...boxes.map((b) => b.position.y));
  let x = Math.min(...boxes.map((b) => b.position.x));
  for (const [, rank] of [...ranks.entries()].sort(([a], [b]) => a - b)) {
    rank.sort((a, b) => a.position.y - b.position.y);
    const columns = Math.ceil(rank.length / rows);
    const height = Math.min(rank.length, rows) * (o.height + o.gapY) - o.gapY;
    const blockTop = top + (rows * (o.height + o.gapY) - o.gapY - height) / 2;
    rank.forEach((b, i) => {
      const col = Math.floor(i / rows);
      out.set(b.id, { x: Math.round(x + col * (o.width + o.gapX)), y: Math.round(blockTop + (i % rows) * (o.height + o.gapY)) });
    });
    x += columns * (o.width + o.gapX) - o.gapX + o.rankGap;
  }
  return out;
}
