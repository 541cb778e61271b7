import type { Design, Flow, Host, Role, Tunnel } from '../model/design';
import { parsePrefix } from '../net';
import type { Address, Prefix } from '../net';
import type { FullPlan } from '../plan/build-plan';
import { ByHost } from '../plan/by-host';
import { parsedHost } from '../plan/parsed-host';
import type { ParsedHost } from '../plan/parsed-host';
import type { HostPlan, PeerPlan, TunnelPlan } from '../plan/types';
import { RouteTable } from './route-table';
import { sharedAddresses } from './shared-addresses';
import type { SharedAddresses } from './shared-addresses';
import type { RouteHit } from './route-table';

export type { RouteHit } from './route-table';

type Chain = 'inbound' | 'forward' | 'outbound';
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
  private readonly hosts: ByHost<Host>;
  private tunnelMap: Map<string, Tunnel> | null = null;
  private flowMap: Map<string, Flow> | null = null;
  private poolList: PoolEntry[] | null = null;
  private readonly peerMaps = new Map<string, Map<string, PeerPlan>>();
  // By host number, as the plan's own tables are (see ByHost).
  private readonly routeTables: ByHost<RouteTable>;
  private readonly parsedById: ByHost<ParsedHost>;
  private readonly cursors: Record<Chain, ByHost<number>>;
  private keys: boolean | null = null;
  private secrets: boolean | null = null;
  private shared: SharedAddresses | null = null;

  constructor(private readonly design: Design, private readonly plan: FullPlan) {
    this.hosts = plan.topology.hosts;
    const { numbers } = plan.topology;
    this.routeTables = new ByHost(numbers);
    this.parsedById = new ByHost(numbers);
    this.cursors = { inbound: new ByHost(numbers), forward: new ByHost(numbers), outbound: new ByHost(numbers) };
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
    if (list.length <= 16) {
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

  /** A host's parsed texts: addresses, lans, endpoint (see parsedHost; shared with the plan and kept per host). */
  parsed(hostId: string): ParsedHost | undefined {
    let p = this.parsedById.get(hostId);
    if (p === undefined) {
      const h = this.host(hostId);
      if (!h) return undefined;
      p = parsedHost(h);
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
    return p.len === (p.family === 4 ? 32 : 128) && this.sharedAddresses.has({ family: p.family, value: p.addr });
  }

  /** WireGuard's cryptokey routing on `hostId`: the peer whose AllowedIPs hold `a` most specifically. */
  wireguardRoute(hostId: string, a: Address): RouteHit | null {
    return this.routeTable(hostId).wireguard(a);
  }

  /**
   * Where the last search of `chain` on `hostId` found a flow's rule (0 before any): the next flow's rule usually
   * follows it, since chains list rules in flow order and the packet walk takes the flows in that order.
   */
  chainCursor(hostId: string, chain: Chain): number {
    return this.cursors[chain].get(hostId) ?? 0;
  }

  setChainCursor(hostId: string, chain: Chain, at: number): void {
    this.cursors[chain].set(hostId, at);
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
