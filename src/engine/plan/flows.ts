import type { Design, Flow, Host } from '../model/design';
import { flowTarget } from '../model/flow-target';
import { containsAddress } from '../net';
import type { Prefix } from '../net';
import { parsedHost } from './parsed-host';
import { findPath, tunnelBetween } from './topology';
import type { Topology } from './topology';
import type { FlowPlan, TunnelPlan } from './types';

/**
 * A declared flow resolved to prefixes and a path; replication flows also yield their reverse. The plan hands these
 * out as its flows, so the inspector can say which flow put a prefix in a tunnel's AllowedIPs.
 */
export type ResolvedFlow = FlowPlan;

/**
 * A host's overlay addresses as host routes (`/32`, `/128`), whatever length its interface Address was written
 * with: what peers route to it and what its firewall rules name. The host's parsed list itself, shared by every flow
 * from or to it (read-only), rather than a copy per flow.
 */
export function addressesOf(host: Host): readonly Prefix[] {
  return parsedHost(host).hostRoutes;
}

/** Resolves every flow of the design: O(flows · path work). Replication flows are planned in both directions. */
export function resolveFlows(design: Design, topo: Topology, tunnels: ReadonlyMap<string, TunnelPlan>): ResolvedFlow[] {
  const out: ResolvedFlow[] = [];
  const resolve = (flow: Flow) => {
    const forward = resolveFlow(flow, flow.from, flow.to, false, topo, tunnels);
    if (forward) out.push(forward);
    if (flow.kind === 'replication' && !flow.to.includes('/')) {
      const back = resolveFlow(flow, flow.to, flow.from, true, topo, tunnels);
      if (back) out.push(back);
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

function resolveFlow(
  flow: Flow, fromId: string, toRef: string, reverse: boolean, topo: Topology, tunnels: ReadonlyMap<string, TunnelPlan>,
): ResolvedFlow | null {
  const { hostId: toId, serviceId } = flowTarget(toRef);
  const from = topo.hosts.get(fromId);
  const to = topo.hosts.get(toId);
  if (!from || !to) return null;
  const service = serviceId === null ? null : to.services.find((s) => s.id === serviceId) ?? null;
  if (serviceId !== null && !service) return null;
  const serviceRoute = service ? parsedHost(to).services.get(service.id) : undefined;
  const target = serviceRoute ? serviceTarget(to, serviceRoute) : null;
  const destinations = target ? target.destinations : addressesOf(to);
  const routeDestinations = target ? target.routeDestinations : destinations;
  const path = canonicalPath(topo, fromId, toId);
  return {
    flowId: flow.id,
    from: fromId,
    to: toId,
    sources: addressesOf(from),
    destinations,
    routeDestinations,
    port: flow.port,
    proto: flow.proto,
    path,
    unroutable: path ? null : `no chain of tunnels joins ${fromId} to ${toId} through gateways`,
    pathMtu: path ? pathMtu(path, topo, tunnels) : null,
    toService: service !== null,
    reverse,
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

/** What flows to a service name: the service's address, and the lan that holds it as the route. */
interface ServiceTarget {
  destinations: readonly Prefix[];
  routeDestinations: readonly Prefix[];
}

// By the parsed service address, which parsedHost makes anew when the gateway's texts (lans included) change: every
// flow to a service shares its lists instead of two new ones per flow.
const targets = new WeakMap<Prefix, ServiceTarget>();

/** A service is routed as the lan that holds it, so one AllowedIPs entry serves every service in that lan. */
function serviceTarget(gateway: Host, address: Prefix): ServiceTarget {
  let target = targets.get(address);
  if (!target) {
    const a = { family: address.family, value: address.addr };
    const lan = parsedHost(gateway).lans.find((p) => containsAddress(p, a));
    target = { destinations: [address], routeDestinations: [lan ?? address] };
    targets.set(address, target);
  }
  return target;
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
