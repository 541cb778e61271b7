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
const TWO_32 = 2 ** 32;

/**
 * One host's routes, for longest-prefix lookups as WireGuard and the kernel make them. WireGuard's cryptokey routing
 * looks at the AllowedIPs only, and the same prefix under two peers belongs to the one configured last (as
 * `wg setconf` leaves it). The kernel sees the lans too, and a lan wins a tie with an AllowedIPs entry. Small
 * tables are scanned; large ones probe one hash entry per distinct length. IPv4 is done in plain numbers.
 */
export class RouteTable {
  // Built only for large tables (see `small`).
  private slots: Map<number | bigint, Slot> | null = null;
  private lengths: Record<4 | 6, number[]> = { 4: [], 6: [] };
  /** Small tables keep their inputs and are scanned: building nothing is cheaper than any index. */
  private readonly small: boolean;

  constructor(private readonly lans: readonly Prefix[], private readonly peers: readonly PeerPlan[]) {
    let count = lans.length;
    for (const p of peers) count += p.allowedIPs.length;
    this.small = count <= SCAN_LIMIT;
    if (this.small) return;
    this.slots = new Map();
    this.lengths = { 4: [], 6: [] };
    for (const prefix of lans) this.slot(prefix).lan ??= { prefix, peer: null };
    for (const p of peers) for (const prefix of p.allowedIPs) this.slot(prefix).peer = { prefix, peer: p.hostId };
    this.lengths[4].sort((a, b) => b - a);
    this.lengths[6].sort((a, b) => b - a);
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
    const v = a.family === 4 ? Number(a.value) : a.value;
    for (const len of this.lengths[a.family]) {
      const slot = this.slots?.get(a.family === 4 ? keyV4(v as number, len) : keyV6(v as bigint, len));
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
    if (withLans) for (const lan of this.lans) if ((!best || lan.len > best.len) && holdsAddress(lan, a)) best = lan;
    for (const p of this.peers) {
      for (const prefix of p.allowedIPs) {
        if (best && (prefix.len < best.len || (prefix.len === best.len && bestPeer === null))) continue;
        if (!holdsAddress(prefix, a)) continue;
        best = prefix;
        bestPeer = p.hostId;
      }
    }
    return best ? { prefix: best, peer: bestPeer } : null;
  }

  private slot(p: Prefix): Slot {
    const key = p.family === 4 ? keyV4(Number(p.addr), p.len) : keyV6(p.addr, p.len);
    const slots = this.slots ?? (this.slots = new Map());
    let slot = slots.get(key);
    if (!slot) {
      slot = { lan: null, peer: null };
      slots.set(key, slot);
      if (!this.lengths[p.family].includes(p.len)) this.lengths[p.family].push(p.len);
    }
    return slot;
  }
}

/** One number for an IPv4 network: its length and its prefix bits (below 2^38, so exact). */
function keyV4(v: number, len: number): number {
  return len * TWO_32 + (len === 0 ? 0 : v >>> (32 - len));
}

/** One bigint for an IPv6 network: its length above the prefix bits. */
function keyV6(v: bigint, len: number): bigint {
  return (BigInt(len) << 128n) | (v >> BigInt(128 - len));
}
