import type { Edge, Node } from '@xyflow/react';
import type { Flow, Host, Severity, Tunnel } from '../../engine';

/** A host card's data: the host itself plus what the engine says about it. */
export type HostNodeData = {
  host: Host;
  severity: Severity | null;
  /** True while the worker makes this host's keys. */
  keysPending: boolean;
};
export type HostNodeType = Node<HostNodeData, 'host'>;

export type TunnelEdgeData = {
  tunnel: Tunnel;
  /** The tunnel's safe inner MTU, from the plan. */
  mtu: number | null;
  /** PersistentKeepalive per side that sends it, e.g. "app-3 25 s". */
  keepalive: string;
  severity: Severity | null;
};
export type TunnelEdgeType = Edge<TunnelEdgeData, 'tunnel'>;

export type FlowEdgeData = {
  flow: Flow;
  severity: Severity | null;
  /** Hosts the flow passes through on its way (from the plan), so it is drawn along the tunnels that carry it. */
  via: string[];
};
export type FlowEdgeType = Edge<FlowEdgeData, 'flow'>;

export type DesignEdge = TunnelEdgeType | FlowEdgeType;

/** Edge ids are prefixed: a tunnel and a flow may share an id in the design. */
export const tunnelEdgeId = (id: string) => `tunnel:${id}`;
export const flowEdgeId = (id: string) => `flow:${id}`;

export function parseEdgeId(edgeId: string): { kind: 'tunnel' | 'flow'; id: string } | null {
  const m = /^(tunnel|flow):(.+)$/.exec(edgeId);
  return m ? { kind: m[1] as 'tunnel' | 'flow', id: m[2] as string } : null;
}
