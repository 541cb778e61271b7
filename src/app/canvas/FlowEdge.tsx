import { memo } from 'react';
import { EdgeLabelRenderer, useInternalNode, useStore } from '@xyflow/react';
import type { EdgeProps, ReactFlowState } from '@xyflow/react';
import { shallow } from 'zustand/shallow';
import { borderPoint, centerOf } from './floating-geometry';
import type { Point } from './floating-geometry';
import { LANE_GAP, routedPath } from './flow-route';
import type { FlowEdgeType } from './flow-types';
import { useZoomedOut } from './use-zoomed-out';

/**
 * A flow: a dashed, arrowed line that follows the tunnels carrying it (through the hosts on its path), running
 * beside them so it never hides a tunnel. A flow with no route is drawn straight, and red.
 */
function FlowEdgeView({ id, source, target, data, selected }: EdgeProps<FlowEdgeType>) {
  const a = useInternalNode(source);
  const b = useInternalNode(target);
  const via = data?.via;
  const hops = useStore((s: ReactFlowState) => (via ?? []).map((v) => {
    const n = s.nodeLookup.get(v);
    return n ? `${n.internals.positionAbsolute.x + (n.measured.width ?? 0) / 2},${n.internals.positionAbsolute.y + (n.measured.height ?? 0) / 2}` : '';
  }), shallow);
  const zoomedOut = useZoomedOut();
  if (!a || !b || !data) return null;
  // Zoomed far out, a flow runs 3 px beside its tunnels: clutter, and a thousand dashed paths to paint. Only the
  // flows that matter then (selected, or named by a finding) are drawn; zooming in shows them all.
  if (zoomedOut && !selected && !data.severity) return null;
  const middle: Point[] = hops.filter(Boolean).map((h) => {
    const [x = 0, y = 0] = h.split(',').map(Number);
    return { x, y };
  });
  const first = borderPoint(a, middle[0] ?? centerOf(b));
  const last = borderPoint(b, middle[middle.length - 1] ?? centerOf(a));
  const { d, mid } = routedPath([first, ...middle, last], LANE_GAP * (data.lane + 1), 0.28 + 0.12 * (data.lane % 4));
  const f = data.flow;
  const both = f.kind === 'replication';
  return (
    <>
      <path id={id} className="react-flow__edge-path flow-path" d={d}
        markerEnd="url(#wgd-arrow)" markerStart={both ? 'url(#wgd-arrow-start)' : undefined} />
      <path className="react-flow__edge-interaction" d={d} fill="none" strokeOpacity={0} strokeWidth={14} />
      {!zoomedOut && <EdgeLabelRenderer>
        <div
          className={`edge-label flow-label${selected ? ' is-selected' : ''}${data.severity ? ` is-${data.severity}` : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${mid.x}px, ${mid.y}px)` }}
          data-testid="flow-label"
          data-flow-id={f.id}
          title={`Flow ${f.id}: ${f.from} → ${f.to} ${f.proto}/${f.port}${both ? ' (replication, both ways)' : ''}${data.via.length ? ` via ${data.via.join(', ')}` : ''}`}
        >
          {both ? '⇄' : '→'} {f.proto}/{f.port}
        </div>
      </EdgeLabelRenderer>}
    </>
  );
}

export const FlowEdge = memo(FlowEdgeView);
