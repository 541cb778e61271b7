#!/usr/bin/env bash
# Failover sessions on host redis-primary: promote redis-replica, which takes 10.21.0.100/32 from redis-primary.
set -euo pipefail
cd "$(dirname "$0")/promote-redis-replica"
[ "$(id -u)" -eq 0 ] || { echo "run as root" >&2; exit 1; }
nft -c -f firewall.nft
install -m 600 firewall.nft /etc/wg-designer/firewall.nft
nft -f /etc/wg-designer/firewall.nft
install -m 600 wg0.conf /etc/wireguard/wg0.conf
wg syncconf wg0 <(wg-quick strip /etc/wireguard/wg0.conf)
ip address del 10.21.0.100/32 dev wg0 2>/dev/null || true
install -m 644 failover-sessions.state /etc/wg-designer/failover-sessions.state
echo "failover sessions: host redis-primary now sends 10.21.0.100/32 to redis-replica"
