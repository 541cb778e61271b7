import type { Address, Prefix } from '../net';
import { longestMatch } from '../net';
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
 * entry. Each lookup is built on first use: a table is consulted once per flow hop, and a plan of thousands of hosts
 * holds thousands of tables.
 */
export class RouteTable {
  private wireguardMatch: ((a: Address) => RouteHit | null) | null = null;
  private lanMatch: ((a: Address) => RouteHit | null) | null = null;

  constructor(private readonly lans: readonly Prefix[], private readonly peers: readonly PeerPlan[]) {}

  /** The peer WireGuard hands `a` to (its AllowedIPs hold `a` most specifically), or null. */
  wireguard(a: Address): RouteHit | null {
    this.wireguardMatch ??= longestMatch(lastConfiguredFirst(this.peers), SCAN_LIMIT);
    return this.wireguardMatch(a);
  }

  /** The kernel's route for `a`: a lan (`peer: null`) or the peer behind the most specific AllowedIPs entry. */
  kernel(a: Address): RouteHit | null {
    // The first of two equal lans is the one the kernel keeps (longestMatch's tie goes to the first).
    this.lanMatch ??= longestMatch(this.lans.map((prefix): RouteHit => ({ prefix, peer: null })), SCAN_LIMIT);
    const lan = this.lanMatch(a);
    const peer = this.wireguard(a);
    // The longer prefix wins; a lan wins a tie.
    return lan === null || (peer !== null && peer.prefix.len > lan.prefix.len) ? peer : lan;
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
