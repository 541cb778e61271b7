import type { Prefix } from '../net';
import { asNetwork, networkKey } from '../net';

/** One AllowedIPs entry of a host's interface: a network and the peer it is routed to. */
export interface Route {
  peer: string;
  prefix: Prefix;
}

/**
 * One host's routes: by network key, and the same routes as a list in the order added (planning iterates each
 * host's routes twice, and an array is read without the iterator objects a Map's values() makes per step).
 */
export class HostRoutes {
  private readonly byKey = new Map<number | string, Route>();
  readonly list: Route[] = [];

  /** Puts `prefix`'s network under `peerId`; the peer that already holds it if another, else null. */
  add(peerId: string, prefix: Prefix): string | null {
    const key = networkKey(prefix);
    const held = this.byKey.get(key);
    if (held) return held.peer === peerId ? null : held.peer;
    const route = { peer: peerId, prefix: asNetwork(prefix) };
    this.byKey.set(key, route);
    this.list.push(route);
    return null;
  }
}

/**
 * Every host's routes, by network: what its flows and tunnels put under each peer. A network sits under one peer
 * only, the first that asked for it: WireGuard would silently hand it to the peer configured last.
 */
export class Routes {
  private readonly byHost = new Map<string, HostRoutes>();

  /**
   * `hostId`'s routes, to add to: a caller adding several (a flow's prefixes at one hop) looks the host up once. The
   * caller names hosts of the design only (planAllowedIPs: tunnel ends it found, hops of planned paths).
   */
  of(hostId: string): HostRoutes {
    let routes = this.byHost.get(hostId);
    if (!routes) this.byHost.set(hostId, (routes = new HostRoutes()));
    return routes;
  }

  /** `hostId`'s routes, in the order they were added. */
  listOf(hostId: string): readonly Route[] {
    return this.byHost.get(hostId)?.list ?? NO_ROUTES;
  }
}

const NO_ROUTES: readonly Route[] = Object.freeze([]);
