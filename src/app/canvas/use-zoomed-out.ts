import { useStore } from '@xyflow/react';
import type { ReactFlowState } from '@xyflow/react';

/**
 * Below this zoom, labels and card details are too small to read (11 px text is under 5 px), so cards draw their
 * name only and edges drop their labels: a 1,000-host design fitted to the screen has a tenth of the elements
 * to lay out and paint, and a drag stays smooth. Zooming in brings every detail back.
 */
export const DETAIL_ZOOM = 0.45;

/**
 * Below this zoom even a card's name is under 3 px: cards are drawn as blocks in their role's colour (CSS only,
 * styles/canvas.css), which is what reads at the zoom where Fit view shows 1,000 hosts.
 */
export const FAR_ZOOM = 0.2;

const zoomedOut = (s: ReactFlowState) => s.transform[2] < DETAIL_ZOOM;
const farOut = (s: ReactFlowState) => s.transform[2] < FAR_ZOOM;

/** True while the canvas is zoomed out past DETAIL_ZOOM; re-renders only when that flips, not on every zoom step. */
export function useZoomedOut(): boolean {
  return useStore(zoomedOut);
}

/** True while the canvas is zoomed out past FAR_ZOOM. */
export function useFarOut(): boolean {
  return useStore(farOut);
}
