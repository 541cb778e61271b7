import { getViewportForBounds } from '@xyflow/react';
import type { Rect } from '@xyflow/react';
import type { Position } from '../../engine';
import type { Viewport } from './viewport';

/** A card's size before React Flow has measured it (see .host-node in styles/canvas.css). */
export const CARD = { width: 210, height: 96 };

/**
 * The lowest zoom of the canvas: low enough that Fit view shows 1,000 hosts (a 40 x 25 grid of cards is 9,800 px
 * wide, about 6 % on a 1440 px screen and 3 % on a 1024 px one). Below FAR_ZOOM cards are drawn as role-coloured
 * blocks (styles/canvas.css).
 */
export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 2;

export interface FitOptions {
  padding: number;
  maxZoom: number;
}

/** Fitting the whole design: the canvas's Fit view, and the view after Open, Import, Layout and undo of those. */
export const FIT_ALL: FitOptions = { padding: 0.1, maxZoom: 1.1 };
/** Fitting a few hosts (a finding's, a search match): close enough to read them. */
export const FIT_FEW: FitOptions = { padding: 0.35, maxZoom: 1.3 };

type Sized = { id: string; position: Position };

/** The box around these hosts' cards, each at its measured size or, not measured yet, the usual card size. */
export function hostBounds(hosts: readonly Sized[], sizeOf: (id: string) => { width?: number; height?: number } | undefined): Rect | null {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const h of hosts) {
    const s = sizeOf(h.id);
    minX = Math.min(minX, h.position.x);
    minY = Math.min(minY, h.position.y);
    maxX = Math.max(maxX, h.position.x + (s?.width ?? CARD.width));
    maxY = Math.max(maxY, h.position.y + (s?.height ?? CARD.height));
  }
  return Number.isFinite(minX) ? { x: minX, y: minY, width: maxX - minX, height: maxY - minY } : null;
}

/**
 * The viewport that shows these hosts in a pane, computed from the design rather than from React Flow's measured
 * nodes: right after a new design is loaded most cards are not mounted yet (only visible ones are), and a fit that
 * waited for them to be measured would fit the previous design, or nothing.
 */
export function fitViewport(hosts: readonly Sized[], pane: { width: number; height: number }, options: FitOptions,
  sizeOf: (id: string) => { width?: number; height?: number } | undefined = () => undefined): Viewport | null {
  const bounds = hostBounds(hosts, sizeOf);
  if (!bounds || pane.width <= 0 || pane.height <= 0) return null;
  return getViewportForBounds(bounds, pane.width, pane.height, MIN_ZOOM, options.maxZoom, options.padding);
}
