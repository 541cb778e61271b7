/** An axis-aligned rectangle on the canvas (a card or a label box), in canvas pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Whether two rectangles share any area (touching edges do not count). */
export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** A rectangle grown by `by` on every side. */
export function inflate(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by };
}

/** Grid cell size in canvas pixels: about one card, so a query touches a handful of cells. */
const CELL = 240;

/**
 * Rectangles bucketed by grid cell, to ask "what is near here" without testing every card and label: placing 500
 * labels against 250 cards and each other is millions of box tests per drag frame without it, a few thousand with
 * it. A uniform grid fits cards of one size; an R-tree (rbush) would add a dependency for no gain at this scale.
 */
export class RectGrid<T extends Rect> {
  private readonly cells = new Map<string, T[]>();

  constructor(items: Iterable<T> = []) {
    for (const item of items) this.add(item);
  }

  add(item: T): void {
    for (const key of cellsOf(item)) {
      const list = this.cells.get(key);
      if (list) list.push(item);
      else this.cells.set(key, [item]);
    }
  }

  /** Whether any stored rectangle overlaps `r` (stops at the first). */
  hits(r: Rect): boolean {
    for (const key of cellsOf(r)) {
      for (const item of this.cells.get(key) ?? []) if (rectsOverlap(item, r)) return true;
    }
    return false;
  }

  /** Every stored rectangle that overlaps `r`, each once. */
  query(r: Rect): T[] {
    const found = new Set<T>();
    for (const key of cellsOf(r)) {
      for (const item of this.cells.get(key) ?? []) if (rectsOverlap(item, r)) found.add(item);
    }
    return [...found];
  }
}

function* cellsOf(r: Rect): Generator<string> {
  const x0 = Math.floor(r.x / CELL);
  const x1 = Math.floor((r.x + r.width) / CELL);
  const y0 = Math.floor(r.y / CELL);
  const y1 = Math.floor((r.y + r.height) / CELL);
  for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) yield `${x},${y}`;
}
