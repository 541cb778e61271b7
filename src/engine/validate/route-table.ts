import type { Address, Prefix } from '../net';
import type { PeerPlan } from '../plan/types';

/** Where a host sends an address: under a peer's AllowedIPs, or into one of its own lans (`peer: null`). */
export interface RouteHit {
  prefix: Prefix;
  peer: string | null;
}

/** One network in the table: the lan it is, and the peer WireGuard gives it to, either or both. */
interface Slot {
  lan: Prefix | null;
  peer: RouteHit | null;
}

interface FamilyTable<K> {
  /** Lengths present, longest first. */
  lengths: number[];
  byLength: Map<number, Map<K, Slot>>;
}

/**
 * One host's routes, for longest-prefix lookups as WireGuard and the kernel make them. WireGuard's cryptokey routing
 * looks at the AllowedIPs only, and the same prefix under two peers belongs to the one configured last (as
 * `wg setconf` leaves it). The kernel sees the lans too, and a lan wins a tie with an AllowedIPs entry. A lookup
 * probes one hash map per distinct length; IPv4 keys are plain numbers.
 */
export class RouteTable {
  private readonly v4: FamilyTable<number> = { lengths: [], byLength: new Map() };
  private readonly v6: FamilyTable<bigint> = { lengths: [], byLength: new Map() };

  constructor(lans: readonly Prefix[], peers: readonly PeerPlan[]) {
    for (const lan of lans) this.slot(lan).lan ??= lan;
    for (const p of peers) for (const prefix of p.allowedIPs) this.slot(prefix).peer = { prefix, peer: p.hostId };
    this.v4.lengths.sort((a, b) => b - a);
    this.v6.lengths.sort((a, b) => b - a);
  }

  /** The peer WireGuard hands `a` to (its AllowedIPs hold `a` most specifically), or null. */
  wireguard(a: Address): RouteHit | null {
    return this.find(a, (s) => s.peer);
  }

  /** The kernel's route for `a`: a lan (`peer: null`) or the peer behind the most specific AllowedIPs entry. */
  kernel(a: Address): RouteHit | null {
    return this.find(a, (s) => (s.lan ? { prefix: s.lan, peer: null } : s.peer));
  }

  private find(a: Address, pick: (s: Slot) => RouteHit | null): RouteHit | null {
    if (a.family === 4) {
      const v = Number(a.value);
      for (const len of this.v4.lengths) {
        const slot = this.v4.byLength.get(len)?.get(len === 0 ? 0 : v >>> (32 - len));
        const hit = slot ? pick(slot) : null;
        if (hit) return hit;
      }
      return null;
    }
    for (const len of this.v6.lengths) {
      const slot = this.v6.byLength.get(len)?.get(a.value >> BigInt(128 - len));
      const hit = slot ? pick(slot) : null;
      if (hit) return hit;
    }
    return null;
  }

  private slot(p: Prefix): Slot {
    if (p.family === 4) return slotIn(this.v4, p.len, p.len === 0 ? 0 : Number(p.addr) >>> (32 - p.len));
    return slotIn(this.v6, p.len, p.addr >> BigInt(128 - p.len));
  }
}

function slotIn<K>(table: FamilyTable<K>, len: number, key: K): Slot {
  let byKey = table.byLength.get(len);
  if (!byKey) {
    byKey = new Map();
    table.byLength.set(len, byKey);
    table.lengths.push(len);
  }
  let slot = byKey.get(key);
  if (!slot) {
    slot = { lan: null, peer: null };
    byKey.set(key, slot);
  }
  return slot;
}
