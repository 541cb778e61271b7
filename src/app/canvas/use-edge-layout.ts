import { useMemo, useState } from 'react';
import { useStore } from '@xyflow/react';
import type { Measured } from './design-to-flow';
import { flowLabel, tunnelLabel } from './edge-labels';
import { labelEdges, routeEdges } from './edge-layout';
import type { EdgeLayout, FlowLine, HostBox, TunnelLine } from './edge-layout';
import type { DesignEdge, HostNodeType } from './flow-types';
import { sameBoxes } from './same-geometry';
import { sameRect, viewRect } from './view-rect';

/** A card not measured yet is taken at the usual card size (as hostNodes assumes). */
const CARD = { width: 210, height: 96 };
/**
 * Above this many edges, a drag draws tunnels straight and flows not at all until the drop: detours and labels
 * for a 250-host hub's 500 edges cost some 50 ms a frame (measured in Node), and a layout that changes every frame
 * re-renders every edge through the context, on top of React Flow's own work.
 */
const LIGHT_DRAG_OVER = 100;

/**
 * Routes and labels for the edges React Flow draws, from the cards where they are now (a drag included) and the
 * sizes React Flow measured. Routes are redone when something moved; labels also when the visible area changed
 * (only edges on screen are labelled). Bundled edges of a large design are not here: they are drawn straight.
 * While a card of a design with over LIGHT_DRAG_OVER edges is dragged, the layout is LIGHT_LAYOUT, unchanged
 * frame to frame: tunnels follow React Flow's end points (only those of the moved card re-render), flows wait.
 */
export function useEdgeLayout(nodes: readonly HostNodeType[], edges: readonly DesignEdge[], measured: Measured, zoomedOut: boolean, dragging: boolean): EdgeLayout {
  const light = dragging && edges.length > LIGHT_DRAG_OVER;
  const [stableBoxes] = useState(boxKeeper);
  // The cards' boxes keep their list while nothing moved, so the routes below are not redone for an edit in place.
  const hosts = useMemo(() => stableBoxes(nodes.map((n) => {
    const m = measured.get(n.id) ?? CARD;
    return { id: n.id, x: n.position.x, y: n.position.y, width: m.width, height: m.height };
  })), [stableBoxes, nodes, measured]);
  const layout = useMemo(() => {
    if (light) return null;
    const tunnels: TunnelLine[] = [];
    const flows: FlowLine[] = [];
    // Labels a finding names go first; selection does not reorder them (labels would jump on every click).
    const first = new Set<string>();
    for (const e of edges) {
      if (e.type === 'tunnel' && e.data) {
        tunnels.push({ id: e.data.tunnel.id, a: e.source, b: e.target, ...tunnelLabel(e.data.mtu, e.data.keepalive) });
        if (e.data.severity) first.add(`tunnel:${e.data.tunnel.id}`);
      } else if (e.type === 'flow' && e.data) {
        flows.push({ id: e.data.flow.id, hops: [e.source, ...e.data.via, e.target], ...flowLabel(e.data.flow) });
        if (e.data.severity) first.add(`flow:${e.data.flow.id}`);
      }
    }
    return { routed: routeEdges(hosts, tunnels, flows, true), first };
  }, [hosts, edges, light]);
  const view = useStore(viewRect, sameRect);
  return useMemo(() => (layout === null ? LIGHT_LAYOUT
    : labelEdges(layout.routed, { labels: !zoomedOut, first: layout.first, within: view })), [layout, zoomedOut, view]);
}

/** A function that returns the previous boxes while the cards stay where they were, at the same sizes. */
function boxKeeper() {
  let previous: readonly HostBox[] = [];
  return (next: readonly HostBox[]): readonly HostBox[] => {
    if (!sameBoxes(previous, next)) previous = next;
    return previous;
  };
}

/** The one layout of every frame of a large drag: nothing routed, so no edge re-renders for the layout's sake. */
const LIGHT_LAYOUT: EdgeLayout = { tunnels: new Map(), flows: new Map(), light: true };
