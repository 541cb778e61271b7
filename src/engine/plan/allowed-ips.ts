import type { Design, Host } from '../model/design';
import { networkOf, parsePrefix } from '../net';
import type { Prefix } from '../net';
import type { ResolvedFlow } from './flows';
import { parsedHost } from './parsed-host';
import { asNetwork, bounds, highBound, lowBound } from './prefix-keys';
import type { Bound } from './prefix-keys';
import { Routes } from './routes';
import { sortSmall } from './sort-small';
import type { Topology } from './topology';

/** A prefix the flows wanted under two peers of one interface; the first kept it (see `RouteConflict` findings). */
export interface RouteConflict {
  hostId: string;
  prefix: Prefix;
  kept: string;
  refused: string;
  flowId: string;
}

/**
 * Every host's AllowedIPs per peer: the peer's own addresses, plus what declared flows send through it (toward the
 * target) and receive from it (the sources, so replies and WireGuard's source check pass). A prefix sits under one
 * peer only: WireGuard would silently hand it to the peer configured last.
 */
export function planAllowedIPs(design: Design, topo: Topology, flows: readonly ResolvedFlow[]) {
  const routes = new Routes(topo.numbers);
  const conflicts: RouteConflict[] = [];
  const add = (hostId: string, peerId: string, prefix: Prefix, flowId: string) => {
    const kept = routes.add(hostId, peerId, prefix);
    if (kept !== null) conflicts.push({ hostId, prefix: asNetwork(prefix), kept, refused: peerId, flowId });
  };
  for (const t of design.tunnels) {
    const a = topo.hosts.get(t.a);
    const b = topo.hosts.get(t.b);
    if (!a || !b) continue;
    for (const p of parsedHost(b).hostRoutes) add(a.id, b.id, p, '');
    for (const p of parsedHost(a).hostRoutes) add(b.id, a.id, p, '');
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

/**
 * Per peer of one host at a time: its AllowedIPs, explicit ones from the design where set, else the routes,
 * summarised. A plan loads each host in turn and reads its peers' lists right away, so the lists sit in arrays by
 * peer number made once per plan (a stamp says which host they belong to) rather than in a map per host. Each list is
 * made at its final size: grown by push, it would leave smaller storage behind as garbage and keep spare slots, for
 * every peer of every host.
 */
export class AllowedIPsOfHosts {
  /** Sized up front: stores far past the end of an empty array would turn it into a dictionary. */
  private readonly lists: Array<Prefix[] | undefined>;
  private readonly stamp: Int32Array;
  private readonly counts: Int32Array;
  private readonly filled: Int32Array;
  /** The peers of the host being loaded, by number (a typed array: nothing regrown per host). */
  private readonly loaded: Int32Array;
  private now = 0;

  constructor(private readonly design: Design, private readonly routes: Routes) {
    const n = routes.hostCount;
    this.lists = new Array<Prefix[] | undefined>(n).fill(undefined);
    this.stamp = new Int32Array(n);
    this.counts = new Int32Array(n);
    this.filled = new Int32Array(n);
    this.loaded = new Int32Array(n);
  }

  /** Computes `host`'s lists; they are read through `get` until the next load. */
  load(host: Host, explicit: ReadonlyMap<string, readonly string[] | null>): void {
    const { routes, stamp, counts, filled, lists, loaded } = this;
    const now = ++this.now;
    let peers = 0;
    const first = routes.first(host.id);
    if (first >= 0) {
      for (let i = first; i >= 0; i = routes.nextOf(i)) {
        const n = routes.peerNumberOf(i);
        counts[n] = (counts[n] as number) + 1;
      }
      // Routes are keyed by network: already unique, grouped here by peer in the order they were added.
      for (let i = first; i >= 0; i = routes.nextOf(i)) {
        const n = routes.peerNumberOf(i);
        if (stamp[n] !== now) {
          stamp[n] = now;
          lists[n] = explicit.get(routes.peerOf(i)) ? undefined : new Array<Prefix>(counts[n] as number);
          filled[n] = 0;
          loaded[peers++] = n;
        }
        const list = lists[n];
        if (!list) continue;
        const at = filled[n] as number;
        list[at] = routes.prefixOf(i);
        filled[n] = at + 1;
      }
      for (let k = 0; k < peers; k++) counts[loaded[k] as number] = 0;
      this.summarise(host, first);
      for (let k = 0; k < peers; k++) {
        const list = lists[loaded[k] as number];
        if (list) sortSmall(list, compareNetworks);
      }
    }
    // Most hosts pin nothing: no iterator made for the empty map.
    if (explicit.size > 0) this.loadExplicit(explicit, now);
  }

  private loadExplicit(explicit: ReadonlyMap<string, readonly string[] | null>, now: number): void {
    const { routes, stamp, lists } = this;
    for (const [peerId, given] of explicit) {
      const n = given ? routes.numberOf(peerId) : undefined;
      if (n === undefined) continue;
      stamp[n] = now;
      lists[n] = sortUnique((given as readonly string[]).map((s) => networkOf(parsePrefix(s))));
    }
  }

  /** The loaded host's AllowedIPs for `peerId`, or undefined when it has none. */
  get(peerId: string): Prefix[] | undefined {
    const n = this.routes.numberOf(peerId);
    return n !== undefined && this.stamp[n] === this.now ? this.lists[n] : undefined;
  }

  /** A pool replaces two or more routes inside it, all behind one peer (see summarisablePools): the list stays unique. */
  private summarise(host: Host, first: number): void {
    const spans = summarisablePools(this.design, host, this.routes, first);
    for (let k = 0; k < spans.length; k++) {
      const holder = holders[k];
      if (holder === undefined || holder === null || (inside[k] as number) < 2) continue;
      const list = this.lists[holder];
      if (!list) continue;
      const pool = spans[k] as Span;
      const kept = list.filter((p) => !contains(pool, p));
      kept.push(pool.prefix);
      this.lists[holder] = kept;
    }
  }
}

/** A pool with its network's first and last address, computed once. */
interface Span {
  prefix: Prefix;
  lo: Bound;
  hi: Bound;
}

// Called for every route of a host against every pool: bounds without allocating (IPv4 in plain numbers).
function contains(outer: Span, p: Prefix): boolean {
  if (outer.prefix.family !== p.family || p.len < outer.prefix.len) return false;
  return outer.lo <= lowBound(p) && highBound(p) <= outer.hi;
}

// The pools of a design, parsed once per pools object (and its texts) rather than once per host.
const poolCache = new WeakMap<Design['network']['pools'], { texts: Array<string | null>; spans: Span[] }>();

function poolSpans(design: Design): Span[] {
  const pools = design.network.pools;
  const hit = poolCache.get(pools);
  // Asked once per host: compare the texts in place rather than build an array each time.
  if (hit && hit.texts[0] === pools.db && hit.texts[1] === pools.app && hit.texts[2] === pools.gateway
    && hit.texts[3] === pools.client && hit.texts[4] === pools.ipv6) return hit.spans;
  const texts = [pools.db, pools.app, pools.gateway, pools.client, pools.ipv6];
  const spans = texts.filter((t): t is string => t !== null).map((t) => {
    const prefix = networkOf(parsePrefix(t));
    return { prefix, ...bounds(prefix) };
  });
  poolCache.set(pools, { texts, spans });
  return spans;
}

/**
 * Per pool of the design, for the host summarisablePools last looked at: undefined (no route in it), the number of
 * the one peer holding all of its routes, or null (it cannot stand in); and how many routes lie inside it. Scratch lists reused
 * for every host (the engine is synchronous), so a plan of thousands of hosts makes none.
 */
const holders: Array<number | null | undefined> = [];
const inside: number[] = [];

/**
 * Pools that may stand in for their addresses on this host, each with the one peer behind which all of its routed
 * addresses sit (in `holders`, with the count in `inside`). A pool qualifies when this host holds none of it and no
 * route overlaps it from another peer or covers it: then routing is unchanged and configs stay short. One pass over
 * the host's routes, each route's bounds computed once and set against every pool: O(routes · pools). Returns the
 * pools, in the order `holders` follows.
 */
function summarisablePools(design: Design, host: Host, routes: Routes, first: number): readonly Span[] {
  const own = parsedHost(host).hostRoutes;
  const spans = poolSpans(design);
  holders.length = spans.length;
  inside.length = spans.length;
  for (let k = 0; k < spans.length; k++) {
    holders[k] = holdsAny(spans[k] as Span, own) ? null : undefined;
    inside[k] = 0;
  }
  for (let i = first; i >= 0; i = routes.nextOf(i)) {
    const p = routes.prefixOf(i);
    const peer = routes.peerNumberOf(i);
    const lo = lowBound(p);
    const hi = highBound(p);
    for (let k = 0; k < spans.length; k++) {
      const pool = spans[k] as Span;
      const holder = holders[k];
      if (holder === null || pool.prefix.family !== p.family || hi < pool.lo || pool.hi < lo) continue;
      holders[k] = p.len < pool.prefix.len || (holder !== undefined && holder !== peer) ? null : peer;
      inside[k] = (inside[k] as number) + 1;
    }
  }
  return spans;
}

function holdsAny(pool: Span, list: readonly Prefix[]): boolean {
  for (const p of list) if (contains(pool, p)) return true;
  return false;
}

/** comparePrefixes order (family, start, length) for networks; no allocation for IPv4. */
function compareNetworks(a: Prefix, b: Prefix): number {
  if (a.family !== b.family) return a.family - b.family;
  const x = lowBound(a);
  const y = lowBound(b);
  return x < y ? -1 : x > y ? 1 : a.len - b.len;
}

/** Networks without duplicates, in comparePrefixes order (family, start, length). */
function sortUnique(list: readonly Prefix[]): Prefix[] {
  if (list.length < 2) return [...list];
  const sorted = list.map((prefix) => ({ prefix, lo: lowBound(prefix) }))
    .sort((a, b) => a.prefix.family - b.prefix.family || (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : a.prefix.len - b.prefix.len));
  const out: Prefix[] = [];
  let prev: { prefix: Prefix; lo: Bound } | undefined;
  for (const s of sorted) {
    if (!prev || prev.prefix.family !== s.prefix.family || prev.lo !== s.lo || prev.prefix.len !== s.prefix.len) out.push(s.prefix);
    prev = s;
  }
  return out;
}
