import type { Address, Prefix } from '../net';
import { holdsAddress, longestMatch } from '../net';
import { SCAN_LIMIT } from '../net';
import type { PeerPlan } from '../plan/types';

/** Where a host sends an address: under a peer's AllowedIPs, or into one of its own lans (`peer: null`). */
export interface RouteHit {
  prefix: Prefix;
  peer: string | null;
}

/**
 * One host's routes, for longest-prefix lookups as WireGuard and the kernel make them (net's longestMatch).
 * WireGuard's cryptokey routing looks at the AllowedIPs only, and the same prefix under two peers belongs to the one
 * configured last (as `wg setconf` leaves it). The kernel sees the lans too, and a lan wins a tie with an AllowedIPs
 * entry. A host with more than SCAN_LIMIT AllowedIPs gets a hashed table on its first lookup; the others are
 * scanned where they are, with nothing kept: a plan of thousands of hosts holds thousands of these.
 */
export class RouteTable {
  /** The hashed lookup of a host with many AllowedIPs; null for one that is scanned; undefined until first asked. */
  private table: ((a: Address) => RouteHit | null) | null | undefined = undefined;

  constructor(private readonly lans: readonly Prefix[], private readonly peers: readonly PeerPlan[]) {}

  /** The peer WireGuard hands `a` to (its AllowedIPs hold `a` most specifically), or null. */
  wireguard(a: Address): RouteHit | null {
    if (this.table === undefined) this.table = this.entries() <= SCAN_LIMIT ? null : longestMatch(lastConfiguredFirst(this.peers));
    return this.table === null ? this.scan(a) : this.table(a);
  }

  /** The kernel's route for `a`: a lan (`peer: null`) or the peer behind the most specific AllowedIPs entry. */
  kernel(a: Address): RouteHit | null {
    // The first of two equal lans is the one the kernel keeps: a later lan must be longer to win.
    let lan: Prefix | null = null;
    for (const p of this.lans) if ((lan === null || p.len > lan.len) && holdsAddress(p, a)) lan = p;
    const peer = this.wireguard(a);
    // The longer prefix wins; a lan wins a tie.
    return lan === null || (peer !== null && peer.prefix.len > lan.len) ? peer : { prefix: lan, peer: null };
  }

  private entries(): number {
    let n = 0;
    for (const p of this.peers) n += p.allowedIPs.length;
    return n;
  }

  /**
   * WireGuard's lookup for a host with few AllowedIPs (most of a plan's hosts): the entries scanned where they are,
   * the last configured first, with no table built or kept per host (at 20,000 hosts the tables were a third of
   * what a validation kept alive). A hit is the entry's prefix and peer.
   */
  private scan(a: Address): RouteHit | null {
    let best: Prefix | null = null;
    let by: string | null = null;
    for (let k = this.peers.length - 1; k >= 0; k--) {
      const p = this.peers[k] as PeerPlan;
      for (let i = p.allowedIPs.length - 1; i >= 0; i--) {
        const prefix = p.allowedIPs[i] as Prefix;
        if ((best === null || prefix.len > best.len) && holdsAddress(prefix, a)) {
          best = prefix;
          by = p.hostId;
        }
      }
    }
    return best === null ? null : { prefix: best, peer: by };
  }
}

/** The AllowedIPs entries, the last configured first: longestMatch gives a tie to the first, WireGuard to the last. */
function lastConfiguredFirst(peers: readonly PeerPlan[]): RouteHit[] {
  const routes: RouteHit[] = [];
  for (let k = peers.length - 1; k >= 0; k--) {
    const p = peers[k] as PeerPlan;
    for (let i = p.allowedIPs.length - 1; i >= 0; i--) routes.push({ prefix: p.allowedIPs[i] as Prefix, peer: p.hostId });
  }
  return routes;
}
