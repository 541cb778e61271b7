import type { Point } from './point';
import { inflate, RectGrid } from './rect-grid';
import type { Rect } from './rect-grid';

/** An edge's label to place: its full and short text, and the line it belongs on (points in order). */
export interface LabelRequest {
  id: string;
  full: string;
  short: string;
  along: readonly Point[];
}

/** Where a label goes (its centre), the box it was given there, and whether only its short text fits. */
export interface LabelSpot {
  x: number;
  y: number;
  width: number;
  height: number;
  short: boolean;
}

/**
 * A label's box for its text (11 px monospace: 0.6 em a character, 6 px padding and a 1 px border each side). Kept
 * a little generous: the boxes the browser draws must never overlap, whatever the font it falls back to.
 */
export function labelSize(text: string): { width: number; height: number } {
  return { width: Math.ceil([...text].length * 6.8 + 16), height: 19 };
}

/** Space kept between two labels and between a label and a card, in canvas pixels. */
const GAP = 4;
/** Along the line, from its middle outwards: the middle reads best, the ends crowd the cards. */
const ALONG = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82, 0.12, 0.88];
/** Off the line (in label heights), when the line itself is taken everywhere: just beside it still names it. */
const ACROSS = [0, 1.1, -1.1, 2.2, -2.2];
/**
 * Last, rings around the line's middle (radius in pixels, 12 directions each): two cards dropped 20 px apart leave
 * no room on the line between them, and a label just above the pair still names the only line there.
 */
const RINGS = [30, 50, 75, 100, 130, 160];
/**
 * Above this many labels the rings are skipped: around a 250-host hub most labels find no room anywhere, and
 * trying 72 more spots for each of them costs a drag frame more than 20 ms.
 */
const RINGS_UP_TO = 120;

/**
 * Labels placed greedily, in the order given (put the ones a finding names first): each takes the first spot on
 * its line, beside it, or around its middle, whose box meets no card and no label placed before it; failing that
 * its short text is tried; failing that it gets no spot (null) and the edge shows its text on hover only. No two
 * placed labels overlap, and none covers a card: a label half under a card is one nobody can read.
 */
export function placeLabels(requests: readonly LabelRequest[], cards: readonly Rect[]): Map<string, LabelSpot | null> {
  const taken = new RectGrid<Rect>(cards.map((c) => inflate(c, GAP)));
  const spots = new Map<string, LabelSpot | null>();
  const rings = requests.length <= RINGS_UP_TO;
  for (const req of requests) {
    const spot = findSpot(req.along, req.full, taken, false, rings)
      ?? (req.short !== req.full ? findSpot(req.along, req.short, taken, true, rings) : null);
    spots.set(req.id, spot);
  }
  return spots;
}

/** The first free spot for this text: on or beside the line, then around its middle; taken once found. */
function findSpot(along: readonly Point[], text: string, taken: RectGrid<Rect>, short: boolean, rings: boolean): LabelSpot | null {
  const { width, height } = labelSize(text);
  for (const centre of candidates(along, height, rings)) {
    const box = { x: centre.x - width / 2, y: centre.y - height / 2, width, height };
    if (taken.hits(box)) continue;
    taken.add(inflate(box, GAP));
    return { x: centre.x, y: centre.y, width, height, short };
  }
  return null;
}

function* candidates(along: readonly Point[], height: number, rings: boolean): Generator<Point> {
  const line = polyline(along);
  const at = (u: number) => pointOn(line, u);
  for (const across of ACROSS) {
    for (const u of ALONG) {
      const p = at(u);
      if (!p) return;
      yield { x: p.x + p.nx * across * height, y: p.y + p.ny * across * height };
    }
  }
  const mid = at(0.5);
  if (!mid || !rings) return;
  // Straight off the line on either side first, where a label reads as the line's, then ever more slanted.
  const normal = Math.atan2(mid.ny, mid.nx);
  for (const radius of RINGS) {
    for (const deg of [0, 180, 30, -30, 150, -150, 60, -60, 120, -120, 90, -90]) {
      const angle = normal + (deg * Math.PI) / 180;
      yield { x: mid.x + Math.cos(angle) * radius, y: mid.y + Math.sin(angle) * radius };
    }
  }
}


interface Polyline {
  points: readonly Point[];
  lengths: number[];
  total: number;
}

function polyline(points: readonly Point[]): Polyline {
  const lengths: number[] = [];
  let total = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i] as Point;
    const b = points[i + 1] as Point;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    lengths.push(len);
    total += len;
  }
  return { points, lengths, total };
}

/** The point a fraction `u` of the way along a polyline (by length), with the unit normal there. */
export function pointAlong(points: readonly Point[], u: number): (Point & { nx: number; ny: number }) | null {
  return pointOn(polyline(points), u);
}

function pointOn({ points, lengths, total }: Polyline, u: number): (Point & { nx: number; ny: number }) | null {
  if (total === 0) return null;
  let left = total * u;
  for (let i = 0; i < lengths.length; i++) {
    const len = lengths[i] as number;
    if (left <= len || i === lengths.length - 1) {
      const a = points[i] as Point;
      const b = points[i + 1] as Point;
      const k = len === 0 ? 0 : Math.min(1, left / len);
      return { x: a.x + (b.x - a.x) * k, y: a.y + (b.y - a.y) * k, nx: len === 0 ? 0 : -(b.y - a.y) / len, ny: len === 0 ? 1 : (b.x - a.x) / len };
    }
    left -= len;
  }
  return null;
}
