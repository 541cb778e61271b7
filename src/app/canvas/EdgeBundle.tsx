import { memo, useCallback, useMemo } from 'react';
import { EdgeLabelRenderer, useReactFlow, useStore } from '@xyflow/react';
import type { ReactFlowState } from '@xyflow/react';
import { useAppStoreApi } from '../store/store-context';
import { bundlePath, nearestSegment, routeSegments } from './bundle-path';
import { sameNodeGeometry } from './same-geometry';
import type { Segment } from './bundle-path';
import { useZoomedOut } from './use-zoomed-out';
import { sameRect, viewRect } from './view-rect';
import type { Rect } from './rect-grid';

/** How far from a line, in screen pixels, a click still picks its tunnel (the line itself is 2 px wide). */
const REACH_PX = 8;

/** Whether a segment's bounding box meets the rectangle (a cheap test; the svg clips the rest). */
function crosses({ s, t }: Segment, r: Rect): boolean {
  return Math.max(s.x, t.x) >= r.x && Math.min(s.x, t.x) <= r.x + r.width
    && Math.max(s.y, t.y) >= r.y && Math.min(s.y, t.y) <= r.y + r.height;
}

/** Tunnels (their two hosts) or flows (the hosts on their path), to draw together. */
export interface Bundle {
  kind: 'tunnel' | 'flow';
  routes: readonly { id: string; hosts: readonly string[] }[];
}

/**
 * The unremarkable tunnels or flows of a large design (see BUNDLE_OVER), drawn as one SVG path beneath the cards. A
 * drag rebuilds one path string instead of re-rendering a thousand edges. A click on a line selects its tunnel or
 * flow, which then leaves the bundle and is drawn as a full edge with its label, as are those a finding names.
 */
function EdgeBundleView({ bundle }: { bundle: Bundle }) {
  const store = useAppStoreApi();
  const { screenToFlowPosition, getZoom } = useReactFlow();
  const zoomedOut = useZoomedOut();
  // React Flow replaces `nodes` on every change (a drag frame included) and keeps positions in nodeLookup. Only a
  // change of place or size redoes the segments: a keystroke in the inspector replaces one node's data, not where it is.
  const nodes = useStore((s: ReactFlowState) => s.nodes, sameNodeGeometry);
  const lookup = useStore((s: ReactFlowState) => s.nodeLookup);
  const segments: Segment[] = useMemo(() => {
    void nodes;
    return routeSegments(bundle.routes, (id) => {
      const n = lookup.get(id);
      return n && { ...n.internals.positionAbsolute, width: n.measured.width, height: n.measured.height };
    });
  }, [bundle, nodes, lookup]);
  // Only the part of the canvas on screen (and a margin) is painted: a hub's lines span the whole design, and an
  // unclipped path would have the browser raster thousands of off-screen pixels again on every frame of a drag.
  const view = useStore(viewRect, sameRect);
  const d = useMemo(() => bundlePath(segments.filter((g) => crosses(g, view))), [segments, view]);

  const onClick = useCallback((e: React.MouseEvent) => {
    const id = nearestSegment(segments, screenToFlowPosition({ x: e.clientX, y: e.clientY }), REACH_PX / getZoom());
    if (!id) return;
    store.getState().select({ hosts: [], tunnels: bundle.kind === 'tunnel' ? [id] : [], flows: bundle.kind === 'flow' ? [id] : [] });
  }, [segments, screenToFlowPosition, getZoom, store, bundle.kind]);

  // Zoomed far out, unremarkable flows are not drawn (as FlowEdge does): they would run over their tunnels.
  if (zoomedOut && bundle.kind === 'flow') return null;
  return (
    <EdgeLabelRenderer>
      <svg className={`edge-bundle edge-bundle--${bundle.kind}`} data-testid={`${bundle.kind}-bundle`} data-count={bundle.routes.length}
        width={view.width} height={view.height} viewBox={`${view.x} ${view.y} ${view.width} ${view.height}`}
        style={{ transform: `translate(${view.x}px, ${view.y}px)` }}>
        <path className="edge-bundle__path" d={d} onClick={onClick} />
      </svg>
    </EdgeLabelRenderer>
  );
}

export const EdgeBundle = memo(EdgeBundleView);
