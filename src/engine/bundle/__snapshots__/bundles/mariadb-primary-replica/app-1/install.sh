#!/usr/bin/env bash
# Installs WireGuard interface wg0 and its firewall on host app-1, as one transaction. Run as root here.
# Usage: ./install.sh [--yes]   (--yes skips the confirmation, for automation)
# It saves the running firewall, wg0 and every file it replaces in /etc/wg-designer/backups/<time> (mode 700),
# applies firewall, wg0 and its routes, then asks for "yes" within WG_DESIGNER_CONFIRM_SECONDS (default 60).
# No answer, a refusal, Ctrl-C, a dropped session or any failed step puts all of it back as it was, running and
# at boot. Run again with the same files, it changes nothing; with a new bundle, a running wg0 takes the change
# with `wg syncconf` (no restart: sessions survive). WG_DESIGNER_NO_SYSTEMD=1: wg-quick instead of systemd.
# Before changing anything it checks that the private key gives the public key the design expects; a mismatch is
# refused naming both fingerprints (the first 8 characters of each public key).
# Exit codes: 0 installed or nothing to change, 3 the host's key is not enrolled yet, any other: refused or rolled back.
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
seconds=${WG_DESIGNER_CONFIRM_SECONDS:-60}
case "$seconds" in ""|*[!0-9]*) fail "WG_DESIGNER_CONFIRM_SECONDS must be a whole number of seconds" ;; esac
[ "$(id -u)" -eq 0 ] || fail "run as root"
for tool in wg wg-quick ip cmp awk nft; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing: apt-get install wireguard-tools nftables iptables iproute2 diffutils"
done
systemd=0
if [ "${WG_DESIGNER_NO_SYSTEMD:-0}" != 1 ] && [ -d /run/systemd/system ]; then systemd=1; fi
# A failover promoted another member since this bundle was made: installing it would fail back.
if [ -f /etc/wg-designer/failover-billing.state ]; then
  active=$(head -n 1 /etc/wg-designer/failover-billing.state)
  case "$active" in ""|*[!a-z0-9-]*) active="(unreadable)" ;; esac
  if [ "$active" != maria-primary ]; then
    if [ "${WG_DESIGNER_ALLOW_FAILBACK:-0}" = 1 ]; then
      echo "install.sh: failover group billing: failing back from $active to maria-primary (WG_DESIGNER_ALLOW_FAILBACK=1)" >&2
    else
      fail "failover group billing: this host has $active active (/etc/wg-designer/failover-billing.state, written by promote-$active.sh), but this bundle makes maria-primary the primary: installing it would fail back. Run \`wg-designer promote <design.json> --group billing\`, export and install the new bundle; or set WG_DESIGNER_ALLOW_FAILBACK=1 to fail back on purpose. Nothing was changed"
    fi
  fi
fi

# The public key the design (and so every peer) expects for this host; empty until it is enrolled.
expected='bv+fFshtkGZMmmm6yzvslwcQTHV8oC59Ye/2876ZXGE='
[[ -z "$expected" || "$expected" =~ ^[A-Za-z0-9+/]{43}=$ ]] || fail "the public key in this bundle is malformed: nothing was changed"
pub=$(awk '$1 == "PrivateKey" { print $3; exit }' wg0.conf | wg pubkey 2>/dev/null) || fail "wg0.conf holds no valid PrivateKey: nothing was changed"
if [ "$pub" != "$expected" ]; then
  fail "the PrivateKey in wg0.conf gives public key ${pub:0:8} but the design (and every peer) expects ${expected:0:8} (fingerprints: the first 8 characters of each public key): nothing was changed. Use the wg0.conf of this bundle as exported"
fi

# Check everything first, so a bad file changes nothing.
nft -c -f firewall.nft || fail "firewall.nft does not load: nothing was changed"
# wg0.conf as it will be installed, private key and all: in a folder only root can read, removed on exit.
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
install -m 600 wg0.conf "$stage/wg0.conf"
wg-quick strip "$stage/wg0.conf" >/dev/null || fail "wg0.conf does not parse: nothing was changed"

# target|source|mode of every file this script owns; an empty source means the file must not exist.
targets=(
  "/etc/wireguard/wg0.conf|$stage/wg0.conf|600"
  "/etc/wg-designer/firewall.nft|firewall.nft|600"
  "/etc/sysctl.d/90-wg-designer.conf||644"
  "/etc/systemd/system/wg-designer-firewall.service|wg-designer-firewall.service|644"
  "/etc/systemd/system/wg-quick@wg0.service.d/wg-designer.conf|wg0-requires-firewall.conf|644"
)
# Folders created when missing, and removed again by a rollback (a folder before its parent).
dirs=(/etc/wg-designer/backups /etc/wg-designer /etc/wireguard /etc/systemd/system/wg-quick@wg0.service.d)

fw_save() { nft list table inet wg_designer > "$backup/table.nft" 2>/dev/null || rm -f "$backup/table.nft"; }
fw_apply() { nft -f /etc/wg-designer/firewall.nft; }
# Re-creates the table as it was (its listing loads back as is), or only deletes it when there was none.
fw_restore() {
  { echo 'table inet wg_designer'; echo 'delete table inet wg_designer'; if [ -f "$backup/table.nft" ]; then cat "$backup/table.nft"; fi; } | nft -f -
}
fw_present() { nft list table inet wg_designer >/dev/null 2>&1; }
net_state() { # "mtu N", "addr A/len" and "route P" lines: the routes wg-quick added (not the kernel's own)
  echo "mtu $(cat /sys/class/net/wg0/mtu)"
  ip -o address show dev wg0 | awk '$3 ~ /^inet/ && !/ scope link/ { print "addr", $4 }'
  { ip -4 route show dev wg0; ip -6 route show dev wg0; } | awk '!/proto kernel/ { print "route", $1 }'
}
net_restore() {
  local want now line
  want=$(cat "$1"); now=$(net_state)
  ip link set dev wg0 mtu "$(awk '$1 == "mtu" { print $2 }' <<<"$want")"
  while read -r line; do grep -qxF "$line" <<<"$want" || ip route del "${line#route }" dev wg0; done < <(grep '^route ' <<<"$now")
  while read -r line; do grep -qxF "$line" <<<"$want" || ip address del "${line#addr }" dev wg0; done < <(grep '^addr ' <<<"$now")
  while read -r line; do grep -qxF "$line" <<<"$now" || ip address add "${line#addr }" dev wg0; done < <(grep '^addr ' <<<"$want")
  while read -r line; do ip route replace "${line#route }" dev wg0; done < <(grep '^route ' <<<"$want")
}
# As wg-quick up: Address and MTU from [Interface]; a route per AllowedIPs unless a route on wg0 already covers it,
# the longest prefixes first. Routes of prefixes no peer has any more go.
net_sync() {
  local conf=/etc/wireguard/wg0.conf want mtu allowed now line p r proto
  want=$(awk -F= '/^\[/ { s = $0 } s == "[Interface]" && $1 ~ /^[[:space:]]*Address[[:space:]]*$/ { gsub(/[[:space:]]/, "", $2); n = split($2, a, ","); for (i = 1; i <= n; i++) print "addr", a[i] }' "$conf")
  mtu=$(awk -F= '/^\[/ { s = $0 } s == "[Interface]" && $1 ~ /^[[:space:]]*MTU[[:space:]]*$/ { gsub(/[[:space:]]/, "", $2); print $2 }' "$conf")
  now=$(net_state)
  while read -r line; do grep -qxF "$line" <<<"$want" || ip address del "${line#addr }" dev wg0; done < <(grep '^addr ' <<<"$now")
  while read -r line; do grep -qxF "$line" <<<"$now" || ip address add "${line#addr }" dev wg0; done < <(grep '^addr ' <<<"$want")
  if [ -n "$mtu" ]; then ip link set dev wg0 mtu "$mtu"; fi
  allowed=$(wg show wg0 allowed-ips | awk '{ for (i = 2; i <= NF; i++) if ($i != "(none)") print $i }' | sort -nr -k 2 -t /)
  while read -r r; do
    p=$r
    if [[ $p != */* && $p == *:* ]]; then p=$p/128; elif [[ $p != */* ]]; then p=$p/32; fi
    grep -qxF "$p" <<<"$allowed" || ip route del "$r" dev wg0
  done < <(net_state | sed -n 's/^route //p')
  for p in $allowed; do
    proto=-4; [[ $p == *:* ]] && proto=-6
    [ -n "$(ip "$proto" route show dev wg0 match "$p" 2>/dev/null)" ] || ip "$proto" route add "$p" dev wg0
  done
}

# Nothing to do when every file matches and wg0 and the firewall are in place: no restart, no question.
changed=0
for t in "${targets[@]}"; do
  IFS="|" read -r dest src _ <<<"$t"
  if [ -z "$src" ]; then [ ! -e "$dest" ] || changed=1; else cmp -s "$src" "$dest" || changed=1; fi
done
ip link show wg0 >/dev/null 2>&1 || changed=1
fw_present || changed=1
if [ "$changed" = 0 ]; then
  echo "install.sh: nothing to change on host app-1: wg0 and its firewall already match this bundle"
  exit 0
fi

rollback() {
  set +e
  local bad=0 unit enabled active
  if [ "$had_wg" = 1 ]; then
    wg syncconf wg0 "$backup/wg0.running" || bad=1
    net_restore "$backup/wg0.net" || bad=1
  else
    if [ "$systemd" = 1 ]; then systemctl stop wg-quick@wg0 2>/dev/null; fi
    if ip link show wg0 >/dev/null 2>&1; then wg-quick down wg0 2>/dev/null || ip link delete dev wg0; fi
    ! ip link show wg0 >/dev/null 2>&1 || bad=1
  fi
  fw_restore || bad=1
  while IFS= read -r kv; do sysctl -q -w "$kv" || bad=1; done < "$backup/sysctl.running"
  for t in "${targets[@]}"; do
    IFS="|" read -r dest _ _ <<<"$t"
    if [ -e "$backup/files$dest" ]; then cp -a "$backup/files$dest" "$dest" || bad=1; else rm -f "$dest"; fi
  done
  while read -r unit enabled active; do
    [ "$enabled" = enabled ] || systemctl disable -q "$unit"
    [ "$active" = active ] || systemctl stop "$unit" 2>/dev/null
  done < "$backup/units"
  if [ "$systemd" = 1 ]; then systemctl daemon-reload; fi
  if [ "$bad" = 0 ]; then
    rm -rf "$backup"
    for d in "${absent_dirs[@]}"; do rmdir "$d" 2>/dev/null; done
  fi
  return "$bad"
}
finish() {
  local rc=$?
  rm -rf "$stage"
  set +e
  [ "$state" = committed ] && exit "$rc"
  trap - EXIT
  trap "" INT HUP TERM  # a second Ctrl-C must not stop the rollback half-way
  [ "$rc" != 0 ] || rc=1
  if [ "$state" = saving ]; then
    rm -rf "$backup"
    for d in "${absent_dirs[@]}"; do rmdir "$d" 2>/dev/null; done
    echo "install.sh: $reason before anything was changed" >&2
    exit "$rc"
  fi
  if rollback; then
    echo "install.sh: $reason: everything is back as it was (firewall, wg0, routes and files); nothing was changed" >&2
  else
    echo "install.sh: $reason, and the rollback did not complete: what was replaced is in $backup" >&2
  fi
  exit "$rc"
}

# Save everything this run may change. A signal meanwhile only removes the half-made backup.
state=saving
trap 'finish' EXIT
trap 'reason="interrupted"; exit 130' INT
trap 'reason="the session dropped"; exit 129' HUP
trap 'reason="terminated"; exit 143' TERM
reason="a step failed"
backup=""
absent_dirs=()
for d in "${dirs[@]}"; do [ -d "$d" ] || absent_dirs+=("$d"); done
install -d -m 700 /etc/wg-designer /etc/wg-designer/backups
backup=$(mktemp -d "/etc/wg-designer/backups/$(date -u +%Y%m%dT%H%M%SZ)-XXXX")
chmod 700 "$backup"
for t in "${targets[@]}"; do
  IFS="|" read -r dest _ _ <<<"$t"
  if [ -e "$dest" ]; then mkdir -p "$backup/files$(dirname "$dest")"; cp -a "$dest" "$backup/files$dest"; fi
done
fw_save
had_wg=0
if ip link show wg0 >/dev/null 2>&1; then
  had_wg=1
  wg showconf wg0 > "$backup/wg0.running"
  net_state > "$backup/wg0.net"
fi
: > "$backup/sysctl.running"
if [ -f sysctl.conf ]; then
  awk -F'[ =]+' '/^[a-z]/ { print $1 }' sysctl.conf | while read -r key; do echo "$key=$(sysctl -n "$key")"; done >> "$backup/sysctl.running"
fi
: > "$backup/units"
if [ "$systemd" = 1 ]; then
  for unit in wg-designer-firewall.service wg-quick@wg0.service; do
    echo "$unit $(systemctl is-enabled "$unit" 2>/dev/null || true) $(systemctl is-active "$unit" 2>/dev/null || true)" >> "$backup/units"
  done
fi

state=applying
install -d -m 700 /etc/wireguard
install -d -m 755 /etc/systemd/system/wg-quick@wg0.service.d
for t in "${targets[@]}"; do
  IFS="|" read -r dest src mode <<<"$t"
  if [ -z "$src" ]; then rm -f "$dest"; elif ! cmp -s "$src" "$dest"; then install -m "$mode" "$src" "$dest"; fi
done
fw_apply
if [ "$systemd" = 1 ]; then
  systemctl daemon-reload
  systemctl enable -q wg-designer-firewall.service wg-quick@wg0.service
fi
if [ "$had_wg" = 1 ]; then
  wg syncconf wg0 <(wg-quick strip /etc/wireguard/wg0.conf)
  net_sync
elif [ "$systemd" = 1 ]; then
  systemctl start wg-quick@wg0
else
  wg-quick up wg0
fi

if [ "$confirm" = ask ]; then
  answer=""
  read -r -t "$seconds" -p "Firewall, wg0 and routes are applied. Type yes within $seconds s if you can still reach this host: " answer || true
  if [ "$answer" != yes ]; then reason="not confirmed"; exit 1; fi
fi
state=committed
trap - INT HUP TERM
if [ -f /etc/wg-designer/failover-billing.state ]; then printf '%s\n' maria-primary > /etc/wg-designer/failover-billing.state.new && mv -f /etc/wg-designer/failover-billing.state.new /etc/wg-designer/failover-billing.state; fi
# Keep the last five backups: each holds a previous wg0.conf, so they stay root-only under /etc/wg-designer.
find /etc/wg-designer/backups -mindepth 1 -maxdepth 1 -type d | sort | head -n -5 | xargs -r rm -rf --
echo "install.sh: wg0 is up on host app-1 (previous state in $backup); run ./check.sh to see each peer and flow"
