// Tests: build-plan.test.ts (keepalives on NAT and undialable sides; dialable ones quiet) and validate/rules/nat-keepalive.test.ts.
import type { Host, Tunnel } from '../model/design';

/** The keepalive the field recommends for NAT: shorter than the shortest common UDP mapping timeout (30 s). */
export const DEFAULT_KEEPALIVE = 25;

/** A side that nobody can dial must keep its path open itself: behind NAT, or with no endpoint. */
export function needsKeepalive(host: Host): boolean {
  return host.behindNat || host.endpoint === null;
}

/**
 * PersistentKeepalive that `self` sends to `peer` on this tunnel. `keepalive: 0` turns it off; null means automatic
 * (25 on a side that cannot be dialed, when the peer can be: keepalives toward an undialable peer go nowhere).
 * An explicit value goes on the sides that need it, or on both when neither does (the user asked for it).
 */
export function keepaliveFor(tunnel: Tunnel, self: Host, peer: Host): number | null {
  if (tunnel.keepalive === 0) return null;
  if (tunnel.keepalive === null) {
    return needsKeepalive(self) && peer.endpoint !== null ? DEFAULT_KEEPALIVE : null;
  }
  if (needsKeepalive(self) || !needsKeepalive(peer)) return tunnel.keepalive;
  return null;
}
