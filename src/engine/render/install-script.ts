import { WG_INTERFACE } from '../model/design';
import type { HostPlan } from '../plan/types';

/**
 * A host's `install.sh`: checks before it changes anything, then installs the tunnel, forwarding and firewall.
 * The script holds no user text at all: ids are `[a-z0-9-]` and every path is fixed. `WG_DESIGNER_NO_SYSTEMD=1`
 * brings the tunnel up with wg-quick directly (containers, network namespaces, hosts without systemd).
 */
export function renderInstallScript(plan: HostPlan, hasSysctl: boolean): string {
  const wg = WG_INTERFACE;
  const keyFromHost = plan.host.privateKey === null;
  return `#!/usr/bin/env bash
# Installs WireGuard interface ${wg} and its firewall on host ${plan.host.id}. Run as root from this folder.
set -euo pipefail
cd "$(dirname "$0")"

fail() { echo "install.sh: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "run as root"
for tool in wg wg-quick nft ip; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing: apt-get install wireguard-tools nftables iproute2"
done

# Check everything first, so a bad file changes nothing.
nft -c -f firewall.nft || fail "firewall.nft does not load: nothing was changed"
${keyFromHost ? `[ -s /etc/wireguard/${wg}.key ] || fail "this host keeps its own key: (umask 077; wg genkey > /etc/wireguard/${wg}.key)"
wg pubkey < /etc/wireguard/${wg}.key >/dev/null || fail "/etc/wireguard/${wg}.key is not a WireGuard private key"
` : ''}
install -d -m 700 /etc/wireguard
${keyFromHost
    ? `awk -v key="$(cat /etc/wireguard/${wg}.key)" '{ print } /^\\[Interface\\]$/ { print "PrivateKey = " key }' ${wg}.conf > /etc/wireguard/${wg}.conf.new
chmod 600 /etc/wireguard/${wg}.conf.new
mv /etc/wireguard/${wg}.conf.new /etc/wireguard/${wg}.conf`
    : `install -m 600 ${wg}.conf /etc/wireguard/${wg}.conf`}
${hasSysctl ? `install -m 644 sysctl.conf /etc/sysctl.d/90-wg-designer.conf
sysctl -q -p /etc/sysctl.d/90-wg-designer.conf
` : ''}
install -d -m 700 /etc/wg-designer
install -m 600 firewall.nft /etc/wg-designer/firewall.nft
nft -f /etc/wg-designer/firewall.nft

if [ "\${WG_DESIGNER_NO_SYSTEMD:-0}" != 1 ] && [ -d /run/systemd/system ]; then
  systemctl enable --now wg-quick@${wg}
else
  if ip link show ${wg} >/dev/null 2>&1; then wg-quick down ${wg} || true; fi
  wg-quick up ${wg}
fi
echo "install.sh: ${wg} is up on host ${plan.host.id}; run 'wg show ${wg}' to see handshakes"
`;
}
