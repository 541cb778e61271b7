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
  // Per host, its routes by network key and the same routes as a list in the order added: planning iterates each
  // host's routes twice, and an array is read without the iterator objects a Map's values() makes per step.
  private readonly byHost = new Map<string, { byKey: Map<number | string, Route>; list: Route[] }>();

  /**
   * Puts `prefix`'s network under `peerId` on `hostId`; the peer that already holds it if another, else null. The
   * caller names hosts of the design only (planAllowedIPs: tunnel ends it found, hops of planned paths).
   */
  add(hostId: string, peerId: string, prefix: Prefix): string | null {
    let routes = this.byHost.get(hostId);
    if (!routes) this.byHost.set(hostId, (routes = { byKey: new Map(), list: [] }));
    const key = networkKey(prefix);
    const held = routes.byKey.get(key);
    if (held) return held.peer === peerId ? null : held.peer;
    const route = { peer: peerId, prefix: asNetwork(prefix) };
    routes.byKey.set(key, route);
    routes.list.push(route);
    return null;
  }

  /** `hostId`'s routes, in the order they were added. */
  of(hostId: string): readonly Route[] {
    return this.byHost.get(hostId)?.list ?? NO_ROUTES;
  }
}

const NO_ROUTES: readonly Route[] = Object.freeze([]);
