import { formatPrefix, isDefaultRoute, parsePrefix } from '../../net';
import type { Finding } from '../finding';
import type { Rule } from '../rule';

/**
 * A default route (0.0.0.0/0 or ::/0) in a database host's AllowedIPs. wg-quick then sends everything the host sends
 * through that peer, including its replies to management SSH and monitoring that arrive on the underlay: the
 * operator is locked out and the database's other traffic takes a detour. A database host routes only what its
 * flows need. The fix removes the default route where the AllowedIPs are explicit (imported).
 */
export const defaultRouteOnDb: Rule = {
  id: 'default-route-on-db',
  codes: ['default-route-on-db'],
  run({ plan, index, label }) {
    const out: Finding[] = [];
    for (const hp of plan.hosts) {
      if (hp.host.role !== 'db' && hp.host.database === null) continue;
      for (const peer of hp.peers) {
        const defaults = peer.allowedIPs.filter(isDefaultRoute);
        if (defaults.length === 0) continue;
        const self = hp.host.id;
        const finding: Finding = {
          code: 'default-route-on-db',
          severity: 'error',
          message: `Database host ${label(self)} routes ${defaults.map(formatPrefix).join(' and ')} to ${label(peer.hostId)}: wg-quick would send all its traffic through the tunnel, including replies to management SSH (port ${hp.firewall.managementPort}) arriving on the underlay, which locks the operator out. Route only the prefixes its flows need.`,
          subjects: { hosts: [self, peer.hostId], tunnels: [peer.tunnelId] },
        };
        const t = index.tunnel(peer.tunnelId);
        const side = t?.a === self ? 'ab' : 'ba';
        const explicit = t?.allowedIPs?.[side] ?? null;
        if (t && explicit !== null) {
          const kept = explicit.filter((p) => !isDefaultRoute(parsePrefix(p)));
          finding.fix = {
            label: `Remove the default route from ${label(self)}'s AllowedIPs for ${label(peer.hostId)}`,
            changes: [{ target: 'tunnel', id: t.id, set: { [`allowedIPs.${side}`]: kept.length > 0 ? kept : null } }],
          };
        }
        out.push(finding);
      }
    }
    return out;
  },
};
