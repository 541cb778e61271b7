import type { Address, Prefix } from '../net';
import type { PeerPlan } from '../plan/types';
import { holdsAddress } from '../net';
import { SCAN_LIMIT } from '../plan/types';

/** Where a host sends an address: under a peer's AllowedIPs, or into one of its own lans (`peer: null`). */
export interface RouteHit {
  prefix: Prefix;
  peer: string | null;
}


/** What a large table adds to find an entry without scanning (see RouteTable). */
interface Index {
  /** Per family, by length, the lan entry of each network by its prefix bits. */
  lanAt: Record<4 | 6, Array<Map<number | bigint, number> | undefined>>;
  /** Per family, by length, the AllowedIPs entry of each network (the last peer's). */
  peerAt: Record<4 | 6, Array<Map<number | bigint, number> | undefined>>;
  /** Per family, the lengths present, longest first. */
  lengths: Record<4 | 6, number[]>;
  /** Entry number -> index of its peer (lans: -1), and its prefix. */
  owner: Int32Array;
  prefixes: Prefix[];
}

/**
 * One host's routes, for longest-prefix lookups as WireGuard and the kernel make them. WireGuard's cryptokey routing
 * looks at the AllowedIPs only, and the same prefix under two peers belongs to the one configured last (as
 * `wg setconf` leaves it). The kernel sees the lans too, and a lan wins a tie with an AllowedIPs entry.
 *
 * Entries are numbered: the lans first, then each peer's AllowedIPs in order. Small tables are scanned; large ones
 * probe one map per distinct length, from the network's prefix bits to its entry numbers (IPv4 bits as a 32-bit
 * integer, which V8 stores and hashes unboxed). Answers are made once per entry, when first asked: a table is
 * consulted once per flow hop, and a plan of thousands of hosts holds thousands of tables.
 */
export class RouteTable {
  /** Large tables only; small ones keep nothing but their inputs (a plan holds one table per host). */
  private readonly index: Index | null = null;
  /** The answers made so far, by entry number. */
  private hits: Array<RouteHit | undefined> | null = null;
  private readonly count: number;

  constructor(private readonly lans: readonly Prefix[], private readonly peers: readonly PeerPlan[]) {
    let count = lans.length;
    for (const p of peers) count += p.allowedIPs.length;
    this.count = count;
    if (count <= SCAN_LIMIT) return;
    const index: Index = {
      lanAt: { 4: [], 6: [] }, peerAt: { 4: [], 6: [] }, lengths: { 4: [], 6: [] }, owner: new Int32Array(count), prefixes: new Array(count),
    };
    let at = 0;
    for (const prefix of lans) {
      index.owner[at] = -1;
      index.prefixes[at] = prefix;
      // The first of two equal lans is the one the kernel keeps.
      const slots = slotsOf(index, index.lanAt, prefix);
      if (!slots.has(bits(prefix))) slots.set(bits(prefix), at);
      at++;
    }
    for (let k = 0; k < peers.length; k++) {
      for (const prefix of (peers[k] as PeerPlan).allowedIPs) {
        index.owner[at] = k;
        index.prefixes[at] = prefix;
        slotsOf(index, index.peerAt, prefix).set(bits(prefix), at);
        at++;
      }
    }
    index.lengths[4].sort((a, b) => b - a);
    index.lengths[6].sort((a, b) => b - a);
    this.index = index;
  }

  /** The peer WireGuard hands `a` to (its AllowedIPs hold `a` most specifically), or null. */
  wireguard(a: Address): RouteHit | null {
    return this.find(a, false);
  }

  /** The kernel's route for `a`: a lan (`peer: null`) or the peer behind the most specific AllowedIPs entry. */
  kernel(a: Address): RouteHit | null {
    return this.find(a, true);
  }

  private find(a: Address, withLans: boolean): RouteHit | null {
    const index = this.index;
    if (!index) return this.scanFor(a, withLans);
    const v4 = a.family === 4 ? Number(a.value) : 0;
    const lanAt = index.lanAt[a.family];
    const peerAt = index.peerAt[a.family];
    for (const len of index.lengths[a.family]) {
      const at = a.family === 4 ? bitsV4(v4, len) : bitsV6(a.value, len);
      const lan = withLans ? lanAt[len]?.get(at) : undefined;
      const entry = lan ?? peerAt[len]?.get(at);
      if (entry !== undefined) return this.hit(index, entry);
    }
    return null;
  }

  /** Longest match by scanning: lans first, then peers in order, a later peer winning a tie with an earlier one. */
  private scanFor(a: Address, withLans: boolean): RouteHit | null {
    let best: Prefix | null = null;
    let bestPeer: string | null = null;
    let bestAt = -1;
    let at = 0;
    for (const lan of this.lans) {
      if (withLans && (!best || lan.len > best.len) && holdsAddress(lan, a)) {
        best = lan;
        bestAt = at;
      }
      at++;
    }
    for (const p of this.peers) {
      for (const prefix of p.allowedIPs) {
        at++;
        if (best && (prefix.len < best.len || (prefix.len === best.len && bestPeer === null))) continue;
        if (!holdsAddress(prefix, a)) continue;
        best = prefix;
        bestPeer = p.hostId;
        bestAt = at - 1;
      }
    }
    if (!best) return null;
    const hits = (this.hits ??= new Array(this.count));
    return (hits[bestAt] ??= { prefix: best, peer: bestPeer });
  }

  /** The answer for entry `at` of a large table. */
  private hit(index: Index, at: number): RouteHit {
    const hits = (this.hits ??= new Array(this.count));
    let hit = hits[at];
    if (!hit) {
      const k = index.owner[at] as number;
      hit = { prefix: index.prefixes[at] as Prefix, peer: k < 0 ? null : (this.peers[k] as PeerPlan).hostId };
      hits[at] = hit;
    }
    return hit;
  }
}

/** The map of `p`'s family and length in `byLength`, made (and its length noted) on first use. */
function slotsOf(index: Index, byLength: Index['lanAt'], p: Prefix): Map<number | bigint, number> {
  let slots = byLength[p.family][p.len];
  if (!slots) {
    byLength[p.family][p.len] = slots = new Map();
    const lengths = index.lengths[p.family];
    if (!lengths.includes(p.len)) lengths.push(p.len);
  }
  return slots;
}

/** The prefix bits of `p`'s network, as the maps key them. */
function bits(p: Prefix): number | bigint {
  return p.family === 4 ? bitsV4(Number(p.addr), p.len) : bitsV6(p.addr, p.len);
}

/** The prefix bits of an IPv4 address at length `len`, as a signed 32-bit integer (unboxed in V8). */
function bitsV4(v: number, len: number): number {
  return len === 0 ? 0 : (v >>> (32 - len)) | 0;
}

/** The prefix bits of an IPv6 address at length `len`. */
function bitsV6(v: bigint, len: number): bigint {
  return v >> BigInt(128 - len);
}
