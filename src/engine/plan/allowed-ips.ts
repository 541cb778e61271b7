import type { Design, Host } from '../model/design';
import { asNetwork, compareNetworks, highBound, holdsNetwork, lowBound, networkOf, parsePrefix, placeAgainst, rangeOf, sortNetworks } from '../net';
import type { Prefix, Range } from '../net';
import { Routes } from './routes';
import type { HostRoutes, Route } from './routes';
import type { Topology } from './topology';
import type { FlowPlan } from './types';

/** A prefix the flows wanted under two peers of one interface; the first kept it (see `RouteConflict` findings). */
export interface RouteConflict {
  hostId: string;
  prefix: Prefix;
  kept: string;
  refused: string;
  flowId: string;
}

/**
 * Every host's routes per peer: the peer's own addresses, plus what declared flows send through it (toward the
 * target) and receive from it (the sources, so replies and WireGuard's source check pass). A prefix sits under one
 * peer only: WireGuard would silently hand it to the peer configured last.
 */
export function planAllowedIPs(design: Design, topo: Topology, flows: readonly FlowPlan[]) {
  const routes = new Routes();
  const conflicts: RouteConflict[] = [];
  const add = (on: HostRoutes, hostId: string, peerId: string, prefix: Prefix, flowId: string) => {
    const kept = on.add(peerId, prefix);
    if (kept !== null) conflicts.push({ hostId, prefix: asNetwork(prefix), kept, refused: peerId, flowId });
  };
  for (const t of design.tunnels) {
    const a = topo.hosts.get(t.a);
    const b = topo.hosts.get(t.b);
    if (!a || !b) continue;
    const onA = routes.of(a.id);
    const onB = routes.of(b.id);
    for (const p of topo.parsed.of(b).hostRoutes) add(onA, a.id, b.id, p, '');
    for (const p of topo.parsed.of(a).hostRoutes) add(onB, b.id, a.id, p, '');
  }
  for (const f of flows) {
    const path = f.path;
    if (!path) continue;
    // Each hop's two hosts looked up once, for all the flow's prefixes.
    let here = path[0] as string;
    let onHere = routes.of(here);
    for (let i = 0; i + 1 < path.length; i++) {
      const next = path[i + 1] as string;
      const onNext = routes.of(next);
      for (const p of f.routeDestinations) add(onHere, here, next, p, f.flowId);
      for (const p of f.sources) add(onNext, next, here, p, f.flowId);
      here = next;
      onHere = onNext;
    }
  }
  return { routes, conflicts };
}

/** A network pool a host's AllowedIPs may be summarised to, with its bounds, worked out once per plan. */
export interface Pool {
  prefix: Prefix;
  range: Range;
}

/** The network pools of a design, parsed. */
export function poolPrefixes(design: Design): Pool[] {
  const { db, app, gateway, client, ipv6 } = design.network.pools;
  return [db, app, gateway, client, ipv6].filter((t): t is string => t !== null).map((t) => {
    const prefix = networkOf(parsePrefix(t));
    return { prefix, range: rangeOf(prefix) };
  });
}

/**
 * `host`'s AllowedIPs by peer id: the explicit list the design pins for a peer (`explicit`, texts), else its routes,
 * summarised to pools (see summarisablePools). Each list is sorted (family, start, length) and unique.
 */
export function hostAllowedIPs(
  host: Host, own: readonly Prefix[], routes: Routes, pools: readonly Pool[], explicit: ReadonlyMap<string, readonly string[]>,
): Map<string, Prefix[]> {
  const lists = new Map<string, Prefix[]>();
  for (const { peer, prefix } of routes.listOf(host.id)) {
    if (explicit.has(peer)) continue;
    const list = lists.get(peer);
    if (list) list.push(prefix);
    else lists.set(peer, [prefix]);
  }
  for (const [pool, peer] of summarisablePools(routes.listOf(host.id), own, pools)) {
    const list = lists.get(peer);
    if (list) lists.set(peer, [...list.filter((p) => !holdsNetwork(pool, p)), pool]);
  }
  for (const list of lists.values()) sortNetworks(list);
  for (const [peer, given] of explicit) lists.set(peer, sortUnique(given.map((s) => networkOf(parsePrefix(s)))));
  return lists;
}

/**
 * The pools that may stand in for the routes inside them on this host, each with the one peer behind which all of
 * them sit. A pool qualifies when two or more routes lie inside it, all behind one peer, the host holds none of its
 * addresses (`own`), and no route covers it: then WireGuard routes every address it held exactly as before, and
 * configs stay short. O(routes · pools), each route's bounds worked out once (per pool, they were 18 of a routed
 * 5,000-host plan's 100 ms in Chromium).
 */
export function summarisablePools(routes: readonly Route[], own: readonly Prefix[], pools: readonly Pool[]): Array<[Prefix, string]> {
  // Per pool, the one peer behind which its routes sit so far: undefined before the first, null once it cannot stand
  // in (the host holds one of its addresses, a route covers it, or a second peer has a route inside it).
  const holder: Array<string | null | undefined> = pools.map((pool) => (holdsAny(pool.prefix, own) ? null : undefined));
  const inside = pools.map(() => 0);
  for (const { peer, prefix } of routes) {
    const lo = lowBound(prefix);
    const hi = highBound(prefix);
    for (let i = 0; i < pools.length; i++) {
      const held = holder[i];
      if (held === null) continue;
      const place = placeAgainst((pools[i] as Pool).range, prefix.family, lo, hi);
      if (place === 0) continue;
      if (place === 2 || (held !== undefined && held !== peer)) {
        holder[i] = null;
        continue;
      }
      holder[i] = peer;
      inside[i] = (inside[i] as number) + 1;
    }
  }
  const out: Array<[Prefix, string]> = [];
  for (let i = 0; i < pools.length; i++) {
    const held = holder[i];
    if (typeof held === 'string' && (inside[i] as number) >= 2) out.push([(pools[i] as Pool).prefix, held]);
  }
  return out;
}

/** Whether `pool` holds one of `list`. */
function holdsAny(pool: Prefix, list: readonly Prefix[]): boolean {
  for (const p of list) if (holdsNetwork(pool, p)) return true;
  return false;
}

/** Networks without duplicates, in compareNetworks order. */
function sortUnique(list: readonly Prefix[]): Prefix[] {
  const sorted = [...list].sort(compareNetworks);
  return sorted.filter((p, i) => i === 0 || compareNetworks(sorted[i - 1] as Prefix, p) !== 0);
}
