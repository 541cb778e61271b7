import { memo } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { kindOf } from '../../engine';
import { HostIcon } from '../icons/HostIcon';
import { useApp } from '../store/store-context';
import type { HostNodeType } from './flow-types';
import { useZoomedOut } from './use-zoomed-out';

const ROLE_LABEL = { db: 'database', app: 'app host', gateway: 'gateway', client: 'admin client' } as const;

/**
 * A host card: name, id, overlay address and what it runs; four handles to draw tunnels (or flows) from. Zoomed
 * far out, only the head (icon, name, severity) is drawn.
 */
function HostNodeView({ data, selected }: NodeProps<HostNodeType>) {
  const { host, severity, keysPending } = data;
  const zoomedOut = useZoomedOut();
  // A boolean per card: only the cards whose match changes re-render as the search query is typed.
  const dimmed = useApp((s) => s.hostFilter !== null && !s.hostFilter.has(host.id));
  // On the path of the matrix cell picked, or where its packet stops (matrix/cell-highlight.ts).
  const mark = useApp((s) => s.matrixHighlight?.hosts.get(host.id) ?? null);
  const kind = kindOf(host);
  const classes = ['host-node', `host-node--${host.role}`, selected ? 'is-selected' : '', severity ? `has-${severity}` : '', dimmed ? 'is-dimmed' : '',
    mark ? `is-matrix-${mark}` : ''];
  return (
    <div className={classes.join(' ')} data-testid="host-node" data-host-id={host.id} data-matrix={mark ?? undefined}>
      {(['top', 'right', 'bottom', 'left'] as const).map((side) => (
        <Handle key={side} id={side} type="source" position={SIDES[side]} className={`host-handle host-handle--${side}`} />
      ))}
      <div className="host-node__head">
        <span className={`host-node__icon kind-${kind}`}><HostIcon kind={kind} /></span>
        <span className="host-node__name" title={host.name}>{host.name}</span>
        {severity && <span className={`sev-dot sev-dot--${severity}`} title={`Has ${severity} findings`} />}
      </div>
      {!zoomedOut && <>
      <div className="host-node__meta">
        <span className="mono">{host.id}</span>
        <span className="mono host-node__addr">{host.addresses[0] ?? 'no address'}</span>
      </div>
      <div className="host-node__tags">
        <span className="tag">{ROLE_LABEL[host.role]}</span>
        {host.database && <span className="tag tag--db">{host.database.engine} :{host.database.port}</span>}
        {host.lans.map((l) => <span key={l} className="tag tag--lan mono">{l}</span>)}
        {host.services.map((s) => <span key={s.id} className="tag tag--svc" title={`${s.name} ${s.address}:${s.port}`}>{s.id} :{s.port}</span>)}
        {host.behindNat && <span className="tag">NAT</span>}
        {host.external && <span className="tag">external</span>}
        {keysPending && <span className="tag tag--muted">keys…</span>}
      </div>
      </>}
    </div>
  );
}

const SIDES = { top: Position.Top, right: Position.Right, bottom: Position.Bottom, left: Position.Left } as const;

export const HostNode = memo(HostNodeView);
