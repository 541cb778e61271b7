import { custodyOf } from '../model/design';
import type { Design, Host } from '../model/design';
import { hostAllowedIPs, planAllowedIPs, poolPrefixes } from './allowed-ips';
import type { RouteConflict } from './allowed-ips';
import { planFirewalls } from './firewall-intent';
import { failoverFlows, floatingAddresses } from './failover-flows';
import { resolveFlows } from './flows';
import { keepaliveFor } from './keepalive';
import { hostMtu, planTunnelMtu } from './mtu';
import { ParsedHosts } from './parsed-host';
import { pushTo } from './push-to';
import { buildTopology, isRouter } from './topology';
import type { Topology } from './topology';
import type { FlowPlan, HostPlan, PeerPlan, Plan, TunnelPlan } from './types';

/** A plan plus what the validation rules need to look behind it. */
export interface FullPlan extends Plan {
  topology: Topology;
  resolvedFlows: FlowPlan[];
  conflicts: RouteConflict[];
  /** Host id -> its planned tunnels, in design order (hosts without one are absent). */
  tunnelsOfHost: ReadonlyMap<string, readonly TunnelPlan[]>;
  /** The hosts' texts, parsed once for the plan and its validation. */
  parsed: ParsedHosts;
}

/** What a plan may share with its caller: the parsed host texts, for a caller that plans the same hosts again. */
export interface PlanContext {
  parsed: ParsedHosts;
}

/**
 * Design -> per-host plan: the one truth every renderer reads. The design must be complete (addresses allocated);
 * keys may be missing, in which case renderers show placeholders. Linear in hosts, tunnels and flow hops. Everything
 * the plan computes lives in the plan or in `context`: plans may nest (failover promotion, key rotation).
 */
export function buildPlan(design: Design, context: PlanContext = { parsed: new ParsedHosts() }): FullPlan {
  const { parsed } = context;
  const topology = buildTopology(design, parsed);
  const tunnelPlans = new Map<string, TunnelPlan>();
  const tunnelsOfHost = new Map<string, TunnelPlan[]>();
  for (const t of design.tunnels) {
    const a = topology.hosts.get(t.a);
    const b = topology.hosts.get(t.b);
    if (!a || !b) continue;
    const tp = planTunnelMtu(t, a, b);
    tunnelPlans.set(t.id, tp);
    pushTo(tunnelsOfHost, a.id, tp);
    pushTo(tunnelsOfHost, b.id, tp);
  }
  const declared = resolveFlows(design, topology, tunnelPlans);
  const failover = failoverFlows(design, topology, declared, tunnelPlans);
  const resolvedFlows = failover.length === 0 ? declared : [...declared, ...failover];
  const floating = floatingAddresses(design);
  const { routes, conflicts } = planAllowedIPs(design, topology, resolvedFlows);
  const firewalls = planFirewalls(design, topology, resolvedFlows);

  const hosts: HostPlan[] = [];
  const byId = new Map<string, HostPlan>();
  const pools = poolPrefixes(design);
  const noneExplicit: ReadonlyMap<string, readonly string[]> = new Map();
  for (const host of design.hosts) {
    const mine = tunnelsOfHost.get(host.id) ?? NO_TUNNELS;
    // AllowedIPs the user wrote on a tunnel for this side, by peer: they replace what the flows would give.
    let explicit: Map<string, readonly string[]> | null = null;
    for (const { tunnel: t } of mine) {
      const given = t.allowedIPs === null ? undefined : t.a === host.id ? t.allowedIPs.ab : t.allowedIPs.ba;
      if (given) (explicit ??= new Map()).set(t.a === host.id ? t.b : t.a, given);
    }
    const own = parsed.of(host);
    const allowed = hostAllowedIPs(host, own.hostRoutes, routes, pools, explicit ?? noneExplicit);
    const peers: PeerPlan[] = mine.map((tp): PeerPlan => {
      const t = tp.tunnel;
      const peer = topology.hosts.get(t.a === host.id ? t.b : t.a) as Host;
      return {
        hostId: peer.id,
        tunnelId: t.id,
        publicKey: peer.publicKey,
        presharedKey: t.presharedKey,
        allowedIPs: allowed.get(peer.id) ?? [],
        endpoint: parsed.of(peer).endpoint,
        keepalive: keepaliveFor(t, host, peer),
      };
    }).sort(byHostId);
    const held = floating.get(host.id);
    const addresses = held ? [...own.addresses, ...held] : own.addresses;
    const { mtu, source } = hostMtu(host, mine);
    const routesTraffic = isRouter(host);
    const firewall = firewalls.get(host.id);
    if (!firewall) continue;
    const { id, name, role, external, publicKey, privateKey, services, database } = host;
    const hp: HostPlan = {
      host, id, name, role, external, publicKey, privateKey, services, database,
      custody: custodyOf(design.network, host),
      endpoint: own.endpoint,
      endpointHost: own.endpointHost,
      addresses,
      listenPort: host.randomListenPort && host.listenPort === null && host.endpoint === null
        ? null
        : host.listenPort ?? own.endpointPort ?? design.network.listenPort,
      mtu,
      mtuSource: source,
      peers,
      routes: routesTraffic,
      forwardIPv4: routesTraffic,
      forwardIPv6: routesTraffic && (addresses.some((a) => a.family === 6) || host.lans.some((l) => l.includes(':'))),
      firewall,
    };
    hosts.push(hp);
    byId.set(host.id, hp);
  }
  return {
    design,
    hosts,
    byId,
    tunnels: [...tunnelPlans.values()],
    flows: resolvedFlows,
    topology,
    resolvedFlows,
    conflicts,
    tunnelsOfHost,
    parsed,
  };
}

const NO_TUNNELS: readonly TunnelPlan[] = [];

const byHostId = (x: PeerPlan, y: PeerPlan) => (x.hostId < y.hostId ? -1 : x.hostId > y.hostId ? 1 : 0);
