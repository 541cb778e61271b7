#!/usr/bin/env bash
# Installs WireGuard interface wg0 and its firewall on host app-2. Run as root from this folder.
# Usage: ./install.sh [--yes]   (--yes skips the 60 s confirmation, for automation)
set -euo pipefail
cd "$(dirname "$0")"

fail() { echo "install.sh: $*" >&2; exit 1; }
confirm=ask
for arg in "$@"; do
  case "$arg" in
    --yes) confirm=no ;;
    *) fail "unknown argument: $arg (usage: ./install.sh [--yes])" ;;
  esac
done
[ "$(id -u)" -eq 0 ] || fail "run as root"
for tool in wg wg-quick nft ip; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing: apt-get install wireguard-tools nftables iptables iproute2"
done

# Check everything first, so a bad file changes nothing.
nft -c -f firewall.nft || fail "firewall.nft does not load: nothing was changed"

# The firewall, with a way back.
install -d -m 700 /etc/wg-designer
{ echo 'table inet wg_designer'; echo 'delete table inet wg_designer'; nft list table inet wg_designer 2>/dev/null || true; } > /etc/wg-designer/previous.nft
# previous.nft re-creates the table as it was, or only deletes it when there was none.
rollback() { nft -f /etc/wg-designer/previous.nft; }
install -m 600 firewall.nft /etc/wg-designer/firewall.nft
nft -f /etc/wg-designer/firewall.nft
if [ "$confirm" = ask ]; then
  trap 'rollback; fail "interrupted: the previous firewall is back"' HUP INT TERM
  answer=""
  read -r -t 60 -p "New firewall applied. Type yes within 60 s if you can still reach this host: " answer || true
  if [ "$answer" != yes ]; then rollback; fail "not confirmed: the previous firewall is back, nothing else was changed"; fi
  trap - HUP INT TERM
fi

install -d -m 700 /etc/wireguard
install -m 600 wg0.conf /etc/wireguard/wg0.conf

if [ "${WG_DESIGNER_NO_SYSTEMD:-0}" != 1 ] && [ -d /run/systemd/system ]; then
  install -m 644 wg-designer-firewall.service /etc/systemd/system/wg-designer-firewall.service
  systemctl daemon-reload
  systemctl enable wg-designer-firewall.service
  systemctl enable wg-quick@wg0
  systemctl restart wg-quick@wg0
else
  if ip link show wg0 >/dev/null 2>&1; then wg-quick down wg0 || true; fi
  wg-quick up wg0
fi
echo "install.sh: wg0 is up on host app-2; run ./check.sh to see each peer and flow"
