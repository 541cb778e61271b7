import type { Prefix } from '../net';
import { asNetwork, networkKey } from '../net';

/** One AllowedIPs entry of a host's interface: a network and the peer it is routed to. */
export interface Route {
  peer: string;
  prefix: Prefix;
}

/**
 * Every host's routes, by network: what its flows and tunnels put under each peer. A network sits under one peer
 * only, the first that asked for it: WireGuard would silently hand it to the peer configured last.
 */
export class Routes {
  private readonly byHost = new Map<string, Map<number | string, Route>>();

  /**
   * Puts `prefix`'s network under `peerId` on `hostId`; the peer that already holds it if another, else null. The
   * caller names hosts of the design only (planAllowedIPs: tunnel ends it found, hops of planned paths).
   */
  add(hostId: string, peerId: string, prefix: Prefix): string | null {
    let routes = this.byHost.get(hostId);
    if (!routes) this.byHost.set(hostId, (routes = new Map()));
    const key = networkKey(prefix);
    const held = routes.get(key);
    if (held) return held.peer === peerId ? null : held.peer;
    routes.set(key, { peer: peerId, prefix: asNetwork(prefix) });
    return null;
  }

  /** `hostId`'s routes, in the order they were added. */
  of(hostId: string): Iterable<Route> {
    return this.byHost.get(hostId)?.values() ?? [];
  }
}
