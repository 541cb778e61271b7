// Types and two constants only: the type-check and build-plan.test.ts cover them.
import type { Design, Flow, Host, KeyCustody, Proto, Tunnel } from '../model/design';
import type { Prefix } from '../net';

/** One `[Peer]` of a host's interface, as WireGuard will hold it. */
export interface PeerPlan {
  hostId: string;
  tunnelId: string;
  publicKey: string | null;
  presharedKey: string | null;
  /** Sorted, canonical, no duplicates. */
  allowedIPs: Prefix[];
  /** Canonical `host:port`, or null when this side cannot dial the peer. */
  endpoint: string | null;
  keepalive: number | null;
}

/** Traffic a host's firewall lets through, as parsed prefixes: renderers never see user text here. */
export interface FirewallRule {
  flowId: string;
  sources: readonly Prefix[];
  destinations: readonly Prefix[];
  port: number;
  proto: Proto;
  /** See FlowPlan.optionalPort. */
  optionalPort: boolean;
}

export interface FirewallIntent {
  /** New connections arriving on the tunnel for this host itself. */
  inbound: readonly FirewallRule[];
  /** New connections this host forwards (tunnel to tunnel, tunnel to lan). */
  forward: readonly FirewallRule[];
  /** New connections this host opens through the tunnel: only to declared destinations (no lateral movement). */
  outbound: readonly FirewallRule[];
  /** Overlay sources to masquerade behind this host when they enter these lans. */
  masquerade: { sources: Prefix[]; lans: Prefix[] } | null;
  /** Clamp TCP MSS to the route MTU on forwarded SYNs (routers only). */
  clampMss: boolean;
  /** Database ports on this host that the underlay must not reach. */
  databasePorts: readonly number[];
  /**
   * Managed databases in this gateway's lans. Forwarding is on here, so without a rule anyone on the underlay who
   * routes a service address through this host would reach it: forwarded connections to them come from the tunnel
   * only, as the database ports of a database host do.
   */
  lanDatabases: ReadonlyArray<{ serviceId: string; address: Prefix; port: number }>;
  managementPort: number;
}

/** What renderers print of a host as the design gives it: id (its folder), name, role, keys, services, database, `external`. */
export type HostFacts = Pick<Host, 'id' | 'name' | 'role' | 'external' | 'publicKey' | 'privateKey' | 'services' | 'database'>;

export interface HostPlan extends HostFacts {
  /** The design's host, for validation and the editor: renderers read the fields of the plan instead. */
  host: Host;
  /** Who keeps the private key: the host's own setting, else the network's. */
  custody: KeyCustody;
  /** Where peers dial it: canonical `host:port` (as in their Endpoint lines) and the host alone; null without one. */
  endpoint: string | null;
  endpointHost: string | null;
  /** Read-only: shared with the host's parsed texts unless it holds a floating address. */
  addresses: readonly Prefix[];
  /** Null: no ListenPort line, the kernel picks a port (a host nobody dials, see Host.randomListenPort). */
  listenPort: number | null;
  mtu: number;
  mtuSource: 'host' | 'tunnels' | 'underlay' | 'default';
  peers: PeerPlan[];
  /** True when this host routes between peers or into its lans. */
  routes: boolean;
  forwardIPv4: boolean;
  forwardIPv6: boolean;
  firewall: FirewallIntent;
}

export interface TunnelPlan {
  tunnel: Tunnel;
  /** Largest inner MTU that crosses this tunnel without fragmenting the underlay. */
  safeMtu: number;
  /** Encapsulation overhead used: 60 (IPv4 underlay) or 80 (IPv6 or unknown underlay). */
  overhead: number;
  underlayMtu: number;
}

/** Where a declared flow goes, hop by hop; `path` is null when no route exists. */
export interface FlowPlan {
  flowId: string;
  from: string;
  /** The host that delivers: the target host, or the gateway whose lan holds the service. */
  to: string;
  /** Shared with the host's parsed addresses and other flows: read-only. */
  sources: readonly Prefix[];
  destinations: readonly Prefix[];
  /** Prefixes routed toward the target at every hop: the service's whole lan when it sits in one. */
  routeDestinations: readonly Prefix[];
  port: number;
  proto: Proto;
  path: string[] | null;
  /** Why no path exists, for the findings panel. */
  unroutable: string | null;
  /** Smallest tunnel MTU along the path (the flow's path MTU), null without a path. */
  pathMtu: number | null;
  /** True when the target is a service in a gateway's lan rather than the host itself; `serviceId` names it. */
  toService: boolean;
  serviceId: string | null;
  /** The reply-direction half of a replication flow. */
  reverse: boolean;
  /** The declared flow's kind: the database's access rules give replication its own lines. */
  kind: Flow['kind'];
  /** Replication or backup: QoS caps it. Monitoring scrapes and failover copies are client traffic, as QoS had them. */
  bulk: boolean;
  /**
   * A port a replication flow opens by default for a mode the engine may not run (MySQL group replication's 33061,
   * Redis Cluster's bus...): nothing need listen there, so check.sh does not count a refused connect as a failure.
   */
  optionalPort: boolean;
}

export interface Plan {
  design: Design;
  hosts: HostPlan[];
  byId: ReadonlyMap<string, HostPlan>;
  tunnels: TunnelPlan[];
  flows: FlowPlan[];
}

/** The default interface MTU when nothing is known of the underlay: 1500 minus IPv6's 80 bytes, as wg-quick uses. */
export const DEFAULT_MTU = 1420;

/** The WireGuard interface every bundle configures. */
export const WG_INTERFACE = 'wg0';
