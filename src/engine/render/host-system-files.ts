import type { HostPlan } from '../plan/types';
import { renderFirewallUnit } from './install-script';
import type { FirewallBackend } from './install-script';
import { renderIptables } from './iptables';
import { renderNftables } from './nftables';
import { renderSysctl } from './sysctl';

/** A file of the host's system that the bundle also ships: where it goes, its name in the bundle, text and mode. */
export interface SystemFile {
  target: string;
  bundleName: string;
  content: string;
  mode: number;
}

/**
 * The firewall, its boot unit and the sysctl file, at the paths and modes install.sh gives them: cloud-init and
 * install-networkd.sh install the same files where install.sh would, so the hosts differ only in who runs wg0.
 */
export function hostSystemFiles(hp: HostPlan, backend: FirewallBackend): SystemFile[] {
  const files: SystemFile[] = backend === 'nftables'
    ? [{ target: '/etc/wg-designer/firewall.nft', bundleName: 'firewall.nft', content: renderNftables(hp), mode: 0o600 }]
    : [
      { target: '/etc/wg-designer/firewall.iptables', bundleName: 'firewall.iptables', content: renderIptables(hp, 4), mode: 0o600 },
      { target: '/etc/wg-designer/firewall.ip6tables', bundleName: 'firewall.ip6tables', content: renderIptables(hp, 6), mode: 0o600 },
    ];
  files.push({
    target: '/etc/systemd/system/wg-designer-firewall.service', bundleName: 'wg-designer-firewall.service',
    content: renderFirewallUnit(backend), mode: 0o644,
  });
  const sysctl = renderSysctl(hp);
  if (sysctl !== null) files.push({ target: '/etc/sysctl.d/90-wg-designer.conf', bundleName: 'sysctl.conf', content: sysctl, mode: 0o644 });
  return files;
}
