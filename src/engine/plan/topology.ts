// Tests: topology.test.ts (tunnelBetween), graph/shortest-paths.test.ts (paths against a breadth-first oracle) and build-plan.test.ts (routes through the hub and gateways).
import type { Design, Host, Tunnel } from '../model/design';
import type { ParsedHosts } from './parsed-host';
import { pushTo } from './push-to';
import { shortestPaths } from '../graph/shortest-paths';
import type { ShortestPaths } from '../graph/shortest-paths';

/**
 * The tunnel graph and who may forward in it. Only routers (gateways, and hosts that route for lans) carry
 * traffic between two other hosts; everyone else is an end point. Paths are shortest in hops with routers inside,
 * ties broken by host id so every export of a design is byte-identical.
 */
export interface Topology {
  /** host id -> the host (the last of two with one id, as a map by id would keep). */
  hosts: ReadonlyMap<string, Host>;
  /** host id -> its tunnels, in design order. */
  tunnels: ReadonlyMap<string, readonly Tunnel[]>;
  /** a -> b -> the tunnel between them (both ways): the last the design lists. */
  between: ReadonlyMap<string, ReadonlyMap<string, Tunnel>>;
  routers: ReadonlySet<string>;
  /** The routers, numbered: `routerIds[routerNumber.get(r)] === r`. */
  routerIds: readonly string[];
  routerNumber: ReadonlyMap<string, number>;
  /** Shortest paths between routers (by number) in the router-only graph. */
  routerPaths: ShortestPaths;
  /** The hosts' parsed texts, owned by the plan this topology belongs to. */
  parsed: ParsedHosts;
  /** Per host, where it enters the router graph (see entryRouters), filled in as flows ask. */
  entries: Map<string, readonly string[]>;
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
  const hosts = new Map<string, Host>();
  for (const h of design.hosts) hosts.set(h.id, h);
  const tunnels = new Map<string, Tunnel[]>();
  // Nested rather than keyed by `${a} ${b}`: every hop of every flow asks, and a joined key is a string per ask.
  const between = new Map<string, Map<string, Tunnel>>();
  const link = (x: string, y: string, t: Tunnel) => {
    const to = between.get(x);
    if (to) to.set(y, t);
    else between.set(x, new Map([[y, t]]));
  };
  for (const t of design.tunnels) {
    if (!hosts.has(t.a) || !hosts.has(t.b)) continue;
    pushTo(tunnels, t.a, t);
    if (t.b !== t.a) pushTo(tunnels, t.b, t);
    link(t.a, t.b, t);
    link(t.b, t.a, t);
  }
  const routers = new Set(design.hosts.filter(isRouter).map((h) => h.id));
  const routerIds = [...routers];
  const routerNumber = new Map(routerIds.map((r, i) => [r, i]));
  const graph = { hosts, tunnels, between, routers };
  // Each router's router neighbours by number, in id order (ties in the search go to the smaller id).
  const links = routerIds.map((r) => routerNeighbours(graph, r).map((n) => routerNumber.get(n) as number));
  return { ...graph, routerIds, routerNumber, routerPaths: shortestPaths(links), parsed, entries: new Map() };
}

/** The tunnel between `a` and `b` (the last one the design lists), if any. */
export function tunnelBetween(topo: Topology, a: string, b: string): Tunnel | undefined {
  return topo.between.get(a)?.get(b);
}

/** The routers among `id`'s neighbours, each once, in id order (ties in the searches go to the smaller id). */
function routerNeighbours(topo: Pick<Topology, 'tunnels' | 'routers'>, id: string): readonly string[] {
  const out = new Set<string>();
  for (const t of topo.tunnels.get(id) ?? []) {
    const other = t.a === id ? t.b : t.a;
    if (topo.routers.has(other)) out.add(other);
  }
  return [...out].sort();
}

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
  // Sized once: from, the routers between (from itself when it routes), then to unless it is the last router.
  const path = new Array<string>(bestTotal + 1);
  let k = 0;
  path[k++] = from;
  for (const hop of topo.routerPaths.path(topo.routerNumber.get(bestStart) as number, topo.routerNumber.get(bestEnd) as number)) {
    const id = topo.routerIds[hop] as string;
    if (id !== from) path[k++] = id;
  }
  if (bestEnd !== to) path[k++] = to;
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
