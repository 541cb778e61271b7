import { planPromotions } from '../../failover/promotions';
import type { Promotion } from '../../failover/promotions';
import type { HostPlan, Plan } from '../../plan/types';
import { WG_INTERFACE } from '../../plan/types';
import { failoverStateFile, renderFailoverReadme, renderPromoteScript } from '../../render/failover';
import type { FirewallBackend } from '../../render/install-script';
import { renderIptables } from '../../render/iptables';
import { renderNftables } from '../../render/nftables';
import { renderWgQuick } from '../../render/wg-quick';
import type { BundleFile } from '../bundle-file';
import type { BundleContext, Output } from './output';

/**
 * `<host>/failover/`: for each failover group, `promote-<replica>.sh` and the host's new files beside it, on every
 * managed host whose wg0.conf or firewall differs once the replica is promoted (and on both members), the same
 * the other way round (`promote-<primary>.sh`: back to this bundle's state, what a hook runs when the old primary
 * is promoted again), and `failover/<group>.md`. The promotions are planned once per bundle (failover/promotions.ts).
 */
export const failover: Output = {
  id: 'failover',
  network: (ctx) => promotionFiles(ctx),
};

function promotionFiles({ plan, options, secrets }: BundleContext): BundleFile[] {
  const files: BundleFile[] = [];
  const wgQuick = (hp: HostPlan) => renderWgQuick(hp, { privateKey: 'include', designName: plan.design.name, secrets });
  for (const promotion of planPromotions(plan)) {
    const { group } = promotion;
    const affected = directionFiles(promotion, plan, files);
    directionFiles(failback(promotion, plan), promotion.after, files);
    files.push({ path: `failover/${group.id}.md`, content: renderFailoverReadme(promotion, affected), mode: 0o644 });
  }
  return files;

  /** One direction's scripts and files, pushed to `files`; returns the hosts that have a script. */
  function directionFiles(promotion: Promotion, before: Plan, out: BundleFile[]): string[] {
    const { group, after } = promotion;
    const affected: string[] = [];
    for (const now of before.hosts) {
      const next = after.byId.get(now.id);
      if (!next || now.external) continue;
      const conf = wgQuick(next);
      const rules = firewallFiles(next, options.firewall);
      const member = now.id === group.primary || now.id === group.replica;
      const same = conf === wgQuick(now)
        && rules.every((r) => firewallFiles(now, options.firewall).some((x) => x.name === r.name && x.content === r.content));
      if (same && !member) continue;
      affected.push(now.id);
      const dir = `${now.id}/failover/promote-${group.replica}`;
      out.push(
        { path: `${dir}.sh`, content: renderPromoteScript(promotion, now, next, options.firewall, secrets === 'external'), mode: 0o700 },
        { path: `${dir}/${WG_INTERFACE}.conf`, content: conf, mode: 0o600 },
        ...rules.map((r) => ({ path: `${dir}/${r.name}`, content: r.content, mode: 0o644 })),
        { path: `${dir}/${failoverStateFile(group.id)}`, content: `${group.replica}\n`, mode: 0o644 },
      );
    }
    return affected;
  }
}

/** The way back: promoting the group's primary again after its replica was promoted ends in this bundle's plan. */
function failback(promotion: Promotion, plan: Plan): Promotion {
  const { group } = promotion;
  return { group: { ...group, primary: group.replica, replica: group.primary }, floating: promotion.floating, after: plan };
}

function firewallFiles(hp: HostPlan, backend: FirewallBackend): Array<{ name: string; content: string }> {
  if (backend === 'nftables') return [{ name: 'firewall.nft', content: renderNftables(hp) }];
  return [{ name: 'firewall.iptables', content: renderIptables(hp, 4) }, { name: 'firewall.ip6tables', content: renderIptables(hp, 6) }];
}
