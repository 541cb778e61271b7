import type { Design, Host, Tunnel } from '../model/design';
import { ByHost } from './by-host';
import { numberHosts } from './host-numbers';
import type { HostNumbers } from './host-numbers';
import type { ParsedHosts } from './parsed-host';
import { pushTo } from './push-to';
import { routerPaths } from './router-paths';
import { SCAN_LIMIT } from './types';
import type { RouterPaths } from './router-paths';

/**
 * The tunnel graph and who may forward in it. Only routers (gateways, and hosts that route for lans) carry
 * traffic between two other hosts; everyone else is an end point. Paths are shortest in hops with routers inside,
 * ties broken by host id so every export of a design is byte-identical.
 */
export interface Topology {
  /** host id -> the host (the last of two with one id, as a map by id would keep). */
  hosts: ByHost<Host>;
  /** The hosts numbered, for arrays by host (ByHost, route tables, union-find). */
  numbers: HostNumbers;
  /** host id -> its tunnels, in design order (see tunnelBetween and routerNeighbours). */
  tunnels: ByHost<readonly Tunnel[]>;
  /** For hosts with many tunnels (hubs, core gateways) only: neighbour id -> the tunnel between them. */
  wide: ReadonlyMap<string, ReadonlyMap<string, Tunnel>>;
  routers: ReadonlySet<string>;
  /** The routers, numbered: `routerIds[routerNumber.get(r)] === r`. */
  routerIds: readonly string[];
  routerNumber: ReadonlyMap<string, number>;
  /** Shortest paths between routers (by number) in the router-only graph. */
  routerPaths: RouterPaths;
  /** The hosts' parsed texts, owned by the plan this topology belongs to. */
  parsed: ParsedHosts;
  /** Per host, where it enters the router graph (see entryRouters), filled in as flows ask. */
  entries: ByHost<readonly string[]>;
}

/** A host routes when it is a gateway or has lans behind it. */
export function isRouter(host: Host): boolean {
  return host.role === 'gateway' || host.lans.length > 0;
}

/**
 * Builds the graph and the router-only subgraph's paths: O(hosts + tunnels) when routers link as a forest (see
 * RouterPaths; otherwise one search per router that flows head for).
 */
export function buildTopology(design: Design, parsed: ParsedHosts): Topology {
  const numbers = numberHosts(design.hosts);
  const hosts = new ByHost<Host>(numbers);
  for (const h of design.hosts) hosts.set(h.id, h);
  // A list of tunnels per host, and a map only for the few hosts with many: thousands of small maps would make
  // the plan several times larger, and its size is what its garbage collection costs.
  const tunnels = new ByHost<Tunnel[]>(numbers);
  for (const t of design.tunnels) {
    if (!hosts.has(t.a) || !hosts.has(t.b)) continue;
    pushTo(tunnels, t.a, t);
    if (t.b !== t.a) pushTo(tunnels, t.b, t);
  }
  const wide = new Map<string, Map<string, Tunnel>>();
  for (let n = 0; n < numbers.ids.length; n++) {
    const list = tunnels.at(n);
    if (!list || list.length <= SCAN_LIMIT) continue;
    const id = numbers.ids[n] as string;
    const byPeer = new Map<string, Tunnel>();
    for (const t of list) byPeer.set(t.a === id ? t.b : t.a, t);
    wide.set(id, byPeer);
  }
  const routers = new Set(design.hosts.filter(isRouter).map((h) => h.id));
  const routerIds = [...routers];
  const routerNumber = new Map(routerIds.map((r, i) => [r, i]));
  const graph = { hosts, tunnels, wide, routers };
  // Each router's router neighbours by number, in id order (ties in the search go to the smaller id).
  const links = routerIds.map((r) => routerNeighbours(graph, r).map((n) => routerNumber.get(n) as number));
  return { ...graph, numbers, routerIds, routerNumber, routerPaths: routerPaths(links), parsed, entries: new ByHost(numbers) };
}

/** The tunnel between `a` and `b` (the last one the design lists, as a map by neighbour would keep), if any. */
export function tunnelBetween(topo: Topology, a: string, b: string): Tunnel | undefined {
  const wide = topo.wide.get(a);
  if (wide) return wide.get(b);
  const list = topo.tunnels.get(a);
  if (!list) return undefined;
  for (let i = list.length - 1; i >= 0; i--) {
    const t = list[i] as Tunnel;
    if ((t.a === a && t.b === b) || (t.b === a && t.a === b)) return t;
  }
  return undefined;
}

/**
 * The routers among `id`'s neighbours, each once, in id order (ties in the searches go to the smaller id). Straight
 * from the tunnel list: every host asks once per plan, and a list of all neighbours first was garbage each time.
 * The lists are kept for the plan's life, one per host: most hosts have one tunnel, and their list is made at its
 * final size (a list grown by push holds room for 17).
 */
function routerNeighbours(topo: Pick<Topology, 'tunnels' | 'wide' | 'routers'>, id: string): readonly string[] {
  const wide = topo.wide.get(id);
  const list = topo.tunnels.get(id);
  if (!wide && list?.length === 1) {
    const t = list[0] as Tunnel;
    const other = t.a === id ? t.b : t.a;
    return topo.routers.has(other) ? [other] : NO_ROUTERS;
  }
  const out: string[] = [];
  if (wide) {
    for (const n of wide.keys()) if (topo.routers.has(n)) out.push(n);
  } else {
    for (const t of list ?? []) {
      const other = t.a === id ? t.b : t.a;
      if (topo.routers.has(other) && !out.includes(other)) out.push(other);
    }
  }
  return out.length === 0 ? NO_ROUTERS : out.sort();
}

const NO_ROUTERS: readonly string[] = Object.freeze([]);

/** Shortest path from `from` to `to` whose inner hops are all routers; null when there is none. */
export function findPath(topo: Topology, from: string, to: string): string[] | null {
  if (from === to) return [from];
  if (tunnelBetween(topo, from, to)) return [from, to];
  const starts = entryRouters(topo, from);
  const ends = entryRouters(topo, to);
  let bestTotal = Infinity;
  let bestStart = '';
  let bestEnd = '';
  for (const start of starts) {
    const s = topo.routerNumber.get(start) as number;
    for (const end of ends) {
      const hops = topo.routerPaths.distance(s, topo.routerNumber.get(end) as number);
      if (hops === -1) continue;
      const total = (start === from ? 0 : 1) + hops + (end === to ? 0 : 1);
      if (total >= bestTotal) continue;
      bestTotal = total;
      bestStart = start;
      bestEnd = end;
    }
  }
  if (bestTotal === Infinity) return null;
  // Sized once: a path grown by push reallocates its storage, and there is one path per flow.
  const path: string[] = new Array(bestTotal + 1);
  let at = 0;
  path[at++] = from;
  const { routerPaths } = topo;
  const hops = routerPaths.path(topo.routerNumber.get(bestStart) as number, topo.routerNumber.get(bestEnd) as number);
  for (let i = 0; i < hops; i++) {
    const id = topo.routerIds[routerPaths.hops[i] as number] as string;
    if (id !== from) path[at++] = id;
  }
  if (bestEnd !== to) path[at++] = to;
  return path;
}

/** Where a host enters the router graph: itself if it routes, else its router neighbours (sorted, deterministic). */
function entryRouters(topo: Topology, id: string): readonly string[] {
  // Every flow from or to a host asks again: computed once per host of a topology.
  let entries = topo.entries.get(id);
  if (!entries) {
    entries = topo.routers.has(id) ? [id] : routerNeighbours(topo, id);
    topo.entries.set(id, entries);
  }
  return entries;
}
