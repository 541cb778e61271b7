import { formatPrefix } from '../net';
import type { HostPlan } from '../plan/types';
import { WG_INTERFACE } from '../plan/types';
import type { Promotion } from '../failover/promotions';
import type { FirewallBackend } from './install-script';
import { keysFromInstalledLines } from './install-secrets';
import { failoverStateFile, failoverStatePath } from './failover-state';

export { failoverStateFile, failoverStatePath } from './failover-state';

/**
 * `<host>/failover/promote-<replica>.sh`: installs the host's new firewall, syncs wg0 (which moves the floating
 * address's AllowedIPs to the new holder's peer, leaving other peers alone), and moves the address itself from the
 * old primary's wg0 to the replica's. `now` and `next` are the host's plans before and after the promotion;
 * `external`: the promoted wg0.conf has no key either, so the script takes them from the installed one.
 * Every step sets a state rather than making a change (`nft -f` of a file that deletes its own table first,
 * `wg syncconf`, `ip ... replace`, a delete that tolerates absence), so a second run changes nothing and the hosts
 * may run it in any order: each ends in the promoted state whatever the others have done. Last, it records the
 * promoted member in `failoverStatePath`, so install.sh of a bundle made before the promotion refuses to undo it.
 */
export function renderPromoteScript(promotion: Promotion, now: HostPlan, next: HostPlan, backend: FirewallBackend, external: boolean): string {
  const wg = WG_INTERFACE;
  const { group } = promotion;
  const floating = formatPrefix(promotion.floating);
  const id = now.id;
  const routesFloating = next.peers.some((p) => p.allowedIPs.some((a) => formatPrefix(a) === floating));
  const lines = [
    '#!/usr/bin/env bash',
    `# Failover ${group.id} on host ${id}: promote ${group.replica}, which takes ${floating} from ${group.primary}.`,
    'set -euo pipefail',
    `cd "$(dirname "$0")/promote-${group.replica}"`,
    '[ "$(id -u)" -eq 0 ] || { echo "run as root" >&2; exit 1; }',
    ...(external ? keysFromInstalledLines() : []),
    ...(backend === 'nftables'
      ? ['nft -c -f firewall.nft', 'install -m 600 firewall.nft /etc/wg-designer/firewall.nft', 'nft -f /etc/wg-designer/firewall.nft']
      : ['iptables-restore --test -n firewall.iptables', 'ip6tables-restore --test -n firewall.ip6tables',
        'install -m 600 firewall.iptables firewall.ip6tables /etc/wg-designer/',
        'iptables-restore -n /etc/wg-designer/firewall.iptables', 'ip6tables-restore -n /etc/wg-designer/firewall.ip6tables']),
    external ? `install -m 600 "$stage/${wg}.conf" /etc/wireguard/${wg}.conf` : `install -m 600 ${wg}.conf /etc/wireguard/${wg}.conf`,
    `wg syncconf ${wg} <(wg-quick strip /etc/wireguard/${wg}.conf)`,
  ];
  if (id === group.primary) lines.push(`ip address del ${floating} dev ${wg} 2>/dev/null || true`);
  if (id === group.replica) lines.push(`ip address replace ${floating} dev ${wg}`);
  if (routesFloating) lines.push(`ip route replace ${floating} dev ${wg}`);
  lines.push(
    // A file of the bundle, installed like the others: no redirection the script itself makes into /etc.
    `install -m 644 ${failoverStateFile(group.id)} ${failoverStatePath(group.id)}`,
    `echo "failover ${group.id}: host ${id} now sends ${floating} to ${group.replica}"`,
    '',
  );
  return lines.join('\n');
}

/** `failover/<group>.md`: the order to promote in, the way back, the hooks, and the hosts that have a script (`affected`). */
export function renderFailoverReadme(promotion: Promotion, affected: readonly string[]): string {
  const { group } = promotion;
  const hooks = `${group.replica}/failover/hooks/${group.id}/`;
  return [
    `# Failover ${group.id}: ${group.address}`,
    '',
    `${group.primary} holds the floating address now; ${group.replica} is the replica.`,
    `Promote the database first (e.g. \`pg_ctl promote\` on ${group.replica}), then run`,
    `\`failover/promote-${group.replica}.sh\` on ${group.primary} if it is still reachable, then on every other host below,`,
    `and last on ${group.replica}. Each script sets its host's end state and records ${group.replica} in`,
    `${failoverStatePath(group.id)}: running it twice, or the hosts in another order, ends the same.`,
    `Then run \`wg-designer promote <design.json> --group ${group.id}\` and export again: until then install.sh of this`,
    'bundle refuses to run on a host that recorded the promotion (it would fail back).',
    '',
    `\`failover/promote-${group.primary}.sh\` is the way back: it puts this bundle's state back on each host.`,
    `Patroni, repmgr and keepalived can run the member's own script: ${hooks} holds the wrappers (and so does`,
    `${group.primary}'s folder); they change only the member they run on, so the other hosts still run their script.`,
    '',
    `Hosts with a promotion script: ${affected.join(', ')}.`,
    '',
  ].join('\n');
}
