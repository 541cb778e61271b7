import { promotionFiles } from '../failover/promotion-files';
import { WG_INTERFACE, custodyOf } from '../model/design';
import { publicDesign } from '../model/public-design';
import type { Plan } from '../plan/types';
import { renderBundleReadme } from '../render/bundle-readme';
import { renderInventory, renderPlaybook } from '../render/ansible';
import { renderCheckScript } from '../render/check-script';
import { renderMermaid } from '../render/mermaid';
import { renderAlertRules, renderPrometheusConfig } from '../render/monitoring';
import { qosIndex, renderQos } from '../render/qos';
import { WG_DROP_IN, renderFirewallUnit, renderInstallScript, renderWgDropIn } from '../render/install-script';
import { renderIptables } from '../render/iptables';
import { renderNftables } from '../render/nftables';
import { DEFAULT_BUNDLE_OPTIONS } from './bundle-options';
import type { BundleOptions } from './bundle-options';
import { renderSysctl } from '../render/sysctl';
import { renderWgQuick } from '../render/wg-quick';
import { renderVaultPutSecrets } from '../render/vault-put-secrets';
import { renderNextKeyScript } from '../render/next-key-script';
import type { BundleFile } from './bundle-file';

export type { BundleFile };

/**
 * Every file of the bundle: `<host-id>/...` per host the design manages, plus the network README and the public
 * design. Paths are built from ids only, which the schema allow-lists as `[a-z0-9-]`: no entry can leave its folder.
 */
export function bundleFiles(plan: Plan, options: BundleOptions = DEFAULT_BUNDLE_OPTIONS): BundleFile[] {
  const files: BundleFile[] = [
    { path: 'README.md', content: renderBundleReadme(plan, options.findings, Boolean(options.diagram?.svg), options.secrets.mode), mode: 0o644 },
    { path: 'docs/network.mmd', content: renderMermaid(plan), mode: 0o644 },
    { path: 'design.json', content: `${JSON.stringify(publicDesign(plan.design), null, 2)}\n`, mode: 0o644 },
  ];
  files.push(
    { path: 'ansible/inventory.ini', content: renderInventory(plan), mode: 0o644 },
    { path: 'ansible/site.yml', content: renderPlaybook(options.firewall, options.secrets.mode), mode: 0o644 },
  );
  // Any mode but plain: no key in any wg0.conf; install.sh gets them from the host's secrets (install-secrets.ts).
  const external = options.secrets.mode !== 'plain';
  const secrets = external ? options.secrets : undefined;
  files.push(...promotionFiles(plan, options.firewall, external ? 'external' : 'inline'));
  if (options.secrets.mode === 'vault') {
    const ids = plan.hosts.filter((h) => !h.host.external).map((h) => h.host.id);
    files.push({ path: 'vault/put-secrets.sh', content: renderVaultPutSecrets(ids, options.secrets.path), mode: 0o755 });
  }
  if (options.diagram?.svg) files.push({ path: 'docs/diagram.svg', content: options.diagram.svg, mode: 0o644 });
  const prometheus = renderPrometheusConfig(plan);
  const alerts = renderAlertRules(plan);
  if (prometheus) files.push({ path: 'monitoring/prometheus.yml', content: prometheus, mode: 0o644 });
  if (alerts) files.push({ path: 'monitoring/alerts.yml', content: alerts, mode: 0o644 });
  const qos = options.qos ? { rate: options.qos.bulkRateMbit, index: qosIndex(plan) } : null;
  for (const hp of plan.hosts) {
    if (hp.host.external) continue;
    const dir = hp.host.id;
    const sysctl = renderSysctl(hp);
    files.push({ path: `${dir}/${WG_INTERFACE}.conf`, content: renderWgQuick(hp, { privateKey: 'include', designName: plan.design.name, secrets: external ? 'external' : 'inline' }), mode: 0o600 });
    if (options.firewall === 'nftables') {
      files.push({ path: `${dir}/firewall.nft`, content: renderNftables(hp), mode: 0o644 });
    } else {
      files.push(
        { path: `${dir}/firewall.iptables`, content: renderIptables(hp, 4), mode: 0o644 },
        { path: `${dir}/firewall.ip6tables`, content: renderIptables(hp, 6), mode: 0o644 },
      );
    }
    files.push(
      { path: `${dir}/wg-designer-firewall.service`, content: renderFirewallUnit(options.firewall), mode: 0o644 },
      { path: `${dir}/${WG_DROP_IN}`, content: renderWgDropIn(), mode: 0o644 },
      { path: `${dir}/install.sh`, content: renderInstallScript(hp, { hasSysctl: sysctl !== null, firewall: options.firewall, hasQos: options.qos !== null, custody: custodyOf(plan.design.network, hp.host), secrets }), mode: 0o755 },
      { path: `${dir}/check.sh`, content: renderCheckScript(plan, hp), mode: 0o755 },
    );
    // A host that keeps its own key makes its next one itself, for a rotation that waits for its public key.
    if (custodyOf(plan.design.network, hp.host) === 'host') files.push({ path: `${dir}/next-key.sh`, content: renderNextKeyScript(hp.host.id), mode: 0o755 });
    if (qos) files.push({ path: `${dir}/qos.sh`, content: renderQos(hp, qos.index, qos.rate), mode: 0o755 });
    if (sysctl !== null) files.push({ path: `${dir}/sysctl.conf`, content: sysctl, mode: 0o644 });
  }
  return files;
}
