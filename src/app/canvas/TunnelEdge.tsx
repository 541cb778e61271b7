import { memo } from 'react';
import type { EdgeProps } from '@xyflow/react';
import { useApp } from '../store/store-context';
import { EdgeLabel } from './EdgeLabel';
import { tunnelLabel } from './edge-labels';
import { useEdgeLayoutContext } from './edge-layout-context';
import type { TunnelEdgeType } from './flow-types';

/**
 * A tunnel: a solid line between the facing sides of its hosts, bent around any card in its way, labelled with
 * its MTU and keepalive where the label meets no card and no other label (see layoutEdges).
 */
function TunnelEdgeView({ id, data, selected, sourceX, sourceY, targetX, targetY }: EdgeProps<TunnelEdgeType>) {
  const layout = useEdgeLayoutContext();
  // On the path of the matrix cell picked, or the tunnel whose AllowedIPs drop its packet (matrix/cell-highlight.ts).
  const mark = useApp((s) => s.matrixHighlight?.tunnels.get(data?.tunnel.id ?? '') ?? null);
  const markClass = mark ? ` is-matrix-${mark}` : '';
  // During a large drag: straight between React Flow's end points, which only the moved card's edges get anew.
  if (layout.light) return <path id={id} className={`react-flow__edge-path tunnel-path${markClass}`} data-matrix={mark ?? undefined} d={`M${sourceX},${sourceY}L${targetX},${targetY}`} />;
  const drawing = layout.tunnels.get(data?.tunnel.id ?? '');
  if (!data || !drawing) return null;
  const { d, label } = drawing;
  const sev = data.severity;
  const title = `Tunnel ${data.tunnel.id}: ${data.tunnel.a} ↔ ${data.tunnel.b}, ${tunnelLabel(data.mtu, data.keepalive).full}`;
  return (
    <>
      <path id={id} className={`react-flow__edge-path tunnel-path${markClass}`} data-matrix={mark ?? undefined} d={d} />
      <path className="react-flow__edge-interaction" d={d} fill="none" strokeOpacity={0} strokeWidth={18}><title>{title}</title></path>
      {label && <EdgeLabel spot={label} {...tunnelLabel(data.mtu, data.keepalive)} title={title} testId="tunnel-label"
        className={`tunnel-label${selected ? ' is-selected' : ''}${sev ? ` is-${sev}` : ''}`} data={{ 'data-tunnel-id': data.tunnel.id }} />}
    </>
  );
}

export const TunnelEdge = memo(TunnelEdgeView);
