import type { Design, Tunnel } from '../design';
import { uniqueId } from './unique-id';

/** The tunnel joining two hosts, if any: WireGuard has one peer entry per pair, so there is at most one. */
export function tunnelBetween(design: Design, a: string, b: string): Tunnel | undefined {
  return design.tunnels.find((t) => (t.a === a && t.b === b) || (t.a === b && t.b === a));
}

/**
 * Joins two hosts with a tunnel (automatic keepalive, computed AllowedIPs). Returns null when it cannot: the same
 * host twice, an unknown host, or a pair already joined.
 */
export function addTunnel(design: Design, a: string, b: string): { design: Design; id: string } | null {
  if (a === b || tunnelBetween(design, a, b)) return null;
  const ids = new Set(design.hosts.map((h) => h.id));
  if (!ids.has(a) || !ids.has(b)) return null;
  const id = uniqueId(`t-${a}-${b}`.slice(0, 60).replace(/-+$/, ''), new Set(design.tunnels.map((t) => t.id)));
  const tunnel: Tunnel = { id, a, b, presharedKey: null, keepalive: null, allowedIPs: null };
  return { design: { ...design, tunnels: [...design.tunnels, tunnel] }, id };
}
