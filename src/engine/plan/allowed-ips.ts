import type { Design, Host } from '../model/design';
import { asNetwork, compareNetworks, holdsNetwork, networkOf, networksOverlap, parsePrefix, sortNetworks } from '../net';
import type { Prefix } from '../net';
import { Routes } from './routes';
import type { Route } from './routes';
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
  const add = (hostId: string, peerId: string, prefix: Prefix, flowId: string) => {
    const kept = routes.add(hostId, peerId, prefix);
    if (kept !== null) conflicts.push({ hostId, prefix: asNetwork(prefix), kept, refused: peerId, flowId });
  };
  for (const t of design.tunnels) {
    const a = topo.hosts.get(t.a);
    const b = topo.hosts.get(t.b);
    if (!a || !b) continue;
    for (const p of topo.parsed.of(b).hostRoutes) add(a.id, b.id, p, '');
    for (const p of topo.parsed.of(a).hostRoutes) add(b.id, a.id, p, '');
  }
  for (const f of flows) {
    const path = f.path;
    if (!path) continue;
    for (let i = 0; i + 1 < path.length; i++) {
      const here = path[i] as string;
      const next = path[i + 1] as string;
      for (const p of f.routeDestinations) add(here, next, p, f.flowId);
      for (const p of f.sources) add(next, here, p, f.flowId);
    }
  }
  return { routes, conflicts };
}

/** The network pools of a design, parsed: the prefixes a host's AllowedIPs may be summarised to. */
export function poolPrefixes(design: Design): Prefix[] {
  const { db, app, gateway, client, ipv6 } = design.network.pools;
  return [db, app, gateway, client, ipv6].filter((t): t is string => t !== null).map((t) => networkOf(parsePrefix(t)));
}

/**
 * `host`'s AllowedIPs by peer id: the explicit list the design pins for a peer (`explicit`, texts), else its routes,
 * summarised to pools (see summarisablePools). Each list is sorted (family, start, length) and unique.
 */
export function hostAllowedIPs(
  host: Host, own: readonly Prefix[], routes: Routes, pools: readonly Prefix[], explicit: ReadonlyMap<string, readonly string[]>,
): Map<string, Prefix[]> {
  const lists = new Map<string, Prefix[]>();
  for (const { peer, prefix } of routes.of(host.id)) {
    if (explicit.has(peer)) continue;
    const list = lists.get(peer);
    if (list) list.push(prefix);
    else lists.set(peer, [prefix]);
  }
  for (const [pool, peer] of summarisablePools(routes.of(host.id), own, pools)) {
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
 * configs stay short. O(routes · pools).
 */
export function summarisablePools(routes: readonly Route[], own: readonly Prefix[], pools: readonly Prefix[]): Array<[Prefix, string]> {
  const out: Array<[Prefix, string]> = [];
  // Plain loops, no closures: this runs for every host of every plan.
  for (const pool of pools) {
    if (holdsAny(pool, own)) continue;
    let holder: string | null = null;
    let inside = 0;
    for (const { peer, prefix } of routes) {
      if (!networksOverlap(pool, prefix)) continue;
      // A route that covers the pool, or a second peer inside it: the pool cannot stand in.
      if (!holdsNetwork(pool, prefix) || (holder !== null && holder !== peer)) {
        holder = null;
        break;
      }
      holder = peer;
      inside++;
    }
    if (holder !== null && inside >= 2) out.push([pool, holder]);
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
