import { addressOf, isHostPrefix } from '../../net';
import type { Finding } from '../finding';
import type { Rule } from '../rule';
import { addr, net } from '../text';

/**
 * A peer's AllowedIPs that hold this host's own overlay address. As a host route it is an error: the peer claims
 * the address, and WireGuard accepts packets from it as if they came from the host's own address. A wider prefix
 * that merely covers it (`10.0.0.0/24` toward a hub, common in hand-written configs) works, because the kernel's
 * local routes win for the host's own address; that is information only. An address another host has too is
 * address-duplicate's: that peer holds it as its own, and renumbering is the fix.
 */
export const allowedIPsSelf: Rule = {
  id: 'allowed-ips-self',
  codes: ['allowed-ips-self', 'allowed-ips-covers-self'],
  run({ plan, index, label }) {
    const out: Finding[] = [];
    for (const hp of plan.hosts) {
      const self = hp.host.id;
      for (const a of hp.addresses) {
        const hit = index.wireguardRoute(self, addressOf(a));
        if (hit === null || hit.peer === null) continue;
        const exact = isHostPrefix(hit.prefix);
        if (exact && index.sharedAddresses.has(addressOf(a))) continue;
        const tunnel = index.peer(self, hit.peer)?.tunnelId;
        out.push({
          code: exact ? 'allowed-ips-self' : 'allowed-ips-covers-self',
          severity: exact ? 'error' : 'info',
          message: exact
            ? `On ${label(self)}, the AllowedIPs of ${label(hit.peer)} hold ${self}'s own address ${addr(a)}: the peer claims it, and WireGuard accepts packets from it as if they came from ${self}. Remove it from that peer's AllowedIPs (or renumber one of the two).`
            : `On ${label(self)}, the AllowedIPs of ${label(hit.peer)} include ${net(hit.prefix)}, which holds ${self}'s own address ${addr(a)}. This works (local routes win for a host's own address), but the range was probably copied from another host's config.`,
          subjects: { hosts: [self, hit.peer], ...(tunnel ? { tunnels: [tunnel] } : {}) },
        });
      }
    }
    return out;
  },
};
