import { custodyOf } from './design';
import type { Design } from './design';

/** Hosts of the design that keep their own private key: managed (not external) and in `host` custody. */
export function hostCustodyHosts(design: Design): string[] {
  return design.hosts.filter((h) => !h.external && custodyOf(design.network, h) === 'host').map((h) => h.id);
}

/**
 * Tunnels with an end in `host` custody. Both ends of a tunnel must hold the same preshared key, so wg-designer
 * would have to make it and ship it in that host's bundle: a secret leaving the designer for a host whose point is
 * that no secret does. These tunnels go without one (Curve25519 alone, as WireGuard is without a PSK).
 */
export function hostCustodyTunnels(design: Design): string[] {
  const own = new Set(hostCustodyHosts(design));
  return design.tunnels.filter((t) => own.has(t.a) || own.has(t.b)).map((t) => t.id);
}
