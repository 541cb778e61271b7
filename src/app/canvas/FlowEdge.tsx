import { memo } from 'react';
import type { EdgeProps } from '@xyflow/react';
import { flowPortText } from '../../engine';
import { EdgeLabel } from './EdgeLabel';
import { flowLabel } from './edge-labels';
import { useEdgeLayoutContext } from './edge-layout-context';
import type { FlowEdgeType } from './flow-types';
import { useZoomedOut } from './use-zoomed-out';

/**
 * A flow: a dashed, arrowed line along the tunnels that carry it, through the hosts that forward it (from the
 * plan), running beside them so it never hides a tunnel. A flow with no route is drawn on its own, and red.
 */
function FlowEdgeView({ id, data, selected }: EdgeProps<FlowEdgeType>) {
  const layout = useEdgeLayoutContext();
  const drawing = layout.flows.get(data?.flow.id ?? '');
  const zoomedOut = useZoomedOut();
  // During a large drag flows are not drawn (LIGHT_LAYOUT has none): they come back routed at the drop.
  if (!data || !drawing) return null;
  // Zoomed far out, a flow runs 14 px beside its tunnels: clutter, and a thousand dashed paths to paint. Only the
  // flows that matter then (selected, or named by a finding) are drawn; zooming in shows them all.
  if (zoomedOut && !selected && !data.severity) return null;
  const { d, label } = drawing;
  const f = data.flow;
  const both = f.kind === 'replication';
  const title = `Flow ${f.id}: ${f.from} → ${f.to} ${f.proto}/${flowPortText(f)}${both ? ' (replication, both ways)' : ''}${data.via.length ? ` via ${data.via.join(', ')}` : ''}`;
  return (
    <>
      <path id={id} className="react-flow__edge-path flow-path" d={d}
        markerEnd="url(#wgd-arrow)" markerStart={both ? 'url(#wgd-arrow-start)' : undefined} />
      <path className="react-flow__edge-interaction" d={d} fill="none" strokeOpacity={0} strokeWidth={14}><title>{title}</title></path>
      {label && <EdgeLabel spot={label} {...flowLabel(f)} title={title} testId="flow-label"
        className={`flow-label${selected ? ' is-selected' : ''}${data.severity ? ` is-${data.severity}` : ''}`} data={{ 'data-flow-id': f.id }} />}
    </>
  );
}

export const FlowEdge = memo(FlowEdgeView);
