import { memo } from 'react';
import { EdgeLabelRenderer, useInternalNode } from '@xyflow/react';
import type { EdgeProps } from '@xyflow/react';
import { edgeEnds } from './floating-geometry';
import type { TunnelEdgeType } from './flow-types';
import { useZoomedOut } from './use-zoomed-out';

/** A tunnel: a solid line between host borders, labelled with its MTU and keepalive (unless zoomed far out). */
function TunnelEdgeView({ id, source, target, data, selected }: EdgeProps<TunnelEdgeType>) {
  const a = useInternalNode(source);
  const b = useInternalNode(target);
  const zoomedOut = useZoomedOut();
  if (!a || !b || !data) return null;
  const { s, t } = edgeEnds(a, b);
  const path = `M ${s.x},${s.y} L ${t.x},${t.y}`;
  const lx = (s.x + t.x) / 2;
  const ly = (s.y + t.y) / 2;
  const sev = data.severity;
  return (
    <>
      <path id={id} className="react-flow__edge-path tunnel-path" d={path} />
      <path className="react-flow__edge-interaction" d={path} fill="none" strokeOpacity={0} strokeWidth={18} />
      {!zoomedOut && <EdgeLabelRenderer>
        <div
          className={`edge-label tunnel-label${selected ? ' is-selected' : ''}${sev ? ` is-${sev}` : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${lx}px, ${ly}px)` }}
          data-testid="tunnel-label"
          data-tunnel-id={data.tunnel.id}
          title={`Tunnel ${data.tunnel.id}: ${data.tunnel.a} ↔ ${data.tunnel.b}`}
        >
          MTU {data.mtu ?? '?'} · ka {data.keepalive}
        </div>
      </EdgeLabelRenderer>}
    </>
  );
}

export const TunnelEdge = memo(TunnelEdgeView);
