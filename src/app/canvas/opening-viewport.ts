import type { Design } from '../../engine';
import { CARD, FIT_ALL, fitViewport } from './fit-viewport';
import { DETAIL_ZOOM } from './use-zoomed-out';
import type { Viewport } from './viewport';

export type { Viewport };

const FIT_PADDING = FIT_ALL.padding;
const FIT_MAX_ZOOM = FIT_ALL.maxZoom;
/** Where a design too large to read when fitted opens: at 100 %, where cards and labels are readable. */
const READABLE_ZOOM = 1;

/** The zoom at which every host fits the pane, as React Flow's fitView computes it (before its min/max clamp). */
export function fitZoom(design: Design, pane: { width: number; height: number }): number {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const h of design.hosts) {
    minX = Math.min(minX, h.position.x);
    minY = Math.min(minY, h.position.y);
    maxX = Math.max(maxX, h.position.x + CARD.width);
    maxY = Math.max(maxY, h.position.y + CARD.height);
  }
  if (!Number.isFinite(minX)) return FIT_MAX_ZOOM;
  const zx = pane.width / ((maxX - minX) * (1 + FIT_PADDING));
  const zy = pane.height / ((maxY - minY) * (1 + FIT_PADDING));
  return Math.min(zx, zy, FIT_MAX_ZOOM);
}

/** The host with the most tunnels (the first one on a tie): in a hub-and-spoke design, the hub. */
export function busiestHost(design: Design): Design['hosts'][number] | undefined {
  const degree = new Map<string, number>();
  for (const t of design.tunnels) {
    degree.set(t.a, (degree.get(t.a) ?? 0) + 1);
    degree.set(t.b, (degree.get(t.b) ?? 0) + 1);
  }
  let best = design.hosts[0];
  for (const h of design.hosts) if ((degree.get(h.id) ?? 0) > (degree.get(best?.id ?? '') ?? 0)) best = h;
  return best;
}

/** An empty canvas opens at 100 %, flow origin at the top left: a first host dropped on it stays where dropped. */
const EMPTY: Viewport = { x: 0, y: 0, zoom: 1 };

/**
 * Where the canvas opens: the whole design fitted when it fits at a zoom where cards are readable. A larger design
 * fitted to the screen is a field of unreadable specks (1,000 hosts fit at under 10 %), so it opens at 100 % centred on its busiest host, and the minimap shows the rest. Computed
 * before the canvas mounts, so React Flow renders once at the right place instead of at 100 % and then again.
 */
export function openingViewport(design: Design, pane: { width: number; height: number }): Viewport {
  const hub = busiestHost(design);
  if (!hub || pane.width <= 0 || pane.height <= 0) return EMPTY;
  if (fitZoom(design, pane) >= DETAIL_ZOOM) return fitViewport(design.hosts, pane, FIT_ALL) ?? EMPTY;
  const cx = hub.position.x + CARD.width / 2;
  const cy = hub.position.y + CARD.height / 2;
  return { x: pane.width / 2 - cx * READABLE_ZOOM, y: pane.height / 2 - cy * READABLE_ZOOM, zoom: READABLE_ZOOM };
}
