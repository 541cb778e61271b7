import type { Address, Prefix } from '../net';
import type { PeerPlan } from '../plan/types';
import { holdsAddress } from '../plan/prefix-keys';

/** Where a host sends an address: under a peer's AllowedIPs, or into one of its own lans (`peer: null`). */
export interface RouteHit {
  prefix: Prefix;
  peer: string | null;
}

/** One network in the table: the lan it is, and the peer WireGuard gives it to, either or both. */
interface Slot {
  lan: RouteHit | null;
  peer: RouteHit | null;
}

/** Below this many routes a scan beats hashing (most hosts have a handful of peers). */
const SCAN_LIMIT = 16;

/**
 * One host's routes, for longest-prefix lookups as WireGuard and the kernel make them. WireGuard's cryptokey routing
 * looks at the AllowedIPs only, and the same prefix under two peers belongs to the one configured last (as
 * `wg setconf` leaves it). The kernel sees the lans too, and a lan wins a tie with an AllowedIPs entry. Small
 * tables are scanned; large ones probe one hash entry per distinct length. IPv4 is done in plain numbers.
 */
export class RouteTable {
  /**
   * Large tables only (see `small`): per family and length (the key `family * 256 + len`), the networks of that
   * length by their prefix bits. IPv4 bits are kept as a 32-bit integer, which V8 stores and hashes unboxed.
   */
  private byLength: Map<number, Map<number | bigint, Slot>> | null = null;
  /** Large tables only: per family, the lengths present, longest first. */
  private lengths: Record<4 | 6, number[]> | null = null;
  /** The answers of a small table, by entry (see `scanFor`). */
  private hits: Array<RouteHit | undefined> | null = null;
  /** Small tables keep their inputs and are scanned: building nothing is cheaper than any index. */
  private readonly small: boolean;

  constructor(private readonly lans: readonly Prefix[], private readonly peers: readonly PeerPlan[]) {
    let count = lans.length;
    for (const p of peers) count += p.allowedIPs.length;
    this.small = count <= SCAN_LIMIT;
    if (this.small) return;
    for (const prefix of lans) this.slot(prefix).lan ??= { prefix, peer: null };
    for (const p of peers) for (const prefix of p.allowedIPs) this.slot(prefix).peer = { prefix, peer: p.hostId };
    this.lengths?.[4].sort((a, b) => b - a);
    this.lengths?.[6].sort((a, b) => b - a);
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
    if (this.small) return this.scanFor(a, withLans);
    const v4 = a.family === 4 ? Number(a.value) : 0;
    for (const len of this.lengths?.[a.family] ?? []) {
      const slot = this.byLength?.get(a.family * 256 + len)?.get(a.family === 4 ? bitsV4(v4, len) : bitsV6(a.value, len));
      if (!slot) continue;
      const hit = withLans ? slot.lan ?? slot.peer : slot.peer;
      if (hit) return hit;
    }
    return null;
  }

  /** Longest match by scanning: lans first, then peers in order, a later peer winning a tie with an earlier one. */
  private scanFor(a: Address, withLans: boolean): RouteHit | null {
    let best: Prefix | null = null;
    let bestPeer: string | null = null;
    // Entries are numbered lans first, then each peer's AllowedIPs in order: the number names the cached answer.
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
    // Lookups repeat per flow: each answer is made once per table.
    const hits = (this.hits ??= new Array(at));
    return (hits[bestAt] ??= { prefix: best, peer: bestPeer });
  }

  private slot(p: Prefix): Slot {
    const byLength = (this.byLength ??= new Map());
    let slots = byLength.get(p.family * 256 + p.len);
    if (!slots) {
      byLength.set(p.family * 256 + p.len, (slots = new Map()));
      (this.lengths ??= { 4: [], 6: [] })[p.family].push(p.len);
    }
    const bits = p.family === 4 ? bitsV4(Number(p.addr), p.len) : bitsV6(p.addr, p.len);
    let slot = slots.get(bits);
    if (!slot) slots.set(bits, (slot = { lan: null, peer: null }));
    return slot;
  }
}

/** The prefix bits of an IPv4 address at length `len`, as a signed 32-bit integer (unboxed in V8). */
function bitsV4(v: number, len: number): number {
  return len === 0 ? 0 : (v >>> (32 - len)) | 0;
}

/** The prefix bits of an IPv6 address at length `len`. */
function bitsV6(v: bigint, len: number): bigint {
  return v >> BigInt(128 - len);
}
