// Tests: build-plan.test.ts (1500 - 60 = 1440 on an IPv4 underlay; PPPoE's 1492 along a path).
import type { Host, Tunnel } from '../model/design';
import { DEFAULT_MTU } from './types';
import type { TunnelPlan } from './types';

/** WireGuard over IPv4: 20 IP + 8 UDP + 32 WireGuard (16 header, 16 auth tag) = 60 bytes. */
export const OVERHEAD_IPV4 = 60;
/** WireGuard over IPv6: 40 IP + 8 UDP + 32 WireGuard = 80 bytes. */
export const OVERHEAD_IPV6 = 80;
/** An underlay we know nothing of is taken as Ethernet's 1500. */
const ASSUMED_UNDERLAY_MTU = 1500;

/** Encapsulation overhead of one end; an unknown family counts as IPv6, the larger, so the MTU is always safe. */
export function overheadOf(host: Host): number {
  return host.underlay?.family === 'ipv4' ? OVERHEAD_IPV4 : OVERHEAD_IPV6;
}

/** Per tunnel: the smaller underlay MTU of the two ends minus the larger encapsulation overhead. */
export function planTunnelMtu(tunnel: Tunnel, a: Host, b: Host): TunnelPlan {
  const underlayMtu = Math.min(a.underlay?.mtu ?? ASSUMED_UNDERLAY_MTU, b.underlay?.mtu ?? ASSUMED_UNDERLAY_MTU);
  const overhead = Math.max(overheadOf(a), overheadOf(b));
  return { tunnel, underlayMtu, overhead, safeMtu: underlayMtu - overhead };
}

/**
 * The interface MTU: the host's own setting, else the smallest safe MTU of its tunnels (one wg interface has one
 * MTU, so its tightest tunnel decides), else its own underlay, else wg-quick's 1420.
 */
export function hostMtu(host: Host, tunnels: readonly TunnelPlan[]): { mtu: number; source: 'host' | 'tunnels' | 'underlay' | 'default' } {
  if (host.mtu !== null) return { mtu: host.mtu, source: 'host' };
  if (tunnels.length > 0) return { mtu: Math.min(...tunnels.map((t) => t.safeMtu)), source: 'tunnels' };
  if (host.underlay) return { mtu: host.underlay.mtu - overheadOf(host), source: 'underlay' };
  return { mtu: DEFAULT_MTU, source: 'default' };
}
