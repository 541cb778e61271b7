import { memo } from 'react';
import { EdgeLabelRenderer, useInternalNode } from '@xyflow/react';
import type { EdgeProps } from '@xyflow/react';
import { edgeEnds } from './floating-geometry';
import type { FlowEdgeType } from './flow-types';

/** How far each parallel flow bows away from the tunnel line, in canvas pixels. */
const LANE_OFFSET = 38;

/** A flow: a dashed, arrowed curve bowed off the tunnel line, so it never hides under one. */
function FlowEdgeView({ id, source, target, data, selected }: EdgeProps<FlowEdgeType>) {
  const a = useInternalNode(source);
  const b = useInternalNode(target);
  if (!a || !b || !data) return null;
  const { s, t } = edgeEnds(a, b);
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  const len = Math.hypot(dx, dy) || 1;
  const bow = LANE_OFFSET * (data.lane + 1);
  const cx = (s.x + t.x) / 2 - (dy / len) * bow;
  const cy = (s.y + t.y) / 2 + (dx / len) * bow;
  const path = `M ${s.x},${s.y} Q ${cx},${cy} ${t.x},${t.y}`;
  // The curve's midpoint (t = 0.5 on a quadratic Bézier).
  const lx = (s.x + 2 * cx + t.x) / 4;
  const ly = (s.y + 2 * cy + t.y) / 4;
  const f = data.flow;
  const both = f.kind === 'replication';
  return (
    <>
      <path id={id} className="react-flow__edge-path flow-path" d={path}
        markerEnd="url(#wgd-arrow)" markerStart={both ? 'url(#wgd-arrow-start)' : undefined} />
      <path className="react-flow__edge-interaction" d={path} fill="none" strokeOpacity={0} strokeWidth={16} />
      <EdgeLabelRenderer>
        <div
          className={`edge-label flow-label${selected ? ' is-selected' : ''}${data.severity ? ` is-${data.severity}` : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${lx}px, ${ly}px)` }}
          data-testid="flow-label"
          data-flow-id={f.id}
          title={`Flow ${f.id}: ${f.from} → ${f.to} ${f.proto}/${f.port}${both ? ' (replication, both ways)' : ''}`}
        >
          {both ? '⇄' : '→'} {f.proto}/{f.port}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const FlowEdge = memo(FlowEdgeView);
