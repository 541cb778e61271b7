import type { Design, Flow, Host, Role, Tunnel } from '../model/design';
import { addressOf, isHostPrefix, parsePrefix } from '../net';
import type { Address, Prefix } from '../net';
import type { FullPlan } from '../plan/build-plan';
import { pushTo } from '../plan/push-to';
import type { ParsedHost } from '../plan/parsed-host';
import { SCAN_LIMIT } from '../net';
import type { FirewallRule, HostPlan, PeerPlan, TunnelPlan } from '../plan/types';
import { RouteTable } from './route-table';
import { sharedAddresses } from './shared-addresses';
import type { SharedAddresses } from './shared-addresses';
import type { RouteHit } from './route-table';

export type { RouteHit } from './route-table';

const NO_TUNNELS: readonly TunnelPlan[] = [];

/** A pool of the network, parsed: a role's, or the IPv6 one. */
export interface PoolEntry {
  name: Role | 'ipv6';
  prefix: Prefix;
}

/**
 * Lookups the rules share within one validation. Each is built on first use and kept, so a rule pays only for what
 * it asks, no rule builds an index another already built, and no text is parsed twice. Each is linear to build.
 */
export class RuleIndex {
  private readonly hosts: ReadonlyMap<string, Host>;
  private tunnelMap: Map<string, Tunnel> | null = null;
  private flowMap: Map<string, Flow> | null = null;
  private poolList: PoolEntry[] | null = null;
  private readonly peerMaps = new Map<string, Map<string, PeerPlan>>();
  private readonly routeTables = new Map<string, RouteTable>();
  private readonly parsedById = new Map<string, ParsedHost>();
  private readonly chains = new Map<readonly FirewallRule[], Map<string, FirewallRule[]>>();
  private keys: boolean | null = null;
  private secrets: boolean | null = null;
  private shared: SharedAddresses | null = null;

  constructor(private readonly design: Design, private readonly plan: FullPlan) {
    this.hosts = plan.topology.hosts;
  }

  host(id: string): Host | undefined {
    return this.hosts.get(id);
  }

  hostPlan(id: string): HostPlan | undefined {
    return this.plan.byId.get(id);
  }

  tunnel(id: string): Tunnel | undefined {
    this.tunnelMap ??= new Map(this.design.tunnels.map((t) => [t.id, t]));
    return this.tunnelMap.get(id);
  }

  /** A declared flow of the design (implied flows, such as monitoring's, have none). */
  flow(id: string): Flow | undefined {
    this.flowMap ??= new Map(this.design.flows.map((f) => [f.id, f]));
    return this.flowMap.get(id);
  }

  /** The planned tunnels of a host, in design order. */
  tunnelsOf(hostId: string): readonly TunnelPlan[] {
    return this.plan.tunnelsOfHost.get(hostId) ?? NO_TUNNELS;
  }

  /** The `[Peer]` for `peerId` on `hostId`'s interface: a scan for the usual few peers, a map for a hub's. */
  peer(hostId: string, peerId: string): PeerPlan | undefined {
    const list = this.hostPlan(hostId)?.peers ?? [];
    if (list.length <= SCAN_LIMIT) {
      // From the end: with two tunnels to one peer, the later entry is the one a map by peer would keep.
      for (let i = list.length - 1; i >= 0; i--) if ((list[i] as PeerPlan).hostId === peerId) return list[i];
      return undefined;
    }
    let peers = this.peerMaps.get(hostId);
    if (!peers) {
      peers = new Map(list.map((p) => [p.hostId, p]));
      this.peerMaps.set(hostId, peers);
    }
    return peers.get(peerId);
  }

  /** The network's pools, parsed, in the design's order (db, app, gateway, client, then IPv6 when set). */
  get pools(): readonly PoolEntry[] {
    const p = this.design.network.pools;
    this.poolList ??= (['db', 'app', 'gateway', 'client', 'ipv6'] as const)
      .flatMap((name) => (p[name] === null ? [] : [{ name, prefix: parsePrefix(p[name]) }]));
    return this.poolList;
  }

  /** The host's lans as networks. */
  lans(hostId: string): readonly Prefix[] {
    return this.parsed(hostId)?.lans ?? [];
  }

  /** A host's parsed texts: addresses, lans, endpoint (the plan's own parse). */
  parsed(hostId: string): ParsedHost | undefined {
    let p = this.parsedById.get(hostId);
    if (p === undefined) {
      const h = this.host(hostId);
      if (!h) return undefined;
      p = this.plan.parsed.of(h);
      this.parsedById.set(hostId, p);
    }
    return p;
  }

  /** Overlay addresses on two or more hosts: address-duplicate reports each once, other rules skip what follows from it. */
  get sharedAddresses(): SharedAddresses {
    this.shared ??= sharedAddresses(this.design, (id) => this.parsed(id));
    return this.shared;
  }

  /** True when `p` is a host route to an address two hosts claim (its clashes are address-duplicate's). */
  isSharedHostRoute(p: Prefix): boolean {
    // Asked twice per flow plan: no address object made when, as in most designs, no address is shared.
    return isHostPrefix(p) && this.sharedAddresses.list.length > 0 && this.sharedAddresses.has(addressOf(p));
  }

  /** WireGuard's cryptokey routing on `hostId`: the peer whose AllowedIPs hold `a` most specifically. */
  wireguardRoute(hostId: string, a: Address): RouteHit | null {
    return this.routeTable(hostId).wireguard(a);
  }

  /** A firewall chain's rules by the flow that put them there, built once per chain (ask for long chains only). */
  rulesByFlow(chain: readonly FirewallRule[]): ReadonlyMap<string, readonly FirewallRule[]> {
    let byFlow = this.chains.get(chain);
    if (!byFlow) {
      byFlow = new Map();
      for (const r of chain) pushTo(byFlow, r.flowId, r);
      this.chains.set(chain, byFlow);
    }
    return byFlow;
  }

  /** True when the design holds any key: it was completed with keys, so missing or clashing ones matter. */
  get hasKeys(): boolean {
    this.keys ??= this.design.hosts.some((h) => h.publicKey !== null || h.privateKey !== null)
      || this.design.tunnels.some((t) => t.presharedKey !== null);
    return this.keys;
  }

  /** True when the design holds a private or preshared key: the full design an export completed, not a public one. */
  get hasSecrets(): boolean {
    this.secrets ??= this.design.hosts.some((h) => h.privateKey !== null) || this.design.tunnels.some((t) => t.presharedKey !== null);
    return this.secrets;
  }

  /** `hostId`'s routes, for a caller that asks it several things in a row (the packet walk, per hop). */
  routeTable(hostId: string): RouteTable {
    let table = this.routeTables.get(hostId);
    if (!table) {
      table = new RouteTable(this.lans(hostId), this.hostPlan(hostId)?.peers ?? []);
      this.routeTables.set(hostId, table);
    }
    return table;
  }
}
