#!/usr/bin/env bash
# Failover billing on host app-2: promote maria-primary, which takes 10.22.0.100/32 from maria-replica.
set -euo pipefail
cd "$(dirname "$0")/promote-maria-primary"
[ "$(id -u)" -eq 0 ] || { echo "run as root" >&2; exit 1; }
nft -c -f firewall.nft
install -m 600 firewall.nft /etc/wg-designer/firewall.nft
nft -f /etc/wg-designer/firewall.nft
install -m 600 wg0.conf /etc/wireguard/wg0.conf
wg syncconf wg0 <(wg-quick strip /etc/wireguard/wg0.conf)
ip route replace 10.22.0.100/32 dev wg0
install -m 644 failover-billing.state /etc/wg-designer/failover-billing.state
echo "failover billing: host app-2 now sends 10.22.0.100/32 to maria-primary"
