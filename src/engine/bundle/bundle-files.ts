import { WG_INTERFACE } from '../model/design';
import { publicDesign } from '../model/public-design';
import type { Plan } from '../plan/types';
import { renderBundleReadme } from '../render/bundle-readme';
import { renderCheckScript } from '../render/check-script';
import { renderInstallScript } from '../render/install-script';
import { renderNftables } from '../render/nftables';
import { renderSysctl } from '../render/sysctl';
import { renderWgQuick } from '../render/wg-quick';

/** One file of an export; `mode` is its Unix permission (secrets 0600, scripts 0755). */
export interface BundleFile {
  path: string;
  content: string;
  mode: number;
}

/**
 * Every file of the bundle: `<host-id>/...` per host the design manages, plus the network README and the public
 * design. Paths are built from ids only, which the schema allow-lists as `[a-z0-9-]`: no entry can leave its folder.
 */
export function bundleFiles(plan: Plan): BundleFile[] {
  const files: BundleFile[] = [
    { path: 'README.md', content: renderBundleReadme(plan), mode: 0o644 },
    { path: 'design.json', content: `${JSON.stringify(publicDesign(plan.design), null, 2)}\n`, mode: 0o644 },
  ];
  for (const hp of plan.hosts) {
    if (hp.host.external) continue;
    const dir = hp.host.id;
    const sysctl = renderSysctl(hp);
    files.push(
      { path: `${dir}/${WG_INTERFACE}.conf`, content: renderWgQuick(hp, { privateKey: 'include', designName: plan.design.name }), mode: 0o600 },
      { path: `${dir}/firewall.nft`, content: renderNftables(hp), mode: 0o644 },
      { path: `${dir}/install.sh`, content: renderInstallScript(hp, sysctl !== null), mode: 0o755 },
      { path: `${dir}/check.sh`, content: renderCheckScript(plan, hp), mode: 0o755 },
    );
    if (sysctl !== null) files.push({ path: `${dir}/sysctl.conf`, content: sysctl, mode: 0o644 });
  }
  return files;
}
