import { useMemo } from 'react';
import { useStore } from '@xyflow/react';
import type { Measured } from './design-to-flow';
import { flowLabel, tunnelLabel } from './edge-labels';
import { labelEdges, routeEdges } from './edge-layout';
import type { EdgeLayout, FlowLine, HostBox, TunnelLine } from './edge-layout';
import type { DesignEdge, HostNodeType } from './flow-types';
import { sameRect, viewRect } from './view-rect';

/** A card not measured yet is taken at the usual card size (as hostNodes assumes). */
const CARD = { width: 210, height: 96 };
/**
 * Above this many edges, a drag draws them straight and unlabelled until the drop: detours and labels for a
 * 250-host hub's 500 edges cost some 50 ms a frame (measured in Node), on top of React Flow's own work.
 */
const LIGHT_DRAG_OVER = 100;

/**
 * Routes and labels for the edges React Flow draws, from the cards where they are now (a drag included) and the
 * sizes React Flow measured. Routes are redone when something moved; labels also when the visible area changed
 * (only edges on screen are labelled). Bundled edges of a large design are not here: they are drawn straight.
 * While a card of a design with over LIGHT_DRAG_OVER edges is dragged, edges are straight and unlabelled.
 */
export function useEdgeLayout(nodes: readonly HostNodeType[], edges: readonly DesignEdge[], measured: Measured, zoomedOut: boolean, dragging: boolean): EdgeLayout {
  const light = dragging && edges.length > LIGHT_DRAG_OVER;
  const { routed, first } = useMemo(() => {
    const hosts: HostBox[] = nodes.map((n) => {
      const m = measured.get(n.id) ?? CARD;
      return { id: n.id, x: n.position.x, y: n.position.y, width: m.width, height: m.height };
    });
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
    return { routed: routeEdges(hosts, tunnels, flows, !light), first };
  }, [nodes, edges, measured, light]);
  const view = useStore(viewRect, sameRect);
  return useMemo(() => labelEdges(routed, { labels: !zoomedOut && !light, first, within: view }), [routed, first, zoomedOut, light, view]);
}
