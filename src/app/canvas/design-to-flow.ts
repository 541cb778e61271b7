import { Position } from '@xyflow/react';
import type { NodeHandle } from '@xyflow/react';
import type { Design, Plan } from '../../engine';
import type { Selection } from '../store/selection';
import type { DesignEdge, FlowEdgeType, HostNodeType, TunnelEdgeType } from './flow-types';
import { flowEdgeId, tunnelEdgeId } from './flow-types';
import type { SeverityIndex } from './severity-index';

export type Measured = ReadonlyMap<string, { width: number; height: number }>;

/** A card's usual size and its four handles (11 px, centred on each side), until React Flow has measured it. */
const CARD = { width: 210, height: 96 };
const ESTIMATED_HANDLES: NodeHandle[] = [
  { id: 'top', type: 'source', position: Position.Top, x: CARD.width / 2 - 5.5, y: -5.5, width: 11, height: 11 },
  { id: 'right', type: 'source', position: Position.Right, x: CARD.width - 5.5, y: CARD.height / 2 - 5.5, width: 11, height: 11 },
  { id: 'bottom', type: 'source', position: Position.Bottom, x: CARD.width / 2 - 5.5, y: CARD.height - 5.5, width: 11, height: 11 },
  { id: 'left', type: 'source', position: Position.Left, x: -5.5, y: CARD.height / 2 - 5.5, width: 11, height: 11 },
];

/**
 * React Flow nodes, derived from the design on every change and never stored: the design is the only truth.
 * `measured` carries React Flow's own size measurements back in, so it need not measure again. With `estimate`,
 * a card not measured yet gets the usual size and handles: React Flow otherwise mounts every unmeasured card once
 * to measure it, all 1,000 of a large design on its first render even though a few are on screen.
 */
export function hostNodes(design: Design, selection: Selection, severity: SeverityIndex, measured: Measured, pendingKeys: readonly string[], estimate = false): HostNodeType[] {
  const selected = new Set(selection.hosts);
  const pending = new Set(pendingKeys);
  return design.hosts.map((host) => {
    const m = measured.get(host.id);
    return {
      id: host.id,
      type: 'host',
      position: host.position,
      selected: selected.has(host.id),
      data: { host, severity: severity.hosts.get(host.id) ?? null, keysPending: pending.has(host.id) },
      ...(m ? { measured: m } : estimate ? { initialWidth: CARD.width, initialHeight: CARD.height, handles: ESTIMATED_HANDLES } : {}),
    };
  });
}

/** Tunnels as edges, labelled with the plan's MTU and keepalive; red or amber when a finding names them. */
export function tunnelEdges(design: Pick<Design, 'tunnels'>, plan: Plan | null, selection: Selection, severity: SeverityIndex): TunnelEdgeType[] {
  const selected = new Set(selection.tunnels);
  const mtu = new Map(plan?.tunnels.map((t) => [t.tunnel.id, t.safeMtu]) ?? []);
  const keepalive = new Map<string, string[]>();
  for (const hp of plan?.hosts ?? []) {
    for (const p of hp.peers) {
      if (p.keepalive === null) continue;
      const list = keepalive.get(p.tunnelId) ?? [];
      list.push(`${hp.host.id} ${p.keepalive} s`);
      keepalive.set(p.tunnelId, list);
    }
  }
  return design.tunnels.map((t) => {
    const s = severity.tunnels.get(t.id) ?? null;
    return {
      id: tunnelEdgeId(t.id),
      type: 'tunnel',
      source: t.a,
      target: t.b,
      selected: selected.has(t.id),
      className: s ? `is-${s}` : undefined,
      data: { tunnel: t, mtu: mtu.get(t.id) ?? null, keepalive: keepalive.get(t.id)?.join(', ') ?? 'off', severity: s },
    };
  });
}

/** Flows as dashed, arrowed edges from source to target (a service's flow ends at its gateway). */
export function flowEdges(design: Pick<Design, 'flows'>, plan: Plan | null, selection: Selection, severity: SeverityIndex): FlowEdgeType[] {
  const selected = new Set(selection.flows);
  const paths = new Map(plan?.flows.filter((f) => !f.reverse && f.path).map((f) => [f.flowId, f.path ?? []]) ?? []);
  return design.flows.map((f) => {
    const target = f.to.split('/')[0] ?? f.to;
    const s = severity.flows.get(f.id) ?? null;
    return {
      id: flowEdgeId(f.id),
      type: 'flow',
      source: f.from,
      target,
      selected: selected.has(f.id),
      className: s ? `is-${s}` : undefined,
      data: { flow: f, severity: s, via: paths.get(f.id)?.slice(1, -1) ?? [] },
    };
  });
}

export function designEdges(design: Design, plan: Plan | null, selection: Selection, severity: SeverityIndex): DesignEdge[] {
  return [...tunnelEdges(design, plan, selection, severity), ...flowEdges(design, plan, selection, severity)];
}
