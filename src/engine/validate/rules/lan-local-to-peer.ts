import { containsPrefix, formatAddress, isDefaultRoute } from '../../net';
import type { Address } from '../../net';
import type { Finding } from '../finding';
import type { RouteHit } from '../rule-index';
import type { Rule, RuleContext } from '../rule';
import { net } from '../text';

/**
 * Underlay addresses that the overlay routes capture. A host whose own underlay address (its endpoint, when it is
 * not behind NAT) lies in a prefix it routes into the tunnel would send its own lan's traffic into wg0: typically a
 * peer that sits on a network a gateway also routes as its lan. And a host that routes a peer's endpoint into the
 * tunnel sends WireGuard's own UDP packets into wg0, so the handshake never leaves it. wg-quick guards only a
 * default route (/0) against that, with its fwmark rule; any narrower prefix is the design's problem.
 */
export const lanLocalToPeer: Rule = {
  id: 'lan-local-to-peer',
  codes: ['lan-local-to-peer', 'endpoint-routed-into-tunnel'],
  run(ctx) {
    const { plan, index, label } = ctx;
    const out: Finding[] = [];
    for (const hp of plan.hosts) {
      const self = hp.host.id;
      const own = hp.host.behindNat ? null : index.parsed(self)?.endpointAddress ?? null;
      const ownHit = own === null ? null : captured(ctx, self, own);
      if (own !== null && ownHit !== null) {
        out.push({
          code: 'lan-local-to-peer',
          severity: 'error',
          message: `${label(self)}'s own underlay address ${formatAddress(own)} (its endpoint) lies in ${net(ownHit.prefix)}, which ${self} routes into the tunnel to ${label(ownHit.peer ?? '')}${lanOf(ctx, ownHit)}: ${self} would send its own lan's traffic into wg0, and wg-quick's route would clash with the lan's. Route only the part of that lan the flows need, or renumber one of the two networks.`,
          subjects: { hosts: [self, ownHit.peer ?? ''] },
        });
      }
      for (const peer of hp.peers) {
        if (peer.endpoint === null) continue;
        const ep = index.parsed(peer.hostId)?.endpointAddress ?? null;
        const hit = ep === null ? null : captured(ctx, self, ep);
        if (ep === null || hit === null) continue;
        out.push({
          code: 'endpoint-routed-into-tunnel',
          severity: 'error',
          message: `${label(self)} dials ${label(peer.hostId)} at ${peer.endpoint}, but routes ${net(hit.prefix)} into the tunnel to ${label(hit.peer ?? '')}${lanOf(ctx, hit)}: the encrypted packets for ${formatAddress(ep)} would loop back into wg0 and the handshake never leaves ${self}. Keep endpoints out of AllowedIPs.`,
          subjects: { hosts: [self, peer.hostId, hit.peer ?? ''].filter((x, i, a) => x !== '' && a.indexOf(x) === i), tunnels: [peer.tunnelId] },
        });
      }
    }
    return out;
  },
};

/** The tunnel route on `hostId` that takes an underlay address, ignoring a /0 (wg-quick keeps the underlay out of it). */
function captured({ index }: RuleContext, hostId: string, a: Address): RouteHit | null {
  const hit = index.wireguardRoute(hostId, a);
  return hit !== null && !isDefaultRoute(hit.prefix) ? hit : null;
}

/** ", part of gw's lan" when the captured prefix is a lan of the peer it is routed to. */
function lanOf({ index, label }: RuleContext, hit: RouteHit): string {
  if (hit.peer === null) return '';
  return index.lans(hit.peer).some((l) => containsPrefix(l, hit.prefix)) ? `, part of ${label(hit.peer)}'s lan` : '';
}
