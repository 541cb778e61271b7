import type { Design } from '../../engine';
import { pingProbe } from './net-probes';
import { plainAddress } from './probe-plan';

/**
 * Starts every tunnel before the probes, so a first connect does not wait out a handshake: both ends ping each
 * other (a ping makes wireguard-go handshake; only the end that knows the other's endpoint can) until one gets a
 * reply, five tries each at most. Hosts come up one after another, so an early handshake may have gone unanswered.
 */
export async function warmUpTunnels(design: Design, nsOf: ReadonlyMap<string, string>): Promise<void> {
  const first = new Map(design.hosts.map((h) => [h.id, h.addresses[0] === undefined ? null : plainAddress(h.addresses[0])]));
  await Promise.all(design.tunnels.map(async (t) => {
    const a = nsOf.get(t.a);
    const b = nsOf.get(t.b);
    const toA = first.get(t.a);
    const toB = first.get(t.b);
    if (!a || !b || !toA || !toB) return;
    for (let i = 0; i < 5; i++) {
      const [ab, ba] = await Promise.all([pingProbe(a, toB, 56), pingProbe(b, toA, 56)]);
      if (ab.ok || ba.ok) return;
    }
  }));
}
