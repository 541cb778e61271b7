// Tests: build-plan.test.ts (flows through the hub, to a service lan, replication both ways) and validate/rules/flow-reachability.test.ts.
import type { Design, Flow } from '../model/design';
import { flowPorts, replicationPorts } from '../model/database-ports';
import { flowTarget } from '../model/flow-target';
import { findPath, tunnelBetween } from './topology';
import type { Topology } from './topology';
import type { FlowPlan, TunnelPlan } from './types';

/**
 * Resolves every flow of the design to prefixes and a path: O(flows · path work). Replication flows are planned in
 * both directions: after a promotion the old primary streams from (pg_rewind against, pg_basebackup from) the new
 * one, so each node must reach the other. A flow with no port gets one plan per port its target's engine replicates
 * over (`model/database-ports.ts`), each under the flow's id. The plan hands these out as its flows, so the inspector
 * can say which flow put a prefix where.
 */
export function resolveFlows(design: Design, topo: Topology, tunnels: ReadonlyMap<string, TunnelPlan>): FlowPlan[] {
  const out: FlowPlan[] = [];
  // The plan made for the first port, then a copy for each further one (most flows have one port: no copy).
  const push = (plan: FlowPlan | null, ports: readonly number[]) => {
    if (!plan) return;
    out.push(plan);
    // Past the first (the client port), the engine's default ports serve modes it may not run.
    for (let i = 1; i < ports.length; i++) out.push({ ...plan, port: ports[i] as number, optionalPort: true });
  };
  const resolve = (flow: Flow) => {
    const ports = flowPorts(flow, topo.hosts.get(flowTarget(flow.to).hostId));
    push(resolveFlow(flow, flow.from, flow.to, false, ports[0], topo, tunnels), ports);
    if (flow.kind === 'replication' && !flow.to.includes('/')) {
      // The reverse half opens the source's own replication ports (the same engine's, in a correct design).
      const source = flow.port === null ? topo.hosts.get(flow.from)?.database : undefined;
      const backPorts = source ? replicationPorts(source) : ports;
      push(resolveFlow(flow, flow.to, flow.from, true, backPorts[0], topo, tunnels), backPorts);
    }
  };
  for (const flow of design.flows) resolve(flow);
  for (const flow of monitoringFlows(design)) resolve(flow);
  return out;
}

/** The monitoring host scrapes the exporter on every other host it manages: flows the user need not draw. */
export function monitoringFlows(design: Design): Flow[] {
  const m = design.network.monitoring;
  if (!m) return [];
  return design.hosts
    .filter((h) => h.id !== m.host && !h.external)
    .map((h) => ({ id: `monitor-${h.id}`.slice(0, 63), from: m.host, to: h.id, port: m.exporterPort, proto: 'tcp' as const, kind: 'client' as const }));
}

/**
 * The plan of a packet the design declares no flow for (a policy test, a cell of the reachability matrix): `from` to
 * `toRef` (a host id or `gateway-id/service-id`) on one port, over the same canonical path a flow would take. Its
 * flowId is `flowId`, which names no declared flow. Null when a host or the service does not exist.
 */
export function resolveProbe(
  flowId: string, from: string, toRef: string, port: number, proto: Flow['proto'], topo: Topology, tunnels: ReadonlyMap<string, TunnelPlan>,
): FlowPlan | null {
  return resolveFlow({ id: flowId, from, to: toRef, port, proto, kind: 'client' }, from, toRef, false, port, topo, tunnels);
}

function resolveFlow(
  flow: Flow, fromId: string, toRef: string, reverse: boolean, port: number | undefined, topo: Topology,
  tunnels: ReadonlyMap<string, TunnelPlan>,
): FlowPlan | null {
  const { hostId: toId, serviceId } = flowTarget(toRef);
  const from = topo.hosts.get(fromId);
  const to = topo.hosts.get(toId);
  if (!from || !to || port === undefined) return null;
  const service = serviceId === null ? null : to.services.find((s) => s.id === serviceId) ?? null;
  if (serviceId !== null && !service) return null;
  // Host routes (`/32`, `/128`) whatever length the interface Address was written with: the parsed lists themselves,
  // shared by every flow from or to the host (read-only).
  const parsedTo = topo.parsed.of(to);
  const target = service ? parsedTo.serviceTargets.get(service.id) : undefined;
  const destinations = target ? target.destinations : parsedTo.hostRoutes;
  const routeDestinations = target ? target.routeDestinations : destinations;
  const path = canonicalPath(topo, fromId, toId);
  return {
    flowId: flow.id,
    from: fromId,
    to: toId,
    sources: topo.parsed.of(from).hostRoutes,
    destinations,
    routeDestinations,
    port,
    proto: flow.proto,
    path,
    unroutable: path ? null : `no chain of tunnels joins ${fromId} to ${toId} through gateways`,
    pathMtu: path ? pathMtu(path, topo, tunnels) : null,
    toService: service !== null,
    serviceId: service?.id ?? null,
    reverse,
    kind: flow.kind,
    bulk: flow.kind !== 'client',
    optionalPort: false,
  };
}

/**
 * One path per pair of hosts whichever way a flow goes, so replies come back over the tunnels the requests took:
 * WireGuard drops a packet whose source is not in the AllowedIPs of the peer it arrived from.
 */
export function canonicalPath(topo: Topology, a: string, b: string): string[] | null {
  if (a <= b) return findPath(topo, a, b);
  return findPath(topo, b, a)?.reverse() ?? null;
}

/** Smallest safe tunnel MTU along a path. */
export function pathMtu(path: readonly string[], topo: Topology, tunnels: ReadonlyMap<string, TunnelPlan>): number | null {
  let mtu: number | null = null;
  for (let i = 0; i + 1 < path.length; i++) {
    const t = tunnelBetween(topo, path[i] as string, path[i + 1] as string);
    const safe = t ? tunnels.get(t.id)?.safeMtu : undefined;
    if (safe !== undefined) mtu = mtu === null ? safe : Math.min(mtu, safe);
  }
  return mtu;
}
