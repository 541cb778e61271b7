#!/usr/bin/env bash
# Failover orders on host app-fiber: promote pg-v6-b, which takes 10.10.0.100/32 from pg-v6.
set -euo pipefail
cd "$(dirname "$0")/promote-pg-v6-b"
[ "$(id -u)" -eq 0 ] || { echo "run as root" >&2; exit 1; }
nft -c -f firewall.nft
install -m 600 firewall.nft /etc/wg-designer/firewall.nft
nft -f /etc/wg-designer/firewall.nft
install -m 600 wg0.conf /etc/wireguard/wg0.conf
wg syncconf wg0 <(wg-quick strip /etc/wireguard/wg0.conf)
ip route replace 10.10.0.100/32 dev wg0
install -m 644 failover-orders.state /etc/wg-designer/failover-orders.state
echo "failover orders: host app-fiber now sends 10.10.0.100/32 to pg-v6-b"
