import { onPath } from './on-path';

/**
 * The tools prove calls, and the Debian package of each: wireguard-go and wg-quick bring each host's wg0 up (there
 * is no kernel module in a namespace we can count on), nft loads the bundle's firewall and the NAT routers', ip and
 * the util-linux tools make the namespaces and the hosts' private /run and /etc, nc listens and probes, ping warms
 * the tunnels up; install.sh itself also calls cmp and awk.
 */
const TOOLS: Readonly<Record<string, string>> = {
  'wireguard-go': 'wireguard-go', wg: 'wireguard-tools', 'wg-quick': 'wireguard-tools', nft: 'nftables', ip: 'iproute2',
  nc: 'netcat-openbsd', ping: 'iputils-ping', unshare: 'util-linux', nsenter: 'util-linux', sysctl: 'procps',
  cmp: 'diffutils', awk: 'mawk',
};
/** A bundle exported with `--firewall iptables` restores its rules with iptables-restore. */
const IPTABLES_TOOLS: Readonly<Record<string, string>> = { 'iptables-restore': 'iptables', 'ip6tables-restore': 'iptables' };

export interface Missing {
  root: boolean;
  /** Debian packages to install, sorted, each once. */
  packages: string[];
}

/** What this machine lacks for prove: root (namespaces, TUN devices) and the packages of tools not on `path`. */
export function missingPrerequisites(uid: number, path: string, iptables: boolean): Missing {
  const tools = { ...TOOLS, ...(iptables ? IPTABLES_TOOLS : {}) };
  const packages = [...new Set(Object.entries(tools).filter(([tool]) => !onPath(tool, path)).map(([, pkg]) => pkg))].sort();
  return { root: uid !== 0, packages };
}

/** The one line that says what is missing and how to get it, or null when nothing is. */
export function missingText(m: Missing): string | null {
  if (m.root) return 'prove needs root (it makes network namespaces and TUN devices): run it with sudo';
  if (m.packages.length === 0) return null;
  return `prove needs Debian packages that are missing: ${m.packages.join(', ')} (apt-get install ${m.packages.join(' ')}, or run prove with --install)`;
}
