import type { ReactFlowState } from '@xyflow/react';
import type { Rect } from './rect-grid';

/**
 * The visible pane in canvas coordinates, grown by a tenth of its size on each side and rounded, so small pans and
 * zooms keep the same rectangle: what is drawn (or labelled) for it is not redone on every frame of a pan.
 */
export function viewRect(s: ReactFlowState): Rect {
  const [tx, ty, k] = s.transform;
  const w = s.width / k;
  const h = s.height / k;
  const r = (v: number) => Math.round(v / 50) * 50;
  return { x: r(-tx / k - w / 10) - 50, y: r(-ty / k - h / 10) - 50, width: r(w * 1.2) + 100, height: r(h * 1.2) + 100 };
}

export const sameRect = (a: Rect, b: Rect) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
