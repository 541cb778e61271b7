#!/usr/bin/env bash
# Checks WireGuard interface wg0 of host app-2: one line per check. Exit code: the number of failures, at most 125.
set -u
fails=0
ok() { printf 'OK    %s\n' "$1"; }
bad() { printf 'FAIL  %s\n      next: %s\n' "$1" "$2"; fails=$((fails + 1)); }
note() { printf 'NOTE  %s\n' "$1"; }

command -v wg >/dev/null 2>&1 || { bad "wg is not installed" "apt-get install wireguard-tools"; exit 1; }
if ! ip link show wg0 >/dev/null 2>&1; then
  bad "interface wg0 is missing" "run install.sh, or wg-quick up wg0; see journalctl -u wg-quick@wg0"
  exit "$fails"
fi
ok "interface wg0 is up"
now=$(date +%s)

handshake() { # public-key peer-id endpoint [the peer's overlay address]
  local ts
  ts=$(wg show wg0 latest-handshakes | awk -v k="$1" '$1 == k { print $2 }')
  # Right after an install a tunnel without keepalive has had no traffic, so no handshake: send some and look again.
  if [ "$ts" = 0 ] && [ -n "${4:-}" ]; then
    for _ in 1 2 3; do
      ping -c 1 -W 1 "$4" >/dev/null 2>&1
      ts=$(wg show wg0 latest-handshakes | awk -v k="$1" '$1 == k { print $2 }')
      if [ "$ts" != 0 ]; then break; fi
    done
  fi
  if [ -z "$ts" ]; then
    bad "peer $2: not configured on wg0" "compare /etc/wireguard/wg0.conf with this bundle's wg0.conf"
  elif [ "$ts" -eq 0 ]; then
    bad "peer $2: no handshake yet" "is UDP to $3 open on the underlay, and do both sides hold each other's current public key?"
  elif [ $((now - ts)) -gt 180 ]; then
    bad "peer $2: last handshake $((now - ts)) s ago" "no traffic or keepalive for a while; if traffic fails, check the endpoint $3 and NAT"
  else
    ok "peer $2: handshake $((now - ts)) s ago"
  fi
}

underlay_ping() { # endpoint outer-bytes family inner-mtu peer-id
  # The tunnel ping above travels inside WireGuard, whose own UDP packets leave without DF: the underlay may
  # fragment them silently. This probe sends DF pings of their size to the endpoint itself.
  local out mtu hop route
  if ! ping -"$3" -n -c 1 -W 2 "$1" >/dev/null 2>&1; then
    note "peer $5: $1 does not answer ping on the underlay (ICMP filtered?), so its path MTU is not measured"
    return
  fi
  if out=$(ping -"$3" -n -c 2 -i 0.3 -W 2 -M "do" -s "$(($2 - ($3 == 4 ? 28 : 48)))" "$1" 2>&1); then
    ok "peer $5: $2-byte WireGuard packets reach $1 unfragmented on the underlay"
    return
  fi
  # iputils says where the path is narrower: "From HOP ... Frag needed and DF set (mtu = N)" (IPv6: "Packet too
  # big: mtu=N"), or "local error: message too long, mtu=N" for this host's own link or a learned path MTU.
  mtu=$(printf '%s\n' "$out" | sed -n -E 's/.*mtu ?= ?([0-9]+).*/\1/p' | head -n 1)
  hop=$(printf '%s\n' "$out" | sed -n -E 's/^From ([0-9a-fA-F.:]+).*(Frag needed|too big).*/\1/p' | head -n 1)
  if [ -z "$hop" ]; then
    # No hop answered this time: the path MTU was learned earlier (the route says "expires"), or it is our own link.
    route=$(ip route get "$1" 2>/dev/null | tr "\n" " ")
    if [[ $route == *expires* ]]; then hop="a router on the path (a learned path MTU; tracepath -n $1 names it)"
    else hop="this host's own link ($(printf '%s' "$route" | sed -n -E 's/.* dev ([^ ]+).*/\1/p'))"; fi
  fi
  if [ -n "$mtu" ]; then
    bad "peer $5: $2-byte WireGuard packets to $1 do not pass: the underlay MTU is $mtu at $hop" "set MTU = $((mtu - ($3 == 4 ? 60 : 80))) in wg0.conf (and the design's underlay MTU = $mtu), or raise the MTU of that link"
  else
    bad "peer $5: $2-byte don't-fragment pings to $1 get no reply on the underlay, smaller ones do" "a hop drops big packets without saying so (PMTU black hole): lower MTU in wg0.conf until they pass, or find the hop with tracepath -n $1"
  fi
}

mtu_ping() { # address payload-bytes mtu peer-id
  if ping -c 1 -W 2 -M "do" -s "$2" "$1" >/dev/null 2>&1; then
    ok "peer $4: $3-byte don't-fragment packets cross the tunnel to $1"
  else
    bad "peer $4: no reply to a $3-byte don't-fragment ping to $1" "if smaller pings pass, lower MTU in wg0.conf; if none pass, check the handshake and the firewall"
  fi
}


tcp_connect() { # address port flow-id
  # shellcheck disable=SC2016 # $1 and $2 expand in the inner bash, which gets them as arguments
  if timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" 2>/dev/null; then
    ok "flow $3: TCP $1 port $2 connects"
  else
    bad "flow $3: TCP $1 port $2 does not connect" "is the service listening on $1? does the firewall on the target (nft list table inet wg_designer) accept this flow?"
  fi
}

handshake '+C175Yd3YF4MWeEpMbxq9mK2Y2xpkTRYjjQ4xgiHfyc=' maria-primary '203.0.113.40:51820' 10.22.0.1
underlay_ping '203.0.113.40' 1500 4 1440 maria-primary
mtu_ping 10.22.0.1 1412 1440 maria-primary
handshake '61XATnjXKet5xvMlD/KlMKTvn9v3lRzxW9RZ5ttI7Dk=' maria-replica '203.0.113.41:51820' 10.22.0.2
underlay_ping '203.0.113.41' 1500 4 1440 maria-replica
mtu_ping 10.22.0.2 1412 1440 maria-replica
tcp_connect 10.22.0.1 3306 f-app-2-primary
tcp_connect 10.22.0.2 3306 f-app-2-replica
tcp_connect 10.22.0.100 3306 f-app-2-primary-via-billing
tcp_connect 10.22.0.100 3306 f-app-2-primary-standby-billing
tcp_connect 10.22.0.100 3306 f-app-2-replica-via-billing
tcp_connect 10.22.0.100 3306 f-app-2-replica-standby-billing

if [ "$fails" -eq 0 ]; then echo "all checks passed"; else echo "$fails checks failed"; fi
exit "$((fails > 125 ? 125 : fails))"
