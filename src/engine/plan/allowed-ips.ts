import type { Design, Host } from '../model/design';
import { comparePrefixes, containsPrefix, formatPrefix, networkOf, parsePrefix, prefixesOverlap } from '../net';
import type { Prefix } from '../net';
import { addressesOf } from './flows';
import type { ResolvedFlow } from './flows';
import type { Topology } from './topology';

/** A prefix the flows wanted under two peers of one interface; the first kept it (see `RouteConflict` findings). */
export interface RouteConflict {
  hostId: string;
  prefix: Prefix;
  kept: string;
  refused: string;
  flowId: string;
}

/** host id -> peer id -> AllowedIPs (network prefixes, keyed by canonical text). */
type Routes = Map<string, Map<string, Map<string, Prefix>>>;

/**
 * Every host's AllowedIPs per peer: the peer's own addresses, plus what declared flows send through it (toward the
 * target) and receive from it (the sources, so replies and WireGuard's source check pass). A prefix sits under one
 * peer only: WireGuard would silently hand it to the peer configured last.
 */
export function planAllowedIPs(design: Design, topo: Topology, flows: readonly ResolvedFlow[]) {
  const routes: Routes = new Map();
  const owner = new Map<string, Map<string, string>>();
  const conflicts: RouteConflict[] = [];
  const add = (hostId: string, peerId: string, prefix: Prefix, flowId: string) => {
    const net = networkOf(prefix);
    const key = formatPrefix(net);
    const owners = owner.get(hostId) ?? new Map<string, string>();
    owner.set(hostId, owners);
    const kept = owners.get(key);
    if (kept !== undefined && kept !== peerId) {
      conflicts.push({ hostId, prefix: net, kept, refused: peerId, flowId });
      return;
    }
    owners.set(key, peerId);
    const peers = routes.get(hostId) ?? new Map<string, Map<string, Prefix>>();
    routes.set(hostId, peers);
    const set = peers.get(peerId) ?? new Map<string, Prefix>();
    peers.set(peerId, set);
    set.set(key, net);
  };
  for (const t of design.tunnels) {
    const a = topo.hosts.get(t.a);
    const b = topo.hosts.get(t.b);
    if (!a || !b) continue;
    for (const p of addressesOf(b)) add(a.id, b.id, p, '');
    for (const p of addressesOf(a)) add(b.id, a.id, p, '');
  }
  for (const f of flows) {
    const path = f.path;
    if (!path) continue;
    for (let i = 0; i + 1 < path.length; i++) {
      const here = path[i] ?? '';
      const next = path[i + 1] ?? '';
      for (const p of f.routeDestinations) add(here, next, p, f.flowId);
      for (const p of f.sources) add(next, here, p, f.flowId);
    }
  }
  return { routes, conflicts };
}

/** Per peer of `host`: its AllowedIPs, explicit ones from the design where set, else the routes, summarised. */
export function allowedIPsOfHost(
  design: Design, host: Host, routes: Routes, explicit: ReadonlyMap<string, readonly string[] | null>,
): Map<string, Prefix[]> {
  const mine = routes.get(host.id) ?? new Map<string, Map<string, Prefix>>();
  const pools = summarisablePools(design, host, mine);
  const out = new Map<string, Prefix[]>();
  for (const peerId of new Set([...mine.keys(), ...explicit.keys()])) {
    const given = explicit.get(peerId);
    if (given) {
      out.set(peerId, sortUnique(given.map((s) => networkOf(parsePrefix(s)))));
      continue;
    }
    let list = [...(mine.get(peerId)?.values() ?? [])];
    for (const [pool, holder] of pools) {
      if (holder !== peerId) continue;
      const inside = list.filter((p) => containsPrefix(pool, p));
      if (inside.length >= 2) list = [...list.filter((p) => !containsPrefix(pool, p)), pool];
    }
    out.set(peerId, sortUnique(list));
  }
  return out;
}

/**
 * Pools that may stand in for their addresses on this host, each with the one peer behind which all of its routed
 * addresses sit. A pool qualifies when this host holds none of it and no route overlaps it from another peer or
 * covers it: then routing is unchanged and configs stay short. One pass over the host's routes: O(routes · pools).
 */
function summarisablePools(design: Design, host: Host, mine: Map<string, Map<string, Prefix>>): Map<Prefix, string> {
  const own = addressesOf(host);
  const candidates = Object.values(design.network.pools)
    .filter((t): t is string => t !== null)
    .map((t) => networkOf(parsePrefix(t)))
    .filter((pool) => !own.some((a) => prefixesOverlap(a, pool)));
  const holder = new Map<Prefix, string | null>();
  for (const [peerId, set] of mine) {
    for (const p of set.values()) {
      for (const pool of candidates) {
        if (!prefixesOverlap(p, pool)) continue;
        const covers = p.len < pool.len;
        const prev = holder.get(pool);
        holder.set(pool, covers || (prev !== undefined && prev !== peerId) ? null : peerId);
      }
    }
  }
  const out = new Map<Prefix, string>();
  for (const [pool, peerId] of holder) if (peerId !== null) out.set(pool, peerId);
  return out;
}

function sortUnique(list: Prefix[]): Prefix[] {
  const seen = new Map(list.map((p) => [formatPrefix(p), p]));
  return [...seen.values()].sort(comparePrefixes);
}
