import type { BundleFile } from '../bundle/bundle-file';
import type { Design, FailoverGroup } from '../model/design';
import { WG_INTERFACE } from '../plan/types';
import { formatPrefix, parsePrefix } from '../net';
import { buildPlan } from '../plan/build-plan';
import type { HostPlan, Plan } from '../plan/types';
import type { FirewallBackend } from '../render/install-script';
import { renderIptables } from '../render/iptables';
import { renderNftables } from '../render/nftables';
import { renderWgQuick } from '../render/wg-quick';
import { keysFromInstalledLines } from '../render/install-secrets';

/** The design after promoting a group's replica: it holds the floating address, the old primary stands by. */
export function promoted(design: Design, groupId: string): Design {
  return {
    ...design,
    failover: design.failover.map((g) => (g.id === groupId ? { ...g, primary: g.replica, replica: g.primary } : g)),
  };
}

/**
 * For each failover group: `<host>/failover/promote-<replica>.sh` on every host whose config or firewall differs
 * once the replica is promoted, with that host's new files beside it. The scripts install the new firewall,
 * sync wg0 (which moves the floating address's AllowedIPs to the new holder's peer, leaving other peers alone),
 * and move the address itself from the old primary's wg0 to the replica's.
 */
export function promotionFiles(plan: Plan, firewall: FirewallBackend, secrets: 'inline' | 'external' = 'inline'): BundleFile[] {
  const files: BundleFile[] = [];
  for (const group of plan.design.failover) {
    const after = buildPlan(promoted(plan.design, group.id));
    const affected: string[] = [];
    for (const now of plan.hosts) {
      const next = after.byId.get(now.host.id);
      if (!next || now.host.external) continue;
      // `external`: the promoted wg0.conf has no key either; its script takes them from the installed one.
      const conf = renderWgQuick(next, { privateKey: 'include', designName: plan.design.name, secrets });
      const rules = firewallFiles(next, firewall);
      const member = now.host.id === group.primary || now.host.id === group.replica;
      const same = conf === renderWgQuick(now, { privateKey: 'include', designName: plan.design.name, secrets })
        && rules.every((r) => firewallFiles(now, firewall).some((x) => x.name === r.name && x.content === r.content));
      if (same && !member) continue;
      affected.push(now.host.id);
      const dir = `${now.host.id}/failover/promote-${group.replica}`;
      files.push(
        { path: `${dir}.sh`, content: promoteScript(group, now, next, firewall, secrets === 'external'), mode: 0o700 },
        { path: `${dir}/${WG_INTERFACE}.conf`, content: conf, mode: 0o600 },
        ...rules.map((r) => ({ path: `${dir}/${r.name}`, content: r.content, mode: 0o644 })),
      );
    }
    files.push({ path: `failover/${group.id}.md`, content: readme(group, affected), mode: 0o644 });
  }
  return files;
}

function firewallFiles(hp: HostPlan, backend: FirewallBackend): Array<{ name: string; content: string }> {
  if (backend === 'nftables') return [{ name: 'firewall.nft', content: renderNftables(hp) }];
  return [{ name: 'firewall.iptables', content: renderIptables(hp, 4) }, { name: 'firewall.ip6tables', content: renderIptables(hp, 6) }];
}

function promoteScript(group: FailoverGroup, now: HostPlan, next: HostPlan, backend: FirewallBackend, external: boolean): string {
  const wg = WG_INTERFACE;
  const floating = formatPrefix(parsePrefix(group.address));
  const id = now.host.id;
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
  lines.push(`echo "failover ${group.id}: host ${id} now sends ${floating} to ${group.replica}"`, '');
  return lines.join('\n');
}

function readme(group: FailoverGroup, affected: readonly string[]): string {
  return [
    `# Failover ${group.id}: ${group.address}`,
    '',
    `${group.primary} holds the floating address now; ${group.replica} is the replica.`,
    `Promote the database first (e.g. \`pg_ctl promote\` on ${group.replica}), then run`,
    `\`failover/promote-${group.replica}.sh\` on ${group.primary} if it is still reachable, then on every other host below,`,
    `and last on ${group.replica}. Then set primary and replica the other way round in the design and export again.`,
    '',
    `Hosts with a promotion script: ${affected.join(', ')}.`,
    '',
  ].join('\n');
}
